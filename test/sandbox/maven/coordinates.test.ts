import {
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribePackageVersionCommand,
	GetAuthorizationTokenCommand,
	GetRepositoryEndpointCommand,
	ListPackagesCommand,
} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';

// Whatever Maven can PUT, the CodeArtifact API must be able to name afterwards: coordinates that
// break the model's constraints (namespace, package, version `[^#/\s]+`, 1–255) are refused.

describe('Maven coordinates are checked against the CodeArtifact model', () => {
	const sandbox = useSandbox();
	const domain = 'coords';
	let client: CodeartifactClient;
	let base: string;
	let authorization: string;
	const put = async (path: string, body = 'jar bytes') => {
		const response = await fetch(base + path, {method: 'PUT', headers: {authorization}, body});
		return {status: response.status, text: await response.text()};
	};

	beforeAll(async () => {
		client = new CodeartifactClient(adminConfig(sandbox.current));
		await client.send(new CreateDomainCommand({domain}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'libs'}));
		const token = (await client.send(new GetAuthorizationTokenCommand({domain}))).authorizationToken ?? '';
		authorization = `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`;
		base = (await client.send(new GetRepositoryEndpointCommand({domain, repository: 'libs', format: 'maven'}))).repositoryEndpoint ?? '';
	});

	it('refuses with 400 what the API could not address, and creates no package', async () => {
		const long = '1'.repeat(256);
		for (const path of [
			'com/example/my%20lib/1.0/my%20lib-1.0.jar',
			'com/example/lib/1.0%23beta/lib-1.0%23beta.jar',
			'com/ex%0Aample/lib/1.0/lib-1.0.jar',
			`com/example/lib/${long}/lib-${long}.jar`,
		]) {
			const reply = await put(path);
			expect(reply.status, path).toBe(400);
			expect(reply.text, path).toMatch(/^Bad request: Value '.*' at '.*' failed to satisfy constraint: Member must/s);
			expect((await fetch(base + path, {headers: {authorization}})).status, path).toBe(400);
		}
		expect((await client.send(new ListPackagesCommand({domain, repository: 'libs'}))).packages).toEqual([]);
	});

	it('takes coordinates the API can name, and the API then finds them', async () => {
		expect((await put('com/example/my%2Blib/1.0/my%2Blib-1.0.jar')).status).toBe(201);
		const {packages} = await client.send(new ListPackagesCommand({domain, repository: 'libs'}));
		expect(packages?.map(p => [p.namespace, p.package])).toEqual([['com.example', 'my+lib']]);
		const {packageVersion} = await client.send(
			new DescribePackageVersionCommand({domain, repository: 'libs', format: 'maven', namespace: 'com.example', package: 'my+lib', packageVersion: '1.0'}),
		);
		expect(packageVersion?.status).toBe('Unfinished');
	});
});
