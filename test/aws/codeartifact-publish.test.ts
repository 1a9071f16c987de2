import {createHash} from 'node:crypto';
import {PublishPackageVersionCommand, CodeartifactClient} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import type {AwsApis} from '../../source/aws/apis.js';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {adminConfig, useSandbox} from '../helpers/sandbox.js';

// The two narrow publish calls through the real SDK over HTTP: what goes up comes back byte for
// byte, and a body that does not hash to the SHA-256 sent with it leaves nothing behind.

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('publishPackageVersion and getPackageVersionAsset against the sandbox', () => {
	const sandbox = useSandbox();
	const domain = 'pub';
	const repository = 'generic';
	const pkg = {namespace: 'ca-wizard', name: 'notes'};
	let aws: AwsApis;

	beforeAll(async () => {
		aws = await createAwsApis({kind: 'sandbox', ...sandbox.current});
		await aws.codeartifact.createDomain(domain);
		await aws.codeartifact.createRepository(domain, repository, {});
	});

	it('publishes a finished version and reads the same bytes back, origin INTERNAL, publish ALLOW / upstream BLOCK', async () => {
		const content = new Uint8Array(Buffer.from('a generic package\n'.repeat(40)));
		const published = await aws.codeartifact.publishPackageVersion(domain, repository, pkg, '1.0.0', {
			name: 'notes-1.0.0.tar.gz',
			content,
			sha256: sha256(content),
		});
		expect(published).toMatchObject({
			version: '1.0.0',
			status: 'Published',
			asset: {name: 'notes-1.0.0.tar.gz', size: content.byteLength, sha256: sha256(content)},
		});
		expect(published.revision).not.toBe('');

		const back = await aws.codeartifact.getPackageVersionAsset(domain, repository, pkg, '1.0.0', 'notes-1.0.0.tar.gz');
		expect(Buffer.from(back).equals(Buffer.from(content))).toBe(true);
		const generic = {format: 'generic', ...pkg};
		expect(await aws.codeartifact.describePackageVersion(domain, repository, generic, '1.0.0')).toMatchObject({
			status: 'Published',
			originType: 'INTERNAL',
			publishedTime: expect.any(Date) as Date,
		});
		expect(await aws.codeartifact.describePackage(domain, repository, generic)).toEqual({...generic, publish: 'ALLOW', upstream: 'BLOCK'});
	});

	it('refuses a missing asset as not-found', async () => {
		await expect(aws.codeartifact.getPackageVersionAsset(domain, repository, pkg, '1.0.0', 'other.tar.gz')).rejects.toMatchObject({
			kind: 'not-found',
			operation: 'codeartifact:GetPackageVersionAsset',
		});
	});

	it('stores nothing when the bytes sent do not hash to the SHA-256 sent with them (a tampered upload, through the SDK directly)', async () => {
		const client = new CodeartifactClient(adminConfig(sandbox.current));
		const meant = Buffer.from('what the publisher packed\n');
		const tampered = Buffer.from('what arrived instead\n');
		const refused = await client
			.send(
				new PublishPackageVersionCommand({
					domain,
					repository,
					format: 'generic',
					namespace: pkg.namespace,
					package: 'tampered',
					packageVersion: '1.0.0',
					assetName: 'tampered-1.0.0.tar.gz',
					assetContent: tampered,
					assetSHA256: sha256(meant),
				}),
			)
			.catch((error: unknown) => error);
		expect(refused).toMatchObject({name: 'ValidationException'});
		expect((await aws.codeartifact.listPackages(domain, repository)).map(found => found.name)).not.toContain('tampered');
		expect(await aws.codeartifact.describePackage(domain, repository, {format: 'generic', namespace: pkg.namespace, name: 'tampered'})).toBeUndefined();
	});
});
