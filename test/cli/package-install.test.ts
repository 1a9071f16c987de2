import {execFile, spawn, type ExecFileOptions} from 'node:child_process';
import {realpathSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';
import packageJson from '../../package.json' with {type: 'json'};
import {packAndInstall, type Installed} from '../../scripts/pack-install.mjs';
import {exitOf} from '../helpers/cli-process.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

// What a user installs, tried as a user would: the package npm pack makes from this build,
// installed offline into an empty folder, and its ca-wizard run from there (assets found, no module missing).

const execFileAsync = promisify(execFile);
// The bin's #!/usr/bin/env node finds this Node first; no source folder is anywhere near the installed one.
const env: NodeJS.ProcessEnv = {...process.env, CI: 'true', PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`};
let installed: Installed;
const run = (args: string[], options: ExecFileOptions = {}) =>
	execFileAsync(installed.bin, args, {cwd: temporaryDirectory(), env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options});

describe('the packed package, installed into an empty folder', () => {
	beforeAll(() => {
		installed = packAndInstall(temporaryDirectory('ca-wizard-package-'));
	}, 120_000);

	it('is one package of at most 5 MB on disk: everything it runs is bundled', () => {
		expect(installed.packages).toEqual(['ca-wizard']);
		expect(installed.bytesOnDisk).toBeLessThanOrEqual(5 * 1024 * 1024);
	});

	it('answers --version and --help', async () => {
		expect((await run(['--version'])).stdout).toBe(`${packageJson.version}\n`);
		// By the command's former name too, as commands printed by earlier runs have it.
		const formerName = join(dirname(realpathSync(installed.bin)), 'cli.js');
		expect((await execFileAsync(process.execPath, [formerName, '--version'], {env, encoding: 'utf8'})).stdout).toBe(`${packageJson.version}\n`);
		const help = (await run(['--help'])).stdout;
		expect(help).toContain('Usage:');
		expect(help).toContain('sandbox');
	});

	it('starts its sandbox, prints the endpoint and stops on Ctrl-C', async () => {
		const child = spawn(installed.bin, ['sandbox', '--port', '0', '--data', temporaryDirectory()], {env, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += String(chunk)));
		child.stderr.on('data', chunk => (stderr += String(chunk)));
		const endpoint = await new Promise<string | undefined>(resolve => {
			child.stdout.on('data', () => {
				const match = /^endpoint: (\S+)$/m.exec(stdout);
				if (match) resolve(match[1]);
			});
			child.once('exit', () => resolve(undefined));
		});
		expect(endpoint, stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		child.kill('SIGINT');
		expect(await exitOf(child)).toEqual({code: 0, signal: null});
		expect(stderr).not.toMatch(/Cannot find (module|package)|ERR_MODULE_NOT_FOUND/);
	});

	it.skipIf(mavenUnavailable() !== undefined && process.env['CI'] !== 'true')(
		'walks the whole sandbox journey with --yes: the demo project from its assets, built by mvn through the sandbox',
		{timeout: 180_000},
		async () => {
			const workDir = temporaryDirectory();
			const {stdout, stderr} = await run(['--sandbox', '--yes', '--workdir', workDir], {cwd: workDir});
			expect(stderr).not.toMatch(/Cannot find (module|package)|ERR_MODULE_NOT_FOUND/);
			expect(stdout).toContain('[10/10] Summary');
			expect(stdout).toMatch(/BUILD SUCCESS/);
		},
	);
});
