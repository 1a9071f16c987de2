import {createServer, type Server, type Socket} from 'node:net';
import {describe, expect, it} from 'vitest';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {useSandbox} from '../helpers/sandbox.js';

const admin = {accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'x'.repeat(40)};

/** describeHost of a metadata service at `endpoint`, and how long it took. */
async function describeAt(endpoint: string) {
	const apis = await createAwsApis({kind: 'sandbox', endpoint, region: 'us-east-1', admin});
	const started = performance.now();
	const host = await apis.metadata.describeHost();
	return {host, ms: performance.now() - started};
}

async function listen(server: Server): Promise<number> {
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as {port: number}).port;
}

describe('describeHost against the sandbox (scenario access-denied)', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});

	it('names the instance, its region and zone, its instance profile and role', async () => {
		const {host} = await describeAt(sandbox.current.endpoint);
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
		const {host} = await describeAt(sandbox.current.endpoint);
		expect(host).toEqual({instanceId: sandbox.current.instanceId, region: 'eu-west-1', availabilityZone: expect.stringMatching(/^eu-west-1[a-f]$/) as unknown});
	});
});

describe('describeHost where no metadata service answers', () => {
	it('is undefined at once when the port is closed', async () => {
		const server = createServer();
		const port = await listen(server);
		await new Promise(resolve => server.close(resolve));
		const {host, ms} = await describeAt(`http://127.0.0.1:${port}`);
		expect(host).toBeUndefined();
		expect(ms).toBeLessThan(1500);
	});

	it('gives up after about a second when a connection is accepted but never answered', async () => {
		const sockets = new Set<Socket>();
		const server = createServer(socket => sockets.add(socket)); // a black hole
		const port = await listen(server);
		try {
			const {host, ms} = await describeAt(`http://127.0.0.1:${port}`);
			expect(host).toBeUndefined();
			expect(ms).toBeGreaterThan(900);
			expect(ms).toBeLessThan(1500);
		} finally {
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => server.close(resolve));
		}
	});
});
