import {keys, renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';

it('shows why the token was refused and takes the chosen fix', async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'token', status: 'active'},
		{type: 'facts', step: 'token', facts: [{label: 'Build host role', value: 'ci-runner', tone: 'warn'}]},
		{type: 'problem', step: 'token', problem: {code: 'TokenRefused', message: 'The build host may not call codeartifact:GetAuthorizationToken.', fix: 'Attach the policy to the role the instance wears.'}},
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
