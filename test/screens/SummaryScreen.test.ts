import {renderWizard, waitFor} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {exampleSummary} from '../helpers/example-summary.js';
import {consoleLinks} from '../../source/wizard/console-links.js';

it('shows what was made until the summary arrives', async () => {
	const wizard = renderWizard([
		{type: 'resource', step: 'domain', resource: {kind: 'domain', name: 'my-domain'}, reused: false},
		{type: 'resource', step: 'access', resource: {kind: 'iam-role', name: 'CodeArtifactBuildHost'}, reused: true},
		{type: 'step', step: 'summary', status: 'active'},
	]);
	const frame = await wizard.waitForText('+ Created domain my-domain');
	expect(frame).toContain('= Reused role CodeArtifactBuildHost');
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
		'A fresh token for every build (a token lasts 12 h), or one in this shell:\n  ↓ 2 commands, printed below\nTo undo what ca-wizard created here: ↓ 1 command, printed below\nor by hand, newest first: ↓ 2 commands, printed below',
	);
	expect(frame).not.toContain('ca-wizard token');
	expect(frame).not.toContain('delete-domain');
	expect(frame).not.toContain('ca-wizard sandbox --data');
	expect(frame).toContain('Commands are printed below the screen, ready to copy.');
	expect(frame).not.toContain('+ Created domain');
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
	expect(frame).toContain('or by hand, newest first: ↓ 2 commands, printed below');
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
	expect(frame).toContain("In the AWS console: the domain, the repository, its packages and the build\nhost's role: ↓ 4 links, printed below");
	expect(frame).toContain('Commands and console links are printed below the screen, ready to copy.');
	expect(frame).not.toContain('https://');
});

it('at 80×24 a list shows at least one entry before "… N more", or, with no row left, says how many it holds on its heading', async () => {
	const created = Array.from({length: 8}, (_, index) => ({resource: {kind: 'repository' as const, name: `resource-${index}`}, earlierRun: false}));
	const wizard = renderWizard(
		[
			{type: 'step', step: 'summary', status: 'active'},
			{type: 'summary', summary: {...exampleSummary, created}},
		],
		{columns: 80, rows: 24},
	);
	const frame = await wizard.waitForText('ready to copy');
	expect(frame).toContain('Created by ca-wizard:\n  + resource-0\n  … 7 more, printed below\n');
	expect(wizard.height()).toBeLessThan(24);

	// Two rows fewer: no entry fits.
	await wizard.resize({columns: 80, rows: 22});
	await waitFor(() => expect(wizard.frame()).toContain('Created by ca-wizard: 8 entries, printed below\n'));
	expect(wizard.frame()).not.toMatch(/:\n\s+… \d+ more/);
	expect(wizard.height()).toBeLessThan(22);
});
