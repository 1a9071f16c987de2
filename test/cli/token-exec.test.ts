import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {cliPath, exitOf} from '../helpers/cli-process.js';
import {filesUnder, hostCommands} from '../helpers/host-commands.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';
import {plain, Terminal} from '../helpers/terminal.js';

// Day two on a configured host, as a person types it: the wizard set the host up once; then
// `ca-wizard token` and `ca-wizard exec` get fresh tokens with no aws CLI, and the commands the
// summary printed work when pasted into a shell.

const sandbox = useSandbox();
const workDir = temporaryDirectory();
const repoLocal = temporaryDirectory('ca-wizard-m2-');
// `ca-wizard` as a shell finds it once installed: the summary's commands are pasted as printed.
const {environment, run} = hostCommands(sandbox, workDir);

const cli = (...args: string[]) => run(process.execPath, [cliPath, ...args]);
const url = () => sandbox.current.endpoint;
const tokensSeen = new Set<string>();

// Each step runs the CLI (and some a Maven build) on a machine shared with other tests: generous limits.
describe('ca-wizard token and exec on a configured host', {timeout: 180_000}, () => {
	let summary = '';
	beforeAll(async () => {
		expect(mavenUnavailable()).toBeUndefined();
		// Before the host is set up: its role may not ask for a token, and the triage says why.
		const refused = await cli('token', '--sandbox-url', url(), '--domain', 'ca-wizard-demo');
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/codeartifact:GetAuthorizationToken/);
		// AWS's own words, as a CI log shows them, under the plain explanation.
		expect(refused.stderr).toMatch(
			/\n {2}AccessDeniedException: User: arn:aws:sts::\d{12}:assumed-role\/build-host-role\/i-\w+ is not authorized to perform: codeartifact:GetAuthorizationToken on resource: /,
		);
		expect(refused.stderr).toMatch(/fix: Attach the CodeArtifact read policy to role \S+/);
		// The wizard line that applies the fix, with this run's target, ready to paste (ca-wizard is on this PATH).
		expect(refused.stderr).toContain(
			`Running \`ca-wizard --workdir ${join(workDir, 'ca-wizard-work')} --domain ca-wizard-demo --sandbox-url ${url()}\` on this host applies it.`,
		);
		expect(refused.stdout).toBe('');
		const setup = await cli('--sandbox-url', url(), '--yes', '--local-repository', 'throwaway');
		expect(setup.code, setup.stderr).toBe(0);
		summary = setup.stdout;
	}, 180_000);

	it('prints the token in each format, the expiry on stderr, and the domain from the run record', async () => {
		const shell = await cli('token', '--sandbox-url', url());
		expect(shell.code, shell.stderr).toBe(0);
		// Quoted only when the token has a character the shell would read (shellQuote).
		const [, , quoted] = /^export CODEARTIFACT_AUTH_TOKEN=('?)([^'\s]+)\1\n$/.exec(shell.stdout) ?? [];
		expect(quoted).toBeDefined();
		expect(shell.stderr).toMatch(/^CodeArtifact token for ca-wizard-demo, valid until \d{4}-\d\d-\d\d \d\d:\d\d UTC \(12 h\)\.\n$/);

		const env = await cli('token', '--sandbox-url', url(), '--format', 'env', '--duration', '900');
		const [, plain] = /^CODEARTIFACT_AUTH_TOKEN=(\S+)\n$/.exec(env.stdout) ?? [];
		expect(env.stderr).toContain('(15 min)');

		const json = await cli('token', '--sandbox-url', url(), '--format', 'json');
		const parsed = JSON.parse(json.stdout) as {token: string; expiration: string; domain: string; domainOwner: string};
		expect(parsed).toMatchObject({domain: 'ca-wizard-demo', domainOwner: sandbox.current.accountId});
		expect(Date.parse(parsed.expiration)).toBeGreaterThan(Date.now());
		for (const token of [quoted!, plain!, parsed.token]) {
			tokensSeen.add(token);
			expect(shell.stderr + env.stderr + json.stderr).not.toContain(token);
		}
	});

	it('eval "$(ca-wizard token)" then mvn compile builds through CodeArtifact', async () => {
		const project = /-f (\S+\/pom\.xml)/.exec(summary)?.[1];
		expect(project).toBeDefined();
		const build = await run('sh', [
			'-c',
			`eval "$(ca-wizard token --sandbox-url ${url()})" && mvn -B -q -s ${join(workDir, 'ca-wizard-work', 'settings.xml')} -f ${project} -Dmaven.repo.local=${repoLocal} compile`,
		]);
		expect(build.code, build.stdout + build.stderr).toBe(0);
	});

	it('the exec command the summary printed builds green when pasted, with the token in the child only', async () => {
		const printed = summary.split('\n').find(line => line.trim().startsWith('ca-wizard exec'));
		expect(printed).toBeDefined();
		const command = `${printed!.trim().replace(' compile', ` -B -q -Dmaven.repo.local=${repoLocal} compile`)}; echo "after: [$CODEARTIFACT_AUTH_TOKEN]"`;
		// Pasted in another folder: its --workdir finds the run, its -s and -f the settings and the project.
		const build = await run('sh', ['-c', `echo "before: [$CODEARTIFACT_AUTH_TOKEN]"; ${command}`], {
			cwd: temporaryDirectory(),
			env: {...environment(), AWS_ENDPOINT_URL: url()},
		});
		expect(build.code, build.stdout + build.stderr).toBe(0);
		expect(build.stdout).toContain('before: []');
		expect(build.stdout).toContain('after: []');
		expect(build.stderr).toMatch(/^ca-wizard: CodeArtifact token for ca-wizard-demo, valid until/m);
	});

	it("passes the child's exit code, and what the child sees is the token", async () => {
		const failed = await cli('exec', '--sandbox-url', url(), '--', 'sh', '-c', 'test -n "$CODEARTIFACT_AUTH_TOKEN" && exit 7');
		expect(failed.code).toBe(7);
		const options = await cli('exec', '--sandbox-url', url(), '--', 'sh', '-c', 'echo "$@"', 'sh', '-s', '--quiet', '--', 'x');
		expect(options.stdout).toBe('-s --quiet -- x\n');
	});

	it('passes SIGINT on to the child and exits as the child did', async () => {
		const child = spawn(
			process.execPath,
			[cliPath, 'exec', '--sandbox-url', url(), '--', 'sh', '-c', 'trap "echo interrupted; exit 42" INT; echo ready; while :; do sleep 0.05; done'],
			{cwd: workDir, env: environment(), stdio: ['ignore', 'pipe', 'pipe']},
		);
		let stdout = '';
		await new Promise<void>(resolve =>
			child.stdout.on('data', chunk => {
				stdout += String(chunk);
				if (stdout.includes('ready')) resolve();
			}),
		);
		child.kill('SIGINT');
		expect(await exitOf(child)).toEqual({code: 42, signal: null});
		expect(stdout).toContain('interrupted');
	});

	it('at a terminal, one Ctrl-C reaches the command once (the terminal sends it to the whole group; nothing passes it on again)', async () => {
		const script = 'trap \'n=$((n+1)); echo "got INT $n"\' INT; echo ready; while ! read line; do :; done; echo "total INT=${n:-0}"';
		const terminal = new Terminal(process.execPath, [cliPath, 'exec', '--sandbox-url', url(), '--', 'sh', '-c', script], {cwd: workDir, env: environment()});
		try {
			expect(await terminal.printed(text => text.includes('ready'))).toBe(true);
			terminal.press('\u0003');
			expect(await terminal.printed(text => text.includes('got INT 1'))).toBe(true);
			terminal.press('done\r');
			expect(await terminal.printed(text => text.includes('total INT='))).toBe(true);
			expect(plain(terminal.text)).toContain('total INT=1');
			expect(await terminal.exited).toMatchObject({exitCode: 0});
		} finally {
			terminal.kill();
		}
	});

	it('refuses a bad duration, a missing command and an unknown domain source before asking AWS', async () => {
		const duration = await cli('token', '--sandbox-url', url(), '--duration', '100');
		expect(duration.code).toBe(2);
		expect(duration.stderr).toContain('--duration "100" is not accepted: takes seconds: 900 to 43200');
		const owner = await cli('token', '--sandbox-url', url(), '--domain-owner', '12345');
		expect(owner.code).toBe(2);
		const noCommand = await cli('exec', '--sandbox-url', url());
		expect(noCommand.code).toBe(2);
		expect(noCommand.stderr).toContain('exec needs the command to run after --');
		const elsewhere = temporaryDirectory();
		const nothing = await run(process.execPath, [cliPath, 'token', '--sandbox-url', url()], {cwd: elsewhere});
		expect(nothing.code).toBe(2);
		expect(nothing.stderr).toContain('fix: Pass --domain NAME');
	});

	it('never writes a token anywhere (canary over the work folder)', () => {
		expect(tokensSeen.size).toBeGreaterThan(0);
		for (const path of filesUnder(workDir)) {
			const text = readFileSync(path, 'latin1');
			for (const token of tokensSeen) expect(text.includes(token), path).toBe(false);
		}
	});
});
