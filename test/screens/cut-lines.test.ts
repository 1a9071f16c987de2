import {renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';
import type {Question} from '../../source/wizard/questions.js';
import {reachStep} from './journey-fixtures.js';

// At 80×24 nothing the learner needs is cut with "…" where `v` cannot reach it: a choice's
// path is its hint, which wraps; a finished step's line says its result in a few words.

const size = {columns: 80, rows: 24};
const demoDir = '/tmp/ca-wizard-steps-a1b2c3d4e5f6/ca-wizard-work/demo-project';

it("the demo project's path shows whole, wrapped under its choice", async () => {
	const project: Question = {
		kind: 'select',
		id: 'project-choice',
		message: 'Which Maven project should the build step compile?',
		choices: [
			{value: 'current', label: 'This folder', hint: 'Builds /home/learner/projects/a-rather-long-folder-name/services/billing/pom.xml where it is.'},
			{value: 'demo', label: 'The bundled demo project', hint: `Copied to ${demoDir}, and built there.`},
		],
		default: 'demo',
	};
	const wizard = renderWizard(reachStep('preflight'), size);
	void wizard.host.ask(project);
	const frame = await wizard.waitForText('❯ The bundled demo project');
	expect(frame.replace(/\s+/g, ' ')).toContain(`Copied to ${demoDir}, and built there.`);
	expect(frame).not.toContain('…');
	expect(wizard.height()).toBeLessThan(size.rows);
});

it.each([
	{
		whose: "ca-wizard's own repository, on a re-run",
		message: 'maven-repo already reaches Maven Central. Its way there: maven-repo → maven-central-store → public:maven-central; nothing to change.',
		line: '✔ Upstream — maven-repo already reaches Maven Central\n',
	},
	{
		whose: "a team's repository",
		message:
			'acme/libs already reaches Maven Central. This host is onboarded to it as it is, via libs → team-proxy → central-proxy → public:maven-central; nothing shared is changed.',
		line: '✔ Upstream — acme/libs already reaches Maven Central\n',
	},
])('the Upstream line for $whose that already reaches Maven Central is not cut', async ({message, line}) => {
	const wizard = renderWizard([...reachStep('upstream'), {type: 'note', step: 'upstream', tone: 'success', message}, ...reachStep('access').slice(-2)], size);
	const frame = await wizard.waitForText('✔ Upstream —');
	expect(frame).toContain(line);
	expect(wizard.height()).toBeLessThan(size.rows);
});
