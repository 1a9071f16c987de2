import {keys, renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';

it('shows the policy with its reasons, and Enter accepts the default', async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'access', status: 'active'},
		{type: 'policy', step: 'access', name: 'CodeArtifactBuildHost', document: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}', explanations: ['sts:GetServiceBearerToken: CodeArtifact tokens are bearer tokens.']},
	]);
	const answer = wizard.host.ask({kind: 'confirm', id: 'create-access', message: 'Create the policy, the role and the instance profile?', default: true, canGoBack: true});
	const frame = await wizard.waitForText('? Create the policy');
	expect(frame).toContain('least-privilege IAM policy');
	expect(frame).toContain('Policy CodeArtifactBuildHost');
	expect(frame).toContain('"Version": "2012-10-17",');
	expect(frame).toContain('• sts:GetServiceBearerToken: CodeArtifact tokens are bearer tokens.');
	await wizard.press(keys.enter);
	await expect(answer).resolves.toBe(true);
});
