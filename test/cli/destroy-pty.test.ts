import {afterEach, describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/cli-process.js';
import {journeyOn} from '../helpers/journey.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';
import {plain, Terminal} from '../helpers/terminal.js';

const terminals: Terminal[] = [];
afterEach(() => {
	for (const terminal of terminals.splice(0)) terminal.kill();
});

describe('ca-wizard destroy at a terminal', () => {
	const sandbox = useSandbox();
	const journey = journeyOn(sandbox);

	function destroy(workDir: string): Terminal {
		const env: NodeJS.ProcessEnv = {...process.env, ...sandbox.current.env, TERM: 'xterm-256color'};
		delete env['CI']; // a person at a terminal
		const terminal = new Terminal(process.execPath, [cliPath, 'destroy', '--sandbox-url', sandbox.current.endpoint, '--workdir', workDir], {
			cwd: temporaryDirectory(),
			env,
		});
		terminals.push(terminal);
		return terminal;
	}

	it('asks before removing: n (exit 0) and Ctrl-C (exit 130) remove nothing, y removes it all', {timeout: 60_000}, async () => {
		const {workDir, aws, ledger} = await journey(new ScriptedHost({domain: 'asked'}));
		const created = ledger.resources.length;
		for (const [keys, exitCode] of [
			['n\r', 0],
			['\u0003', 130],
		] as const) {
			const declined = destroy(workDir);
			expect(await declined.printed(text => text.includes('(y/N)'))).toBe(true);
			declined.press(keys);
			expect((await declined.exited).exitCode).toBe(exitCode);
			expect(plain(declined.text)).toContain('Nothing was removed.');
			expect(await aws.codeartifact.describeDomain('asked')).toBeDefined();
		}
		const accepted = destroy(workDir);
		expect(await accepted.printed(text => text.includes('(y/N)'))).toBe(true);
		accepted.press('y\r');
		expect((await accepted.exited).exitCode).toBe(0);
		expect(plain(accepted.text)).toContain(`Removed ${created}, could not remove 0`);
		expect(await aws.codeartifact.describeDomain('asked')).toBeUndefined();
	});
});
