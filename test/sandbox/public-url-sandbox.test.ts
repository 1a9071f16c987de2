import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {CodeartifactClient, CreateDomainCommand, CreateRepositoryCommand, GetRepositoryEndpointCommand} from '@aws-sdk/client-codeartifact';
import {afterAll, describe, expect, it} from 'vitest';
import {cliPath, exitOf, startSandboxProcess} from '../helpers/cli-process.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';

// A workshop's sandbox, bound to every address, tells its clients the address given with
// --public-url: in the export lines, the repository endpoints (which end up in settings.xml)
// and every build host's metadata endpoint. Its clients here reach it on loopback, as the
// presenter's own shell may; what it advertises is only ever the public address.

const run = promisify(execFile);
const publicHost = 'workshop.invalid';

describe('a sandbox with --public-url', () => {
	const sandbox = useSandbox({host: '0.0.0.0', publicUrl: `http://${publicHost}`, instances: 2});

	it('returns repository endpoints under the public address, with the sandbox’s port', async () => {
		const port = new URL(sandbox.current.endpoint).port;
		expect(sandbox.current.endpoint).toBe(`http://${publicHost}:${port}`);
		const client = new CodeartifactClient({
			endpoint: `http://127.0.0.1:${port}`,
			region: sandbox.current.region,
			credentials: {...sandbox.current.admin},
			maxAttempts: 1,
		});
		await client.send(new CreateDomainCommand({domain: 'room'}));
		await client.send(new CreateRepositoryCommand({domain: 'room', repository: 'libs'}));
		const {repositoryEndpoint} = await client.send(new GetRepositoryEndpointCommand({domain: 'room', repository: 'libs', format: 'maven'}));
		expect(repositoryEndpoint).toBe(`http://${publicHost}:${port}/d/room-${sandbox.current.accountId}/maven/libs/`);
		client.destroy();
	});

	it('gives every build host a metadata endpoint on the public address, each on its own port', () => {
		const [first, second] = sandbox.current.instances;
		expect(first?.metadataEndpoint).toBe(`${sandbox.current.endpoint}/`);
		expect(second?.metadataEndpoint).toMatch(new RegExp(`^http://${publicHost}:\\d+/$`));
		expect(second?.metadataEndpoint).not.toBe(first?.metadataEndpoint);
	});
});

describe('ca-wizard sandbox --public-url, the built CLI', () => {
	const children: {kill: (signal?: NodeJS.Signals) => boolean}[] = [];
	afterAll(() => {
		for (const child of children.splice(0)) child.kill('SIGKILL');
	});

	it('prints the public address in the endpoint line, the export lines and the build hosts’ table', async () => {
		const args = [
			'--host',
			'0.0.0.0',
			'--port',
			'0',
			'--public-url',
			`http://${publicHost}`,
			'--instances',
			'2',
			'--data',
			temporaryDirectory(),
			'--print-env',
		];
		const sandbox = await startSandboxProcess(args);
		children.push(sandbox.child);
		const port = new URL(sandbox.endpoint).port;
		expect(sandbox.endpoint).toBe(`http://${publicHost}:${port}`);
		await expect.poll(() => sandbox.stderr()).toContain('build-host-2');
		expect(sandbox.stdout()).toContain(`export AWS_ENDPOINT_URL=http://${publicHost}:${port}\n`);
		expect(sandbox.stdout()).toContain(`export AWS_EC2_METADATA_SERVICE_ENDPOINT=http://${publicHost}:${port}/\n`);
		expect(sandbox.stderr()).toMatch(new RegExp(`build-host-2\\s+i-\\S+\\s+http://${publicHost}:\\d+/`));
		expect(sandbox.stdout() + sandbox.stderr()).not.toContain('127.0.0.1');
		sandbox.child.kill('SIGINT');
		expect(await exitOf(sandbox.child)).toEqual({code: 0, signal: null});
	});

	it('refuses a loopback --public-url before starting, naming the way out', async () => {
		const failure = (await run(process.execPath, [cliPath, 'sandbox', '--host', '0.0.0.0', '--public-url', 'http://127.0.0.1:7717']).catch(
			(error: unknown) => error,
		)) as {code: number; stderr: string};
		expect(failure.code).toBe(2);
		expect(failure.stderr).toContain('--public-url "http://127.0.0.1:7717" is not accepted');
		expect(failure.stderr).toContain("Leave --public-url out to advertise this machine's network address");
	});
});
