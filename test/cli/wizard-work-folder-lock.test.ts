import {execFile, spawn} from 'node:child_process';
import {createServer, type IncomingMessage} from 'node:http';
import type {AddressInfo} from 'node:net';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import {cliPath, exitOf} from '../helpers/cli-process.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';

const run = promisify(execFile);
const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('two wizards on one work folder', () => {
	const sandbox = useSandbox();

	it("the second stops at once, naming the first one's pid and the lock file; the first one's ledger is untouched", async () => {
		// The first wizard waits on a server that never answers: it holds its work folder meanwhile.
		const waiting: IncomingMessage[] = [];
		const silent = createServer(request => void waiting.push(request));
		await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
		cleanups.push(
			() => silent.close(),
			() => silent.closeAllConnections(),
		);
		const workDir = temporaryDirectory();
		const ledger = `${JSON.stringify({version: 1, startedAt: '2030-01-01T00:00:00.000Z', resources: [{kind: 'domain', name: 'first-domain'}]}, null, 2)}\n`;
		writeFileSync(join(workDir, 'ca-wizard-run.json'), ledger);
		const env = {...process.env, ...sandbox.current.env, CI: 'true'};
		const first = spawn(
			process.execPath,
			[cliPath, '--sandbox-url', `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, '--yes', '--workdir', workDir],
			{
				env: {...env, AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`},
				stdio: 'ignore',
			},
		);
		cleanups.push(() => first.kill('SIGKILL'));
		await expect.poll(() => waiting.length, {timeout: 20_000}).toBeGreaterThan(0);

		const second = (await run(process.execPath, [cliPath, '--sandbox-url', sandbox.current.endpoint, '--yes', '--workdir', workDir], {env}).catch(
			error => error,
		)) as {code: number; stderr: string};
		const lockFile = join(
			workDir,
			'.ca-wizard.lock',
			readdirSync(join(workDir, '.ca-wizard.lock')).find(name => /^\d+$/.test(name))!,
		);
		expect(second.code).toBe(1);
		expect(second.stderr).toContain(`The work folder ${workDir} is in use by pid ${first.pid} (another ca-wizard run; lock file ${lockFile}).`);
		expect(second.stderr).toContain('fix: Stop that process, or pass another folder with --workdir DIR.');
		expect(readFileSync(join(workDir, 'ca-wizard-run.json'), 'utf8')).toBe(ledger);

		// Stopped, the first one releases the folder.
		first.kill('SIGTERM');
		await exitOf(first);
		expect(readFileSync(lockFile, 'utf8')).toBe('');
	});
});
