import {afterEach, expect, it} from 'vitest';
import {cliPath} from '../helpers/cli-process.js';
import {temporaryDirectory} from '../helpers/sandbox.js';
import {plain, Terminal} from '../helpers/terminal.js';

// NO_COLOR (no-color.org) at a terminal: the screens are drawn as always, without a colour.
// The same first screen without it has colours, so the check below can fail.

const terminals: Terminal[] = [];
afterEach(() => {
	for (const terminal of terminals.splice(0)) terminal.kill();
});

/** Select Graphic Rendition codes that set a colour or a style (cursor moves are not colours). */
const colour = /\u001B\[[0-9;]*[1-9][0-9;]*m/;

async function firstScreen(extra: NodeJS.ProcessEnv): Promise<string> {
	const workDir = temporaryDirectory('ca-wizard-colour-');
	const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', ...extra};
	delete env['CI']; // a person at a terminal: the interactive screens
	if (extra['FORCE_COLOR'] === undefined) delete env['FORCE_COLOR'];
	if (extra['NO_COLOR'] === undefined) delete env['NO_COLOR'];
	const terminal = new Terminal(process.execPath, [cliPath, '--sandbox', '--workdir', workDir], {cwd: workDir, env});
	terminals.push(terminal);
	// The preflight's question, with its key hints: the screen is complete.
	expect(await terminal.printed(text => /Enter (select|accept|yes|no)/.test(plain(text)))).toBe(true);
	const screen = terminal.text;
	terminal.press('q');
	await terminal.exited;
	return screen;
}

it('NO_COLOR draws the screens without colours; FORCE_COLOR=0 too; without either they have colours', {timeout: 60_000}, async () => {
	expect(await firstScreen({})).toMatch(colour);
	expect(await firstScreen({NO_COLOR: '1'})).not.toMatch(colour);
	expect(await firstScreen({FORCE_COLOR: '0'})).not.toMatch(colour);
});
