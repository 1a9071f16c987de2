import {execFile, type ExecFileOptions} from 'node:child_process';
import {existsSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {invocationName} from '../../source/commands/invocation-name.js';
import {cliPath} from '../helpers/cli-process.js';
import {markdownProblems} from '../helpers/markdown-lint.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

// --report and `ca-wizard report` through the built CLI, without a terminal: the path checked
// before anything happens, the write-up of a stopped run, the same write-up again later, and no
// run log for a dry run.

const execFileAsync = promisify(execFile);
type Outcome = {code: number; stdout: string; stderr: string};
const env = {...process.env, CI: 'true'};

/** The CLI's exit code and output, whether it succeeded or not. */
async function cli(args: string[], options: ExecFileOptions = {}): Promise<Outcome> {
	try {
		const {stdout, stderr} = await execFileAsync(process.execPath, [cliPath, ...args], {cwd: temporaryDirectory(), env, ...options, encoding: 'utf8'});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failure = error as Outcome;
		return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr};
	}
}

describe.skipIf(mavenUnavailable() !== undefined && env['CI'] !== 'true')('the write-up from the command line', () => {
	it('refuses a --report path it could not write, before anything else happens', async () => {
		const workDir = join(temporaryDirectory(), 'work');
		const notMarkdown = await cli(['--sandbox', '--yes', '--workdir', workDir, '--report', 'notes.txt']);
		expect(notMarkdown.code).toBe(2);
		expect(notMarkdown.stderr).toContain('--report "notes.txt" is not accepted: takes the name of a Markdown file, ending in .md');
		const nowhere = await cli(['--sandbox', '--yes', '--workdir', workDir, '--report', '/nonexistent-folder/run.md']);
		expect(nowhere.code).toBe(2);
		expect(nowhere.stderr).toContain('--report /nonexistent-folder/run.md: ca-wizard cannot write in /nonexistent-folder.');
		expect(existsSync(workDir)).toBe(false); // no work folder, no sandbox, no AWS call
	});

	it('writes the write-up of a run stopped at the token step, and ca-wizard report writes the same one later', {timeout: 120_000}, async () => {
		const folder = temporaryDirectory();
		const workDir = join(folder, 'work');
		const reportPath = join(folder, 'run.md');
		const run = await cli(['--sandbox', '--yes', '--token-fix', 'stop', '--workdir', workDir, '--report', reportPath]);
		expect(run.code).toBe(1);
		expect(run.stdout.trim().split('\n').at(-1)).toBe(`The write-up of this run: ${reportPath}`);
		const report = readFileSync(reportPath, 'utf8');
		expect(report).toContain('- **Outcome:** stopped at step 6, Token check, because a change it needed was declined.');
		expect(await markdownProblems(report)).toEqual([]);
		const logPath = join(workDir, 'ca-wizard-events.jsonl');
		expect(statSync(logPath).mode & 0o777).toBe(0o600);

		// Later, from the work folder: to a file, and to stdout from the log itself.
		const again = join(folder, 'again.md');
		const later = await cli(['report', '--workdir', workDir, '--out', again]);
		expect(later).toMatchObject({code: 0, stdout: `The write-up: ${again}\n`});
		expect(readFileSync(again, 'utf8')).toBe(report);
		expect(await cli(['report', '--run', logPath])).toMatchObject({code: 0, stdout: report});

		// The account is masked unless asked for.
		const account = /"label":"Account","value":"(\d{12})"/.exec(readFileSync(logPath, 'utf8'))?.[1];
		expect(account).toBeDefined();
		expect(report).not.toContain(account);
		expect((await cli(['report', '--run', workDir, '--report-account'])).stdout).toContain(`- **Account:** \`${account}\``);
	});

	it('a run without --report offers ca-wizard report on its last line, and the command offered works as printed', {timeout: 120_000}, async () => {
		const cwd = temporaryDirectory();
		const workDir = join(temporaryDirectory(), 'elsewhere');
		const run = await cli(['--sandbox', '--yes', '--token-fix', 'stop', '--workdir', workDir], {cwd});
		expect(run.code).toBe(1);
		const offer = run.stdout.trim().split('\n').at(-1) ?? '';
		// No ca-wizard on this PATH: the offer names the built script itself, and works pasted in a shell.
		const command = `${invocationName(env, cliPath)} report --workdir ${workDir} --out ca-wizard-report.md`;
		expect(offer).toBe(`A Markdown write-up of this run: ${command}`);
		await execFileAsync('bash', ['--norc', '--noprofile', '-c', offer.slice(offer.indexOf(': ') + 2)], {cwd, env});
		expect(readFileSync(join(cwd, 'ca-wizard-report.md'), 'utf8')).toContain('stopped at step 6, Token check');
	});

	it('a dry run writes no run log, and report says there is none', async () => {
		const workDir = join(temporaryDirectory(), 'work');
		const dry = await cli(['--sandbox', '--yes', '--dry-run', '--workdir', workDir]);
		expect(dry.code).toBe(0);
		expect(existsSync(join(workDir, 'ca-wizard-events.jsonl'))).toBe(false);
		const none = await cli(['report', '--workdir', workDir]);
		expect(none.code).toBe(2);
		expect(none.stderr).toContain(`No run log at ${join(workDir, 'ca-wizard-events.jsonl')}: no wizard run was recorded there.`);
	});
});
