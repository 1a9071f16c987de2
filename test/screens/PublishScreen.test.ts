import {keys, renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {hostPublish, publishEvents} from './journey-fixtures.js';

it('at 80×24 shows the package row (origin INTERNAL, ALLOW / BLOCK) and the SHA-256, and v shows what the hash is for, the check and the files', async () => {
	const wizard = renderWizard(publishEvents, {columns: 80, rows: 24});
	const answer = wizard.host.ask(hostPublish);
	const frame = await wizard.waitForText('? Let the build host publish');
	const lines = frame.split('\n');
	expect(lines[0]).toBe('ca-wizard · step 9 of 10');
	expect(frame).toContain('5f0c2d8e4b7a1c9e3d6f8a2b4c7e9d1f3a5b7c9e2d4f6a8b1c3e5d7f9a2b4c6e');
	expect(frame).toMatch(/ca-wizard\/hello-ca-wizard\s+1\.0\.0\s+2026-12-02\s+INTERNAL\s+ALLOW\s+BLOCK/);
	expect(wizard.height()).toBeLessThan(24);
	expect(lines.every(line => line.length <= 80)).toBe(true);

	await wizard.press('v');
	await wizard.waitForText('lines 1–');
	const seen = new Set<string>();
	const atEnd = () => /lines \d+–(\d+) of \1\b/.test(wizard.frame());
	for (let step = 0; step < 30 && !atEnd(); step++) {
		for (const line of wizard.frame().split('\n')) seen.add(line.trim());
		await wizard.press(keys.down);
	}
	for (const line of wizard.frame().split('\n')) seen.add(line.trim());
	const all = [...seen].join('\n');
	expect(all).toContain('CodeArtifact computes the SHA-256 of the bytes it receives and keeps them only');
	expect(all).toContain('publish ALLOW / upstream BLOCK: new versions of this package come only from');
	expect(all).toContain('its SHA-256 matches the published one (5f0c2d8e4b7a…).');
	expect(all).toContain('Unpacked into /tmp/ca-wizard-unpacked-Xy12ab:');
	expect(seen).toContain('hello-ca-wizard.txt');
	await wizard.press(keys.enter);
	await expect(answer).resolves.toBe(false);
});
