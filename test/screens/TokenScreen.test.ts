import {keys, renderWizard, waitFor} from '../helpers/render.js';
import {expect, it} from 'vitest';
import stringWidth from 'string-width';
import {reachStep, tokenDenied, tokenEvents, tokenFix} from './journey-fixtures.js';

/** The rows inside the problem's box, without its border. */
function boxed(frame: string): string[] {
	return frame
		.split('\n')
		.filter(line => line.startsWith('│ '))
		.map(line => line.slice(2).replace(/\s*│$/, ''));
}

it('shows why the token was refused and takes the chosen fix', async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'token', status: 'active'},
		{type: 'facts', step: 'token', facts: [{label: 'Build host role', value: 'ci-runner', tone: 'warn'}]},
		{
			type: 'problem',
			step: 'token',
			problem: {
				code: 'TokenRefused',
				message: 'The build host may not call codeartifact:GetAuthorizationToken.',
				fix: 'Attach the policy to the role the instance wears.',
			},
		},
	]);
	const answer = wizard.host.ask({
		kind: 'select',
		id: 'token-fix',
		message: 'How should the wizard fix it?',
		choices: [
			{value: 'attach-to-current-role', label: 'Attach the policy to ci-runner'},
			{value: 'stop', label: 'Stop here'},
		],
		default: 'attach-to-current-role',
	});
	const frame = await wizard.waitForText('? How should the wizard fix it?');
	expect(frame).toContain('short-lived authorization token');
	expect(frame).toContain('Build host role: ci-runner');
	expect(frame).toContain('✖ The build host may not call codeartifact:GetAuthorizationToken. [TokenRefused]');
	expect(frame).toContain('Fix: Attach the policy to the role the instance wears.');
	await wizard.press(keys.down, keys.enter);
	await expect(answer).resolves.toBe('stop');
});

it('the problem goes when the step runs again', async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'token', status: 'active'},
		{type: 'problem', step: 'token', problem: {code: 'TokenRefused', message: 'Refused.'}},
		{type: 'step', step: 'token', status: 'failed'},
	]);
	await wizard.waitForText('✖ Refused.');
	expect(wizard.frame()).toContain('✖ Token check');
	wizard.host.notify({type: 'step', step: 'token', status: 'active'});
	await wizard.waitForText('● Token check');
	expect(wizard.frame()).not.toContain('Refused.');
});

it('the refusal goes once a fix is chosen, while the fix is applied and waited for', async () => {
	const wizard = renderWizard(tokenEvents);
	const answer = wizard.host.ask(tokenFix);
	await wizard.waitForText('[denied-token]');
	await wizard.press(keys.enter);
	await expect(answer).resolves.toBe('attach-to-current-role');
	wizard.host.notify({type: 'progress', step: 'token', message: 'Waiting for the change to reach the build host (up to 12 s more)…'});
	const frame = await wizard.waitForText('Waiting for the change');
	expect(frame).not.toContain('denied-token');
	expect(frame).not.toContain('AccessDeniedException');
	expect(frame).not.toContain('✔ Asked');
});

it('at 80×24 the rail, the whole explanation, the choices and the keys fit; only the highlighted hint shows', async () => {
	const wizard = renderWizard(tokenEvents, {columns: 80, rows: 24});
	void wizard.host.ask(tokenFix);
	const frame = await wizard.waitForText('? How should the wizard fix this?');
	const lines = frame.split('\n');
	expect(lines[0]).toBe('ca-wizard · step 6 of 10');
	expect(wizard.height()).toBeLessThan(24);
	// The step's explanation gives way to the problem; v shows it.
	expect(lines.at(-1)).toBe('↑↓ choose · Enter select · v view all · q quit');
	// The details wrap inside the banner: every word of them is there, nothing cut with "…".
	expect(boxed(frame).join(' ').replace(/\s+/g, ' ')).toContain(
		tokenEvents.flatMap(event => (event.type === 'problem' ? (event.problem.details ?? []) : [])).join(' '),
	);
	expect(frame).not.toMatch(/…\s*│/);
	expect(lines.filter(line => /^[❯ ] (Attach|Replace|Stop)/.test(line))).toEqual([
		'❯ Attach the CodeArtifact read policy to role build-host-role (recommended)',
		'  Replace instance profile build-host-profile with ca-wizard-build-host',
		'  Stop here; I will fix it myself',
	]);
	expect(frame).toContain('  Adds only the token and read permissions');
	expect(frame).not.toContain('The instance would stop wearing');
	await wizard.press(keys.down);
	await wizard.waitForText('  The instance would stop wearing');
	expect(wizard.frame()).not.toContain('Adds only the token');
	expect(wizard.height()).toBeLessThan(24);
});

it("a finished step's result stays above the next screen", async () => {
	const wizard = renderWizard([
		...reachStep('token'),
		{type: 'progress', step: 'token', message: 'The build host got a token', done: true},
		{type: 'note', step: 'token', tone: 'success', message: 'Token valid until 2026-01-01T10:39:00.000Z (12 h). It is never shown or written anywhere.'},
	]);
	const during = await wizard.waitForText('✔ Token valid until');
	expect(during).not.toContain('✔ Token check —');
	wizard.host.notify({type: 'step', step: 'token', status: 'done'});
	wizard.host.notify({type: 'step', step: 'settings', status: 'active'});
	const after = await wizard.waitForText('✔ Token check — token valid until 2026-01-01T10:39:00.000Z (12 h)');
	expect(after.indexOf('✔ Token check —')).toBeLessThan(after.indexOf('Maven reads repositories'));
	await waitFor(() => expect(wizard.frame()).not.toContain('It is never shown'));
});

it("at 80×24 AWS's own error code and message stand verbatim under the plain explanation, and the asking is marked refused, not ✔", async () => {
	const wizard = renderWizard(tokenEvents, {columns: 80, rows: 24});
	void wizard.host.ask(tokenFix);
	const frame = await wizard.waitForText('? How should the wizard fix this?');
	const lines = frame.split('\n');
	expect(lines.length).toBeLessThanOrEqual(23);
	for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
	const inside = boxed(frame);
	expect(inside.slice(0, 3)).toEqual([
		'✖ The build host may not ask for a token [denied-token]',
		'Role build-host-role may not call codeartifact:GetAuthorizationToken.',
		'Nothing allows it to ask for the token Maven needs to read the repository.',
	]);
	// AWS's words, joined again from their rows, are exactly what AWS said, after the plain explanation.
	const aws = inside.findIndex(row => row.startsWith('AccessDeniedException: '));
	expect(aws).toBe(3);
	expect(inside.slice(aws).join(' ')).toBe(`${tokenDenied.code}: ${tokenDenied.message}`);
	expect(frame).not.toContain('… ');
	expect(frame).not.toMatch(/✔ Asked/);
});

it('with room, the refused asking shows as a ✖ above the problem', async () => {
	const wizard = renderWizard(tokenEvents, {columns: 120, rows: 40});
	void wizard.host.ask(tokenFix);
	const frame = await wizard.waitForText('? How should the wizard fix this?');
	expect(frame).toContain('✖ Asked for a token as the build host: refused');
	expect(frame.indexOf('✖ Asked for a token')).toBeLessThan(
		frame.indexOf('AccessDeniedException: User: arn:aws:sts::549480709600:assumed-role/build-host-role'),
	);
	expect(frame).not.toContain('✔ Asked');
});
