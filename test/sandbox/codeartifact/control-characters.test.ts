import {createHash} from 'node:crypto';
import {
	CreateDomainCommand,
	CreateRepositoryCommand,
	GetAuthorizationTokenCommand,
	GetPackageVersionAssetCommand,
	GetRepositoryEndpointCommand,
	ListPackageVersionsCommand,
	PublishPackageVersionCommand,
	type CodeartifactClient,
	type PublishPackageVersionCommandInput,
} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSandbox} from '../../helpers/sandbox.js';
import {adminClient} from './client.js';

// A package version travels back in GetPackageVersionAsset's X-PackageVersion header, where
// HTTP allows no control character. One published with U+0001 could never be fetched again
// (each GetPackageVersionAsset answered 500): package, namespace and version refuse control
// characters wherever they come in, the API and the Maven endpoint alike.

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const content = Buffer.from('generic bytes\n');

describe('control characters in package coordinates', () => {
	const sandbox = useSandbox();
	let client: CodeartifactClient;
	const domain = 'controls';
	const repository = 'artifacts';
	const publish = (input: Partial<PublishPackageVersionCommandInput>) =>
		client.send(
			new PublishPackageVersionCommand({
				domain,
				repository,
				format: 'generic',
				namespace: 'ns',
				package: 'pkg',
				packageVersion: '1.0.0',
				assetName: 'asset.txt',
				assetContent: content,
				assetSHA256: sha256(content),
				...input,
			}),
		);
	const refusal = (member: string, value: string) => ({
		name: 'ValidationException',
		$metadata: {httpStatusCode: 400},
		message: `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must not contain control characters`,
	});

	beforeAll(async () => {
		client = adminClient(sandbox.current);
		await client.send(new CreateDomainCommand({domain}));
		await client.send(new CreateRepositoryCommand({domain, repository}));
	});

	it('PublishPackageVersion refuses a version with U+0001, and stores nothing', async () => {
		await expect(publish({packageVersion: '1.0\u0001'})).rejects.toMatchObject(refusal('packageVersion', '1.0\u0001'));
		await expect(client.send(new ListPackageVersionsCommand({domain, repository, format: 'generic', namespace: 'ns', package: 'pkg'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
		});
	});

	it('refuses DEL and the C1 controls too, in the namespace and the package name as well', async () => {
		await expect(publish({packageVersion: '1.0\u007f'})).rejects.toMatchObject(refusal('packageVersion', '1.0\u007f'));
		await expect(publish({packageVersion: '1.0\u0085'})).rejects.toMatchObject(refusal('packageVersion', '1.0\u0085'));
		await expect(publish({namespace: 'n\u0001s'})).rejects.toMatchObject(refusal('namespace', 'n\u0001s'));
		await expect(publish({package: 'p\u001bkg'})).rejects.toMatchObject(refusal('package', 'p\u001bkg'));
		await expect(
			client.send(
				new GetPackageVersionAssetCommand({
					domain,
					repository,
					format: 'generic',
					namespace: 'ns',
					package: 'pkg',
					packageVersion: '1.0\u0001',
					asset: 'asset.txt',
				}),
			),
		).rejects.toMatchObject(refusal('packageVersion', '1.0\u0001'));
	});

	it('still serves what the pattern allows: a version with a Latin-1 or a Greek letter comes back whole', async () => {
		for (const packageVersion of ['1.0-\u00e9', '2.0-\u03b2']) {
			await publish({packageVersion});
			const asset = await client.send(
				new GetPackageVersionAssetCommand({domain, repository, format: 'generic', namespace: 'ns', package: 'pkg', packageVersion, asset: 'asset.txt'}),
			);
			expect(Buffer.from(await asset.asset!.transformToByteArray())).toEqual(content);
		}
	});

	it('the Maven endpoint refuses a version with U+0001 in its path', async () => {
		const token = (await client.send(new GetAuthorizationTokenCommand({domain}))).authorizationToken!;
		const endpoint = (await client.send(new GetRepositoryEndpointCommand({domain, repository, format: 'maven'}))).repositoryEndpoint!;
		const response = await fetch(`${endpoint}com/example/lib/1.0%01/lib-1.0%01.jar`, {
			method: 'PUT',
			body: content,
			headers: {authorization: `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`},
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain("at 'version' failed to satisfy constraint: Member must not contain control characters");
	});
});
