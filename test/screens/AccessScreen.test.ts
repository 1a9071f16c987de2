import {keys, renderWizard, waitFor, type RenderedWizard} from '../helpers/render.js';
import {describe, expect, it} from 'vitest';
import {accessEvents, createAccess} from './journey-fixtures.js';

it('shows the policy with its reasons, and Enter accepts the default', async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'access', status: 'active'},
		{
			type: 'policy',
			step: 'access',
			name: 'CodeArtifactBuildHost',
			document: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
			explanations: ['sts:GetServiceBearerToken: CodeArtifact tokens are bearer tokens.'],
		},
	]);
	const answer = wizard.host.ask({
		kind: 'confirm',
		id: 'create-access',
		message: 'Create the policy, the role and the instance profile?',
		default: true,
		canGoBack: true,
	});
	const frame = await wizard.waitForText('? Create the policy');
	expect(frame).toContain('least-privilege IAM policy');
	expect(frame).toContain('Policy CodeArtifactBuildHost');
	expect(frame).toContain('"Version": "2012-10-17",');
	expect(frame).toContain('• sts:GetServiceBearerToken: CodeArtifact tokens are bearer tokens.');
	expect(frame).not.toContain('v view all');
	await wizard.press(keys.enter);
	await expect(answer).resolves.toBe(true);
});

/** The rail on top, the question and the keys at the bottom, and no more rows than the terminal has. */
function expectWhole(wizard: RenderedWizard, rows: number) {
	const frame = wizard.frame();
	expect(frame.split('\n')[0]).toBe('ca-wizard · step 5 of 10');
	expect(frame).toContain('? Create (or reuse) the policy');
	expect(wizard.height()).toBeLessThan(rows);
}

describe.each([
	{columns: 80, rows: 24},
	{columns: 120, rows: 45},
])('a policy longer than the screen, at $columns×$rows', size => {
	it('shows what fits and says v shows it all; v shows all of it, scrolling, with the rail and the question in place', async () => {
		const wizard = renderWizard(accessEvents, size);
		const answer = wizard.host.ask(createAccess);
		const cut = await wizard.waitForText('v view all');
		expect(cut).toMatch(/… \d+ more lines · v view all/);
		expect(cut.trimEnd().split('\n').at(-1)).toBe('y/n · Enter yes · v view all · Esc back · q quit');
		expect(cut).not.toContain('BearerTokenForCodeArtifact: let STS');
		expectWhole(wizard, size.rows);

		await wizard.press('v');
		const open = await wizard.waitForText('v close');
		expect(open).toMatch(/lines 1–\d+ of \d+/);
		expect(open.trimEnd().split('\n').at(-1)).toBe('↑↓ PgUp/PgDn scroll · v close · y/n · Enter yes · Esc back · q quit');
		expectWhole(wizard, size.rows);

		const seen = new Set<string>();
		for (let page = 0; page < 8 && !/lines \d+–(\d+) of \1\n/.test(wizard.frame()); page++) {
			for (const line of wizard.frame().split('\n')) seen.add(line.trim());
			await wizard.press(keys.pageDown);
		}
		const end = wizard.frame();
		for (const line of end.split('\n')) seen.add(line.trim());
		expect(seen).toContain('│       "Action": "sts:GetServiceBearerToken",');
		expect(end).toContain('BearerTokenForCodeArtifact: let STS');
		expectWhole(wizard, size.rows);

		await wizard.press(keys.up);
		await waitFor(() => expect(wizard.frame()).not.toMatch(/lines \d+–(\d+) of \1\n/));

		await wizard.press('v');
		await wizard.waitForText('v view all');
		expectWhole(wizard, size.rows);
		await wizard.press('y');
		await expect(answer).resolves.toBe(true);
	});
});

it('v is only a key where there is more to see', async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'access', status: 'active'},
		{type: 'policy', step: 'access', name: 'P', document: '{}', explanations: []},
	]);
	const answer = wizard.host.ask(createAccess);
	await wizard.waitForText('Policy P');
	await wizard.press('v', 'n');
	expect(wizard.frame()).not.toContain('lines 1');
	await expect(answer).resolves.toBe(false);
});
