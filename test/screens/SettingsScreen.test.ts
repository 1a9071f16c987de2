import {keys, renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {settingsEvents, writeSettings} from './journey-fixtures.js';

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

it('at 80×24 a long change is cut to fit, and v shows every line of it, the question staying', async () => {
	const wizard = renderWizard(settingsEvents, {columns: 80, rows: 24});
	const answer = wizard.host.ask(writeSettings);
	const cut = await wizard.waitForText('v view all');
	expect(cut).not.toContain('+</settings>');
	expect(wizard.height()).toBeLessThan(24);
	await wizard.press('v');
	await wizard.waitForText('lines 1–');
	const seen = new Set<string>();
	for (let step = 0; step < 40 && !wizard.frame().includes('+</settings>'); step++) {
		for (const line of wizard.frame().split('\n')) seen.add(line.trim());
		await wizard.press(keys.down);
	}
	for (const line of wizard.frame().split('\n')) seen.add(line.trim());
	expect(seen).toContain('+</settings>');
	expect(seen).toContain('+      <mirrorOf>*</mirrorOf>');
	const frame = wizard.frame();
	expect(frame.split('\n')[0]).toBe('ca-wizard · step 7 of 10');
	expect(frame).toContain('? Write this change to /tmp/ui-check-1/settings.xml?');
	expect(wizard.height()).toBeLessThan(24);
	await wizard.press(keys.enter);
	await expect(answer).resolves.toBe(true);
});
