import {renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {exampleSummary} from '../helpers/example-summary.js';
import {consoleLinks} from '../../source/wizard/console-links.js';

it('shows what was made until the summary arrives', async () => {
	const wizard = renderWizard([
		{type: 'resource', step: 'domain', resource: {kind: 'domain', name: 'my-domain'}, reused: false},
		{type: 'resource', step: 'access', resource: {kind: 'iam-role', name: 'CodeArtifactBuildHost'}, reused: true},
		{type: 'step', step: 'summary', status: 'active'},
	]);
	const frame = await wizard.waitForText('+ created domain my-domain');
	expect(frame).toContain('= reused  iam-role CodeArtifactBuildHost');
	expect(frame.replace(/\s+/g, ' ')).toContain('how to undo it all');
});

it('shows the summary without its commands, which are printed below the last frame where they can be copied', async () => {
	const wizard = renderWizard(
		[
			{type: 'step', step: 'summary', status: 'active'},
			{type: 'summary', summary: exampleSummary},
		],
		{columns: 80, rows: 40},
	);
	const frame = await wizard.waitForText('ready to copy');
	expect(frame).toContain('Created by ca-wizard:\n  + ca-wizard-demo');
	expect(frame).toContain('  /tmp/work/settings.xml (backup: /tmp/work/settings.xml.bak)');
	expect(frame).toContain('Start it in another shell, then eval here:\n  ↓ 2 commands, printed below');
	expect(frame).toContain(
		'A fresh token for every build (a token lasts 12 h), or one in this shell:\n  ↓ 2 commands, printed below\nTo undo what ca-wizard created here:\n  ↓ 1 command, printed below\nor by hand, newest first:\n  ↓ 2 commands, printed below',
	);
	expect(frame).not.toContain('ca-wizard token');
	expect(frame).not.toContain('delete-domain');
	expect(frame).not.toContain('ca-wizard sandbox --data');
	expect(frame).toContain('Commands are printed below the screen, ready to copy.');
	expect(frame).not.toContain('+ created domain');
});

it('when rows are few, the lists of what was made are shortened first: headings, command lines and the note stay', async () => {
	const created = Array.from({length: 15}, (_, index) => ({
		resource: {kind: 'repository' as const, name: `resource-${index}`, arn: `arn:aws:codeartifact:us-east-1:549480709600:repository/demo/resource-${index}`},
		earlierRun: false,
	}));
	const wizard = renderWizard(
		[
			{type: 'step', step: 'summary', status: 'active'},
			{type: 'summary', summary: {...exampleSummary, created, reused: []}},
		],
		{columns: 80, rows: 30},
	);
	const frame = await wizard.waitForText('ready to copy');
	expect(frame).toContain('Created by ca-wizard:\n  + resource-0');
	expect(frame).toMatch(/ {2}… \d+ more, printed below\nFiles:/);
	expect(frame).toContain('or by hand, newest first:\n  ↓ 2 commands, printed below');
	expect(wizard.height()).toBeLessThan(30);
});

it("a real-AWS run's console links are not cut on screen: counted there, printed whole below", async () => {
	const console = consoleLinks({region: 'eu-west-1', account: '123456789012', domain: 'ca-wizard-demo', repository: 'maven-repo', role: 'build-host-role'});
	const wizard = renderWizard(
		[
			{type: 'step', step: 'summary', status: 'active'},
			{type: 'summary', summary: {...exampleSummary, console}},
		],
		{columns: 80, rows: 40},
	);
	const frame = await wizard.waitForText('ready to copy');
	expect(frame).toContain("In the AWS console: the domain, the repository, its packages and the build\nhost's role:\n  ↓ 4 links, printed below");
	expect(frame).toContain('Commands and console links are printed below the screen, ready to copy.');
	expect(frame).not.toContain('https://');
});
