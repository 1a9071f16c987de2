import {createServer, type Server, type Socket} from 'node:net';
import {describe, expect, it} from 'vitest';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {createInstanceMetadataApi} from '../../source/aws/sdk/instance-metadata.js';
import {useSandbox} from '../helpers/sandbox.js';

const admin = {accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'x'.repeat(40)};

/** describeHost of a metadata service at `endpoint`, as the wizard asks it. */
async function describeAt(endpoint: string) {
	const apis = await createAwsApis({kind: 'sandbox', endpoint, region: 'us-east-1', admin});
	return apis.metadata.describeHost();
}

async function listen(server: Server): Promise<number> {
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as {port: number}).port;
}

describe('describeHost against the sandbox (scenario access-denied)', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});

	it('names the instance, its region and zone, its instance profile and role', async () => {
		const host = await describeAt(sandbox.current.endpoint);
		expect(host).toEqual({
			instanceId: sandbox.current.instanceId,
			region: sandbox.current.region,
			availabilityZone: expect.stringMatching(new RegExp(`^${sandbox.current.region}[a-f]$`)) as unknown,
			instanceProfileArn: `arn:aws:iam::${sandbox.current.accountId}:instance-profile/build-host-profile`,
			roleName: 'build-host-role',
		});
	});
});

describe('describeHost against the sandbox (scenario no-profile)', () => {
	const sandbox = useSandbox({scenario: 'no-profile', region: 'eu-west-1'});

	it('describes the instance without profile or role', async () => {
		const host = await describeAt(sandbox.current.endpoint);
		expect(host).toEqual({instanceId: sandbox.current.instanceId, region: 'eu-west-1', availabilityZone: expect.stringMatching(/^eu-west-1[a-f]$/) as unknown});
	});
});

describe('describeHost where no metadata service answers', () => {
	// Each request ends when its deadline's signal aborts: here a signal the test aborts itself,
	// so what is checked is what ends a request, not how long a machine took.
	const deadline = new AbortController();
	const describeBefore = (endpoint: string, signal = deadline.signal) => createInstanceMetadataApi(`${endpoint}/`, () => signal).describeHost();

	async function blackHole(use: (endpoint: string, sockets: Set<Socket>) => Promise<void>): Promise<void> {
		const sockets = new Set<Socket>();
		const server = createServer(socket => sockets.add(socket)); // accepts, never answers
		const port = await listen(server);
		try {
			await use(`http://127.0.0.1:${port}`, sockets);
		} finally {
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => server.close(resolve));
		}
	}

	it('is undefined when the port is closed, without waiting for the deadline', async () => {
		const server = createServer();
		const port = await listen(server);
		await new Promise(resolve => server.close(resolve));
		expect(await describeBefore(`http://127.0.0.1:${port}`, new AbortController().signal)).toBeUndefined(); // a deadline that never comes
	});

	it("gives up when a connection is accepted but never answered, at the request's deadline", async () => {
		await blackHole(async (endpoint, sockets) => {
			const host = describeBefore(endpoint);
			await expect.poll(() => sockets.size).toBe(1); // the token request waits for an answer
			deadline.abort();
			expect(await host).toBeUndefined();
		});
	});

	it('has a deadline of its own', async () => {
		await blackHole(async endpoint => expect(await describeAt(endpoint)).toBeUndefined());
	});
});
