import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/cli-process.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {temporaryDirectory} from '../helpers/sandbox.js';
import {linesLeft, plain, Terminal} from '../helpers/terminal.js';

const unavailable = mavenUnavailable();
const terminals: Terminal[] = [];
afterEach(() => {
	for (const terminal of terminals.splice(0)) terminal.kill();
});

function allFiles(directory: string): string[] {
	return readdirSync(directory).flatMap(name => {
		const path = join(directory, name);
		return statSync(path).isDirectory() ? allFiles(path) : [path];
	});
}

// Our tokens are base64url JSON claims and a signature: this finds one anywhere it leaked.
const tokenShape = /eyJ[A-Za-z0-9_-]{30,}\.[A-Za-z0-9_-]{30,}/;

describe.skipIf(unavailable !== undefined && process.env['CI'] !== 'true')('the built CLI under a pseudo-terminal', () => {
	it('takes every default with Enter, from the first screen to the summary, with a green build', {timeout: 240_000}, async () => {
		expect(unavailable).toBeUndefined();
		const workDir = temporaryDirectory('ca-wizard-pty-');
		const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', FORCE_COLOR: '1'};
		delete env['CI']; // a person at a terminal, not a CI log: the interactive screens
		const terminal = new Terminal(process.execPath, [cliPath, '--sandbox', '--workdir', workDir], {cwd: workDir, env, keepOutput: true});
		terminals.push(terminal);

		// A question waits when the newest screen shows its key hints: Enter takes the highlighted
		// default. Each Enter waits for a screen drawn after the previous one, never for a pause.
		const waitingQuestion = (text: string) => {
			const screen = plain(text);
			return /Enter (select|accept|yes|no)/.test(screen.slice(screen.lastIndexOf('ca-wizard ·')));
		};
		let pressed = 0;
		let drawnAfter = 0;
		while (await terminal.printed(waitingQuestion, drawnAfter)) {
			drawnAfter = terminal.text.length;
			terminal.press('\r');
			pressed++;
		}
		const {exitCode} = await terminal.exited;
		const shown = plain(terminal.text);
		expect(exitCode, shown.slice(-3000)).toBe(0);
		expect(pressed).toBeGreaterThanOrEqual(8);
		expect(shown).toContain('The build host may not ask for a token');
		expect(shown).toMatch(/Packages \(\d{2}\)/);
		for (const column of ['Package name', 'Namespace', 'Format', 'Latest version', 'Latest publish date', 'Publish', 'Upstream'])
			expect(shown).toContain(column);
		expect(shown).toContain('BUILD SUCCESS');
		expect(shown).toContain('or by hand, newest first:');
		expect(shown).toContain(`${cliPath} destroy --workdir ${workDir} --sandbox-url "$AWS_ENDPOINT_URL"`); // no ca-wizard on the PATH: the script itself
		expect(shown).toContain(`${cliPath} sandbox --data`);

		// Token canary: nothing on the screen and nothing in the working folder looks like a token.
		expect(terminal.text).not.toMatch(tokenShape);
		for (const file of allFiles(workDir)) expect(tokenShape.test(readFileSync(file, 'latin1')), file).toBe(false);
	});
});

describe('plain `ca-wizard` at a terminal with no AWS credentials or region', () => {
	it('says so, offers the offline journey, and Enter starts it on the embedded sandbox', {timeout: 120_000}, async () => {
		const home = temporaryDirectory('ca-wizard-empty-home-');
		// A learner's fresh machine: no ~/.aws, no AWS variables, and not an EC2 instance.
		const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_') && name !== 'CI'));
		Object.assign(env, {HOME: home, AWS_EC2_METADATA_DISABLED: 'true', TERM: 'xterm-256color'});
		const terminal = new Terminal(process.execPath, [cliPath], {cwd: home, env, cols: 80, rows: 24});
		terminals.push(terminal);

		expect(await terminal.printed(text => plain(text).includes('Enter yes'))).toBe(true);
		const offer = plain(terminal.text);
		expect(offer).toContain('No AWS region is set');
		expect(offer).toContain('? Walk the journey offline, on an embedded sandbox');
		const before = terminal.text.length;
		terminal.press('\r');
		// The sandbox journey's first step: the preflight's facts come from the embedded sandbox's account.
		expect(await terminal.printed(text => /Identity:\s+arn:aws:/.test(plain(text)), before), plain(terminal.text).slice(-2000)).toBe(true);
		expect(plain(terminal.since(before))).toMatch(/Region:\s+us-east-1/);
		terminal.press('\u0003');
		const {exitCode} = await terminal.exited;
		expect(exitCode).not.toBe(0);
	});

	it('declined with n, it stops at the problem below and claims nothing was kept (nothing was created)', {timeout: 60_000}, async () => {
		const home = temporaryDirectory('ca-wizard-empty-home-');
		const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_') && name !== 'CI'));
		Object.assign(env, {HOME: home, AWS_EC2_METADATA_DISABLED: 'true', TERM: 'xterm-256color'});
		const terminal = new Terminal(process.execPath, [cliPath], {cwd: home, env, cols: 80, rows: 24, keepOutput: true});
		terminals.push(terminal);
		expect(await terminal.printed(text => plain(text).includes('Enter yes'))).toBe(true);
		terminal.press('n');
		const {exitCode} = await terminal.exited;
		const shown = plain(terminal.text);
		expect(exitCode).toBe(1);
		expect(shown).toContain('Stopped at the problem below.');
		expect(shown).not.toContain('What was created is kept');
		expect(shown).not.toContain('To undo');
	});
});

describe('a command line refused at a terminal', () => {
	it('takes the first frame (drawn before the command line is read) away again: the mistake stands alone', {timeout: 60_000}, async () => {
		const workDir = temporaryDirectory('ca-wizard-pty-');
		const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color'};
		delete env['CI'];
		const terminal = new Terminal(process.execPath, [cliPath, '--sandbox', '--bogus', '--workdir', workDir], {cwd: workDir, env});
		terminals.push(terminal);
		expect(await terminal.printed(text => text.includes('See ca-wizard --help.'))).toBe(true);
		expect((await terminal.exited).exitCode).toBe(2);
		expect(plain(terminal.text)).toContain('ca-wizard · step 1 of 10');
		expect(linesLeft(terminal.text)).toEqual(['ca-wizard: unknown option --bogus. See ca-wizard --help.']);
	});
});
