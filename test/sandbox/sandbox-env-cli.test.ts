import {execFile, spawn} from 'node:child_process';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import {connectTarget} from '../../source/commands/connect-target.js';
import {defaultSandboxPort} from '../../source/commands/defaults.js';
import {invocationName} from '../../source/commands/invocation-name.js';
import {requireE2eProject} from '../helpers/e2e-only.js';
import {cliPath, exitOf, startSandboxProcess} from '../helpers/cli-process.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

const run = promisify(execFile);
const children: {kill: (signal?: NodeJS.Signals) => boolean}[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Listens on PORT so nobody else can; undefined when someone already does (which holds it just as well). */
async function holdPort(port: number): Promise<Server | undefined> {
	const server = createServer();
	return new Promise(resolve => {
		server.once('error', () => resolve(undefined));
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

/** A user's environment with a home of its own: no AWS_* variable, no aws config, the sandbox's default data folder inside it. */
function userEnvironment(): NodeJS.ProcessEnv {
	const home = temporaryDirectory();
	mkdirSync(join(home, '.aws'));
	const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_'));
	return {...Object.fromEntries(inherited), HOME: home, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'};
}

/** `ca-wizard sandbox env ARGS…` as a user runs it: exit code, stdout, stderr. */
async function sandboxEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	return run(process.execPath, [cliPath, 'sandbox', 'env', ...args], {env}).then(
		({stdout, stderr}) => ({code: 0, stdout, stderr}),
		(error: {code: number; stdout: string; stderr: string}) => ({code: error.code, stdout: error.stdout, stderr: error.stderr}),
	);
}

describe('ca-wizard sandbox env (the built CLI)', () => {
	it('prints the running sandbox’s export lines and returns; a shell that evals them reaches it with the aws CLI', async () => {
		requireE2eProject('the aws CLI');
		const env = userEnvironment();
		// Both on the default data folder (~/.ca-wizard/sandbox of this HOME): no --data anywhere.
		const sandbox = await startSandboxProcess(['--port', '0', '--print-env'], env);
		children.push(sandbox.child);
		await expect.poll(() => sandbox.stdout()).toContain('export AWS_SESSION_TOKEN=');

		const printed = await sandboxEnv(env);
		expect(printed.code).toBe(0);
		// The very lines --print-env printed in the sandbox's own shell.
		expect(printed.stdout).toBe(sandbox.stdout().replace(/^endpoint: .*\n/, ''));
		const {stdout} = await run('sh', ['-c', 'eval "$(node "$0" sandbox env)" && aws sts get-caller-identity --output json', cliPath], {env});
		expect(JSON.parse(stdout).Arn).toMatch(/^arn:aws:iam::\d{12}:user\//);

		sandbox.child.kill('SIGINT');
		expect(await exitOf(sandbox.child)).toEqual({code: 0, signal: null});
		// Stopped cleanly: the record with the admin keys is gone, and nobody is sent to a closed port.
		expect(existsSync(join(env['HOME'] ?? '', '.ca-wizard', 'sandbox', 'sandbox.json'))).toBe(false);
		const after = await sandboxEnv(env);
		expect(after).toMatchObject({code: 1, stdout: ''});
		expect(after.stderr).toContain('No sandbox is running on the data folder');
		expect(after.stderr).toContain(`fix: Start one in another shell with \`${invocationName(env, cliPath)} sandbox\``);
	});

	it("the wizard summary's two restart commands, pasted into two shells, bring its sandbox back and point the second shell at it", async () => {
		requireE2eProject('the aws CLI');
		const env = userEnvironment();
		// `ca-wizard` as a shell finds it once installed: the commands are pasted as printed.
		const bin = temporaryDirectory();
		writeFileSync(join(bin, 'ca-wizard'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`, {mode: 0o755});
		env['PATH'] = `${bin}:${env['PATH'] ?? ''}`;
		// Other test files' embedded sandboxes take the usual port at any moment; holding it here makes this run fall
		// back to a free port of its own, which nobody else asks for between the close and the restart.
		let commands: string[] = [];
		while ((commands[0] ?? `--port ${defaultSandboxPort}`).includes(`--port ${defaultSandboxPort}`)) {
			const usual = await holdPort(defaultSandboxPort); // undefined: another file holds it, which serves as well unless it lets go first
			const connection = await connectTarget({target: {kind: 'sandbox'}}, temporaryDirectory(), env); // the commands name ca-wizard as this PATH finds it
			await connection.close();
			usual?.close();
			commands = connection.restartCommands ?? [];
		}
		const [start = '', point = ''] = commands;

		const first = spawn('sh', ['-c', `exec ${start}`], {env, stdio: ['ignore', 'pipe', 'pipe']});
		children.push(first);
		let printed = '';
		first.stdout.on('data', chunk => (printed += String(chunk)));
		first.stderr.on('data', chunk => (printed += String(chunk))); // a refusal shows in the failure
		await expect.poll(() => printed, {timeout: 20_000}).toMatch(/^endpoint: /m);
		const {stdout} = await run('sh', ['-c', `${point} && aws sts get-caller-identity --output json`], {env});
		expect(JSON.parse(stdout).Arn).toMatch(/^arn:aws:iam::\d{12}:user\//);
		first.kill('SIGINT');
		expect(await exitOf(first)).toEqual({code: 0, signal: null});
	});

	it('refuses, naming the command that starts one, when nothing runs on the folder', async () => {
		const data = temporaryDirectory();
		const refused = await sandboxEnv(process.env, '--data', data);
		expect(refused).toMatchObject({code: 1, stdout: ''});
		expect(refused.stderr).toBe(
			`ca-wizard: No sandbox is running on the data folder ${data}.\n  fix: Start one in another shell with \`${invocationName(process.env, cliPath)} sandbox --data ${data}\` (it keeps running there), then run this again.\n`,
		);
	});

	it('a record left by a killed sandbox counts as none', async () => {
		const data = temporaryDirectory();
		const sandbox = await startSandboxProcess(['--port', '0', '--data', data]);
		children.push(sandbox.child);
		sandbox.child.kill('SIGKILL');
		await exitOf(sandbox.child);
		expect(existsSync(join(data, 'sandbox.json'))).toBe(true);
		const refused = await sandboxEnv(process.env, '--data', data);
		expect(refused).toMatchObject({code: 1, stdout: ''});
		expect(refused.stderr).toContain(`${join(data, 'sandbox.json')} is left from one that did not stop cleanly`);
	});
});
