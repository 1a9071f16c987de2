import {renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';

it('shows the change to settings.xml before asking to write it', async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'settings', status: 'active'},
		{type: 'diff', step: 'settings', path: '/home/me/.m2/settings.xml', lines: ['+<mirror>', '+  <id>codeartifact</id>', '+</mirror>']},
	]);
	const answer = wizard.host.ask({kind: 'confirm', id: 'write-settings', message: 'Write this change?', default: false});
	const frame = await wizard.waitForText('› (y/N)');
	expect(frame).toContain('${env.CODEARTIFACT_AUTH_TOKEN}');
	expect(frame).toContain('/home/me/.m2/settings.xml');
	expect(frame).toContain('+  <id>codeartifact</id>');
	await wizard.press('y');
	await expect(answer).resolves.toBe(true);
});
