import {invocationName} from '../../source/commands/invocation-name.js';
import {execFile, type ExecFileOptions} from 'node:child_process';
import {chmodSync, chownSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {canarySettings} from '../helpers/canary-settings.js';
import {cliPath} from '../helpers/cli-process.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

const execFileAsync = promisify(execFile);
type Failure = {code: number; stdout: string; stderr: string};

/** Runs a command from a folder of its own: the wizard's default ./ca-wizard-work lands there, not in the checkout. */
const run = (file: string, args: string[], options: ExecFileOptions = {}) =>
	execFileAsync(file, args, {cwd: temporaryDirectory(), ...options, encoding: 'utf8'});

describe('the built CLI without a terminal', () => {
	it('never waits: a question without a flag fails at once, naming the flag and --yes', async () => {
		// Its stdin stays open: a wizard that waited for an answer would never exit.
		const failure = (await run(process.execPath, [cliPath, '--sandbox', '--workdir', temporaryDirectory()], {env: {...process.env, CI: 'true'}}).catch(
			(error: Failure) => error,
		)) as Failure;
		expect(failure.code).toBe(2);
		expect(failure.stderr).toContain('pass --project-choice VALUE, or --yes to take the defaults');
	});

	it('refuses a flag value its question would not accept, before calling AWS', async () => {
		const failure = (await run(process.execPath, [cliPath, '--sandbox', '--yes', '--domain', 'Bad_Name', '--workdir', temporaryDirectory()], {
			env: {...process.env, CI: 'true'},
		}).catch((error: Failure) => error)) as Failure;
		expect(failure.code).toBe(2);
		expect(failure.stderr).toMatch(/--domain "Bad_Name" is not accepted: .*lowercase/);
		expect(failure.stderr).not.toContain('Preflight');
	});

	it('with no AWS credentials or region it never switches to the sandbox by itself: it stops, naming --sandbox', async () => {
		const home = temporaryDirectory();
		const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
		Object.assign(env, {HOME: home, AWS_EC2_METADATA_DISABLED: 'true', CI: 'true'});
		for (const args of [['--yes'], ['--yes', '--region', 'us-east-1']]) {
			const failure = (await run(process.execPath, [cliPath, ...args], {cwd: home, env}).catch((error: Failure) => error)) as Failure;
			expect(failure.code).toBe(1);
			expect(failure.stderr).toMatch(args.includes('--region') ? /No usable AWS credentials were found/ : /No AWS region is set/);
			expect(failure.stderr).toContain(`run ${invocationName(env, cliPath)} --sandbox.`); // the built script itself where none is installed
			expect(failure.stdout).not.toContain('Preflight');
		}
	});

	it("--sandbox-url without the sandbox's credentials says how to get them", async () => {
		const env: NodeJS.ProcessEnv = {...process.env, CI: 'true'};
		delete env['AWS_ACCESS_KEY_ID'];
		const failure = (await run(process.execPath, [cliPath, '--sandbox-url', 'http://127.0.0.1:7717', '--yes'], {env}).catch(
			(error: Failure) => error,
		)) as Failure;
		expect(failure.code).toBe(1);
		expect(failure.stderr).toContain(`eval "$(${invocationName(env, cliPath)} sandbox env)"`);
	});

	it('settings.xml in a folder it may not write in: a sentence with the fix and exit 1, before anything is created', async () => {
		// Root writes anywhere: run as nobody then, for whom a root-owned folder is read-only.
		const asRoot = process.getuid?.() === 0;
		const workDir = temporaryDirectory();
		const folder = temporaryDirectory();
		const settings = join(folder, 'settings.xml');
		writeFileSync(settings, '<settings/>\n', {mode: asRoot ? 0o666 : 0o644});
		chmodSync(settings, asRoot ? 0o666 : 0o644);
		chmodSync(folder, 0o555);
		if (asRoot) chownSync(workDir, 65534, 65534);
		const failure = (await run(process.execPath, [cliPath, '--sandbox', '--yes', '--workdir', workDir, '--settings', settings], {
			env: {...process.env, CI: 'true', HOME: workDir},
			cwd: workDir, // one nobody may enter
			...(asRoot ? {uid: 65534, gid: 65534} : {}),
		}).catch((error: Failure) => error)) as Failure;
		expect(failure.code).toBe(1);
		expect(failure.stderr + failure.stdout).toContain(
			`${settings}: ca-wizard cannot write in ${folder} (the new file, its backup and a temporary file go there). Nothing was created or written.`,
		);
		expect(failure.stdout).not.toContain('[2/10]');
		expect(readFileSync(settings, 'utf8')).toBe('<settings/>\n');
	});

	it('rejects unknown and conflicting options with one line and exit code 2', async () => {
		const unknown = (await run(process.execPath, [cliPath, '--prfile', 'dev'], {env: {...process.env, CI: 'true'}}).catch(
			(error: Failure) => error,
		)) as Failure;
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toBe('ca-wizard: unknown option --prfile; did you mean --profile? See ca-wizard --help.\n');
		const both = (await run(process.execPath, [cliPath, '--sandbox', '--sandbox-url', 'http://127.0.0.1:1'], {env: {...process.env, CI: 'true'}}).catch(
			(error: Failure) => error,
		)) as Failure;
		expect(both.code).toBe(2);
		expect(both.stderr).toContain('not both');
	});

	it.skipIf(mavenUnavailable() !== undefined && process.env['CI'] !== 'true')(
		'--json --yes walks the whole journey as JSON lines',
		{timeout: 180_000},
		async () => {
			// The user's settings.xml holds secrets in every form: none may reach any output stream.
			const settings = join(temporaryDirectory(), 'settings.xml');
			writeFileSync(settings, canarySettings);
			const {stdout, stderr} = await run(
				process.execPath,
				[cliPath, '--sandbox', '--yes', '--json', '--workdir', temporaryDirectory(), '--settings', settings],
				{env: {...process.env, CI: 'true'}, maxBuffer: 64 * 1024 * 1024},
			);
			expect(stdout + stderr).not.toMatch(/canary/i);
			const events = stdout
				.trim()
				.split('\n')
				.map(line => JSON.parse(line) as {type: string; step?: string; status?: string; row?: {state: string}});
			expect(events.filter(e => e.type === 'step' && e.status === 'done').map(e => e.step)).toEqual([
				'preflight',
				'domain',
				'repository',
				'upstream',
				'access',
				'token',
				'settings',
				'build',
				'publish',
				'summary',
			]);
			expect(events.some(e => e.type === 'package' && e.row?.state === 'confirmed')).toBe(true);
			// --yes takes the publish: its row and its check, as JSON events of their own.
			expect(events.find(e => e.type === 'published')).toMatchObject({package: 'hello-ca-wizard', version: '1.0.0', origin: 'INTERNAL'});
			expect(events.find(e => e.type === 'verified')).toMatchObject({matches: true, files: ['hello-ca-wizard.txt']});
			expect(events.filter(e => e.type === 'answer').length).toBeGreaterThanOrEqual(8);
			// The summary line carries the structure, not text lines.
			expect(events.find(e => e.type === 'summary')).toMatchObject({
				summary: {
					build: {success: true},
					files: [{path: settings}],
					undo: expect.arrayContaining([expect.stringContaining('aws codeartifact delete-domain --domain ca-wizard-demo')]),
				},
			});
		},
	);
});
