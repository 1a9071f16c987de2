import {execFile} from 'node:child_process';
import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import {cliPath, exitOf, startSandboxProcess} from '../helpers/cli-process.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

const run = promisify(execFile);
const children: {kill: (signal?: NodeJS.Signals) => boolean}[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('ca-wizard sandbox (the built CLI)', () => {
	it('prints the endpoint and export lines, writes sandbox.json (0600), and stops cleanly on Ctrl-C', async () => {
		const data = temporaryDirectory();
		const sandbox = await startSandboxProcess(['--port', '0', '--data', data, '--print-env']);
		children.push(sandbox.child);
		expect(sandbox.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		await expect.poll(() => sandbox.stdout()).toContain('export AWS_EC2_METADATA_SERVICE_ENDPOINT=');
		for (const name of ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION']) expect(sandbox.stdout()).toContain(`export ${name}=`);
		const description = JSON.parse(readFileSync(join(data, 'sandbox.json'), 'utf8'));
		expect(Object.keys(description).sort()).toEqual([
			'accountId',
			'adminAccessKeyId',
			'adminSecretAccessKey',
			'endpoint',
			'instanceId',
			'instances',
			'otherAccountUsers',
			'region',
		]);
		expect(description.endpoint).toBe(sandbox.endpoint);
		expect(statSync(join(data, 'sandbox.json')).mode & 0o777).toBe(0o600);

		// The printed environment is all the aws CLI needs.
		const env = Object.fromEntries([...sandbox.stdout().matchAll(/^export (\w+)=(\S+)$/gm)].map(m => [m[1]!, m[2]!]));
		const {stdout} = await run('aws', ['sts', 'get-caller-identity', '--output', 'json'], {
			env: {...process.env, ...env, AWS_DEFAULT_REGION: description.region},
		});
		expect(JSON.parse(stdout).Account).toBe(description.accountId);

		sandbox.child.kill('SIGINT');
		expect(await exitOf(sandbox.child)).toEqual({code: 0, signal: null});
		expect(sandbox.stderr()).toContain('sandbox stopped');
	});

	it('with --instances 3, prints each build host with its metadata endpoint, where the aws CLI finds its role', async () => {
		const data = temporaryDirectory();
		const sandbox = await startSandboxProcess(['--port', '0', '--data', data, '--instances', '3']);
		children.push(sandbox.child);
		await expect.poll(() => sandbox.stderr()).toContain('Press Ctrl-C');
		const rows = [...sandbox.stderr().matchAll(/^(build-host-\d+) +(i-[0-9a-f]{17}) +(http:\/\/127\.0\.0\.1:\d+\/)$/gm)];
		expect(rows.map(row => row[1])).toEqual(['build-host-1', 'build-host-2', 'build-host-3']);
		expect(rows[0]?.[3]).toBe(`${sandbox.endpoint}/`);
		const description = JSON.parse(readFileSync(join(data, 'sandbox.json'), 'utf8'));
		expect(description.instances.map((instance: {metadataEndpoint: string}) => instance.metadataEndpoint)).toEqual(rows.map(row => row[3]));
		// As the README says: no keys, the metadata endpoint of the host to be.
		const withoutKeys = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
		const {stdout} = await run('aws', ['sts', 'get-caller-identity', '--output', 'json'], {
			env: {...withoutKeys, AWS_ENDPOINT_URL: sandbox.endpoint, AWS_DEFAULT_REGION: description.region, AWS_EC2_METADATA_SERVICE_ENDPOINT: rows[2]?.[3] ?? ''},
		});
		expect(JSON.parse(stdout).Arn).toBe(`arn:aws:sts::${description.accountId}:assumed-role/build-host-3-role/${rows[2]?.[2]}`);
	});

	it('refuses a second sandbox on the same data folder, naming the fix', async () => {
		const data = temporaryDirectory();
		const first = await startSandboxProcess(['--port', '0', '--data', data]);
		children.push(first.child);
		const second = await run(process.execPath, [cliPath, 'sandbox', '--port', '0', '--data', data]).catch((error: {code: number; stderr: string}) => error);
		expect(second).toMatchObject({code: 1});
		expect((second as {stderr: string}).stderr).toMatch(/in use by pid \d+ \(another sandbox; lock file .*\.ca-wizard\.lock\/\d+\).*--data DIR/);
	});

	it('rejects bad options with a message that names the fix and a non-zero exit', async () => {
		const badPort = await run(process.execPath, [cliPath, 'sandbox', '--port', 'abc']).catch((error: {code: number; stderr: string}) => error);
		expect(badPort).toMatchObject({code: 2});
		expect((badPort as {stderr: string}).stderr).toContain('--port "abc" is not accepted: takes a whole number from 0 to 65535');
		const badFaults = await run(process.execPath, [cliPath, 'sandbox', '--port', '0', '--data', temporaryDirectory(), '--faults', 'throttle=lots']).catch(
			(error: {code: number; stderr: string}) => error,
		);
		expect(badFaults).toMatchObject({code: 2}); // checked with the other options, before anything starts
		expect((badFaults as {stderr: string}).stderr).toContain('--faults throttle=0.2,error=0.05,latency=200');
		const badScenario = await run(process.execPath, [cliPath, 'sandbox', '--port', '0', '--data', temporaryDirectory(), '--scenario', 'nope']).catch(
			(error: {code: number; stderr: string}) => error,
		);
		expect(badScenario).toMatchObject({code: 2});
		expect((badScenario as {stderr: string}).stderr).toContain('--scenario "nope" is not accepted: use access-denied or no-profile');
		const badInstances = await run(process.execPath, [cliPath, 'sandbox', '--port', '0', '--data', temporaryDirectory(), '--instances', '101']).catch(
			(error: {code: number; stderr: string}) => error,
		);
		expect(badInstances).toMatchObject({code: 2});
		expect((badInstances as {stderr: string}).stderr).toContain('--instances "101" is not accepted: takes a whole number from 1 to 100');
		const unknown = await run(process.execPath, [cliPath, 'sandbox', '--colour']).catch((error: {code: number; stderr: string}) => error);
		expect(unknown).toMatchObject({code: 2});
	});

	it('warns when bound to a non-loopback address, and advertises an address others can reach', async () => {
		const sandbox = await startSandboxProcess(['--port', '0', '--data', temporaryDirectory(), '--host', '0.0.0.0']);
		children.push(sandbox.child);
		await expect.poll(() => sandbox.stderr()).toContain('not loopback');
		// Bound to every address, the endpoint is one participants can reach (this machine's), never loopback.
		expect(sandbox.endpoint).toMatch(/^http:\/\/(?!127\.)[\d.]+:\d+$/);
	});
});
