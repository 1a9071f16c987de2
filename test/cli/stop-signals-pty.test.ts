import {constants} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {folderHolder} from '../../source/files/folder-lock.js';
import {cliPath} from '../helpers/cli-process.js';
import {temporaryDirectory} from '../helpers/sandbox.js';
import {plain, Terminal} from '../helpers/terminal.js';

const terminals: Terminal[] = [];
afterEach(() => {
	for (const terminal of terminals.splice(0)) terminal.kill();
});

// The wizard at its screens holds its work folder and its embedded sandbox's data folder. A signal
// from outside (kill, a presenter's clean-up, the terminal window closing) must end it and free
// both: it once heard none, because the folder lock and Ink's exit hook each left the signal to
// the other, and a closed terminal left wizards holding their folders.
async function wizardAtItsFirstQuestion(): Promise<{terminal: Terminal; workDir: string}> {
	const workDir = temporaryDirectory('ca-wizard-signal-');
	const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color'};
	delete env['CI']; // a person at a terminal: the interactive screens
	const terminal = new Terminal(process.execPath, [cliPath, '--sandbox', '--workdir', workDir], {cwd: workDir, env, cols: 100, rows: 30});
	terminals.push(terminal);
	const asked = await terminal.printed(text => /Enter (select|accept|yes|no)/.test(plain(text)));
	expect(asked, plain(terminal.text).slice(-1500)).toBe(true);
	expect(folderHolder(workDir)?.pid).toBeGreaterThan(0);
	expect(folderHolder(join(workDir, 'sandbox-data'))?.pid).toBeGreaterThan(0);
	return {terminal, workDir};
}

describe('the wizard at its screens, sent a signal', () => {
	it.each(['SIGTERM', 'SIGHUP'] as const)('%s ends it, and its work and data folders are free', {timeout: 60_000}, async signal => {
		const {terminal, workDir} = await wizardAtItsFirstQuestion();
		terminal.signal(signal);
		const exit = await terminal.exited;
		expect(exit.signal).toBe(constants.signals[signal]);
		expect(folderHolder(workDir)).toBeUndefined();
		expect(folderHolder(join(workDir, 'sandbox-data'))).toBeUndefined();
	});

	it('SIGINT stops it as Ctrl-C does: the screens say how to resume, exit 130, folders free', {timeout: 60_000}, async () => {
		const {terminal, workDir} = await wizardAtItsFirstQuestion();
		terminal.signal('SIGINT');
		const exit = await terminal.exited;
		expect(exit, plain(terminal.text).slice(-300)).toEqual({exitCode: 130, signal: 0});
		expect(plain(terminal.text)).toContain('To resume:');
		expect(folderHolder(workDir)).toBeUndefined();
		expect(folderHolder(join(workDir, 'sandbox-data'))).toBeUndefined();
	});
});
