import {createServer, type Server} from 'node:http';
import {afterEach, describe, expect, it} from 'vitest';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';

const admin = {accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'x'.repeat(40)};

describe('the shared client configuration', () => {
	let server: Server | undefined;
	afterEach(async () => {
		await new Promise(resolve => server?.close(resolve));
	});

	/** An endpoint that answers every request with `status`, counting them. */
	async function failingEndpoint(status: number): Promise<{endpoint: string; requests: () => number}> {
		let count = 0;
		server = createServer((request, response) => {
			count++;
			request.resume();
			response.writeHead(status, {'content-type': 'text/plain'}).end('unavailable');
		});
		await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as {port: number};
		return {endpoint: `http://127.0.0.1:${port}`, requests: () => count};
	}

	it('retries a failing call with the standard strategy, five attempts in all, for every service', async () => {
		const {endpoint, requests} = await failingEndpoint(503);
		const apis = await createAwsApis({kind: 'sandbox', endpoint, region: 'us-east-1', admin});
		await expect(apis.sts.getCallerIdentity()).rejects.toMatchObject({kind: 'service', operation: 'sts:GetCallerIdentity'});
		expect(requests()).toBe(5);
		await expect(apis.codeartifact.listDomains()).rejects.toMatchObject({kind: 'service', operation: 'codeartifact:ListDomains'});
		expect(requests()).toBe(10);
	});

	it('does not retry what a retry cannot fix', async () => {
		const {endpoint, requests} = await failingEndpoint(403);
		const apis = await createAwsApis({kind: 'sandbox', endpoint, region: 'us-east-1', admin});
		await expect(apis.iam.getRole('any')).rejects.toMatchObject({kind: 'access-denied', operation: 'iam:GetRole'});
		expect(requests()).toBe(1);
	});
});
