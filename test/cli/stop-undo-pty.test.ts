import {execFileSync} from 'node:child_process';
import {realpathSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/cli-process.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {temporaryDirectory} from '../helpers/sandbox.js';
import {plain, Terminal} from '../helpers/terminal.js';

const unavailable = mavenUnavailable();
const terminals: Terminal[] = [];
afterEach(() => {
	for (const terminal of terminals.splice(0)) terminal.kill();
});

// A run stopped at 80x24 after it created something: its full screen has no room for the undo
// note, so the resume and destroy lines are printed once the screens close, and they work pasted
// in another folder, with no ca-wizard on the PATH (a clone's run names its own script).
describe.skipIf(unavailable !== undefined && process.env['CI'] !== 'true')('a run stopped at the settings.xml step, at 80x24', () => {
	it('prints how to resume and undo below the screens, and the destroy line works pasted elsewhere', {timeout: 180_000}, async () => {
		expect(unavailable).toBeUndefined();
		const workDir = temporaryDirectory('ca-wizard-stop-');
		const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', PATH: '/usr/bin:/bin'};
		delete env['CI']; // a person at a terminal: the interactive screens
		const terminal = new Terminal(process.execPath, [cliPath, '--sandbox', '--workdir', workDir], {cwd: workDir, env, cols: 80, rows: 24, keepOutput: true});
		terminals.push(terminal);

		const waiting = (text: string) => {
			const screen = plain(text);
			return /Enter (select|accept|yes|no)/.test(screen.slice(screen.lastIndexOf('ca-wizard ·')));
		};
		let drawnAfter = 0;
		while (await terminal.printed(waiting, drawnAfter)) {
			const screen = plain(terminal.text.slice(drawnAfter));
			drawnAfter = terminal.text.length;
			if (screen.slice(screen.lastIndexOf('ca-wizard ·')).includes('Write this change to')) break;
			terminal.press('\r');
		}
		expect(plain(terminal.text.slice(terminal.text.lastIndexOf('ca-wizard ·')))).toContain('Write this change to');
		terminal.press('q');
		const {exitCode} = await terminal.exited;
		const shown = plain(terminal.text);
		expect(exitCode, shown.slice(-2000)).not.toBe(0);
		expect(shown).toContain('What was created is kept; below: how to resume or undo it.');

		const cli = `node ${realpathSync(cliPath)}`;
		const lines = shown.split(/\r?\n/).map(line => line.trim());
		expect(lines).toContain(`To resume: ${cli} --workdir ${workDir} --sandbox`);
		const undo = lines.find(line => line.startsWith('To undo what ca-wizard created here: '));
		expect(undo).toBe(`To undo what ca-wizard created here: ${cli} destroy --workdir ${workDir} --sandbox`);

		// Pasted in another folder, with the PATH the run had: it finds the run record and plans the removals.
		const pasted = (undo ?? '').slice('To undo what ca-wizard created here: '.length);
		const planned = execFileSync('bash', ['--norc', '--noprofile', '-c', `${pasted} --dry-run`], {cwd: temporaryDirectory(), env, encoding: 'utf8'});
		expect(planned).toContain('To remove, in this order:');
		expect(planned).toMatch(/repository/);
	});
});
