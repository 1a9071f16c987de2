import {createHash} from 'node:crypto';
import {
	CopyPackageVersionsCommand,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DeletePackageCommand,
	DeletePackageVersionsCommand,
	DescribePackageCommand,
	DescribePackageVersionCommand,
	DisposePackageVersionsCommand,
	ListPackageVersionAssetsCommand,
	ListPackageVersionsCommand,
	PublishPackageVersionCommand,
	UpdatePackageVersionsStatusCommand,
	type CodeartifactClient,
} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {useSandbox} from '../../helpers/sandbox.js';
import {adminClient, tamperingClient, uniqueName} from './client.js';

// Package version clean-up, status changes, package deletion and copies between repositories,
// through the official SDK; every reply checked against the model's output shape.

describe('package version operations through the real SDK', () => {
	const sandbox = useSandbox();
	let client: CodeartifactClient;
	const domain = 'versions';
	const repository = 'releases';
	const namespace = 'tools';
	const coordinates = (pkg: string, repo = repository) => ({domain, repository: repo, format: 'generic' as const, namespace, package: pkg});
	const publish = async (pkg: string, version: string, repo = repository) => {
		const bytes = Buffer.from(`${pkg}@${version}`);
		return client.send(
			new PublishPackageVersionCommand({
				...coordinates(pkg, repo),
				packageVersion: version,
				assetName: 'tool.bin',
				assetContent: bytes,
				assetSHA256: createHash('sha256').update(bytes).digest('hex'),
			}),
		);
	};
	const statusOf = async (pkg: string, version: string, repo = repository) =>
		(await client.send(new DescribePackageVersionCommand({...coordinates(pkg, repo), packageVersion: version}))).packageVersion?.status;
	const shape = (operation: string, output: object) => expect(outputShapeProblems('codeartifact', operation, output)).toEqual([]);

	beforeAll(async () => {
		client = adminClient(sandbox.current);
		await client.send(new CreateDomainCommand({domain}));
		for (const name of [repository, 'staging', 'promoted', 'upstream-source']) await client.send(new CreateRepositoryCommand({domain, repository: name}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'downstream-source', upstreams: [{repositoryName: 'upstream-source'}]}));
	});

	it('changes statuses version by version: expectedStatus, revisions, unknown versions and no-ops fail alone', async () => {
		const pkg = uniqueName('status');
		const published = await Promise.all(['1.0', '1.1', '1.2', '1.3'].map(v => publish(pkg, v)));
		const archived = await client.send(
			new UpdatePackageVersionsStatusCommand({
				...coordinates(pkg),
				versions: ['1.0', '1.1', '1.2', '9.9'],
				versionRevisions: {'1.2': 'not-the-revision'},
				expectedStatus: 'Published',
				targetStatus: 'Archived',
			}),
		);
		shape('UpdatePackageVersionsStatus', archived);
		expect(archived.successfulVersions).toEqual({
			'1.0': {revision: published[0]?.versionRevision, status: 'Archived'},
			'1.1': {revision: published[1]?.versionRevision, status: 'Archived'},
		});
		expect(archived.failedVersions).toEqual({
			'1.2': {errorCode: 'MISMATCHED_REVISION', errorMessage: expect.any(String)},
			'9.9': {errorCode: 'NOT_FOUND', errorMessage: expect.any(String)},
		});
		expect(await statusOf(pkg, '1.0')).toBe('Archived');
		expect(await statusOf(pkg, '1.2')).toBe('Published');

		const again = await client.send(
			new UpdatePackageVersionsStatusCommand({...coordinates(pkg), versions: ['1.0', '1.3'], expectedStatus: 'Archived', targetStatus: 'Unlisted'}),
		);
		expect(again.successfulVersions).toEqual({'1.0': {revision: published[0]?.versionRevision, status: 'Unlisted'}});
		expect(again.failedVersions?.['1.3']?.errorCode).toBe('MISMATCHED_STATUS');
		const same = await client.send(new UpdatePackageVersionsStatusCommand({...coordinates(pkg), versions: ['1.0'], targetStatus: 'Unlisted'}));
		expect(same.failedVersions?.['1.0']?.errorCode).toBe('SKIPPED');
	});

	it('sets only Published, Unlisted or Archived, and checks the model', async () => {
		const pkg = uniqueName('rules');
		await publish(pkg, '1.0');
		for (const targetStatus of ['Disposed', 'Deleted', 'Unfinished'] as const) {
			await expect(client.send(new UpdatePackageVersionsStatusCommand({...coordinates(pkg), versions: ['1.0'], targetStatus}))).rejects.toMatchObject({
				name: 'ValidationException',
				message: expect.stringContaining('DisposePackageVersions'),
			});
		}
		const tooMany = Array.from({length: 101}, (_, i) => `1.${i}`);
		await expect(client.send(new DeletePackageVersionsCommand({...coordinates(pkg), versions: tooMany}))).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining("at 'versions' failed to satisfy constraint: Member must have length less than or equal to 100"),
		});
		await expect(client.send(new DisposePackageVersionsCommand({...coordinates(pkg), versions: ['has space']}))).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining(`Value 'has space' at 'versions.1.member' failed to satisfy constraint`),
		});
		const withoutVersions = tamperingClient(sandbox.current, request => {
			request.body = '{}';
		});
		await expect(withoutVersions.send(new DisposePackageVersionsCommand({...coordinates(pkg), versions: ['1.0']}))).rejects.toMatchObject({
			name: 'ValidationException',
			message: "1 validation error detected: Value null at 'versions' failed to satisfy constraint: Member must not be null",
		});
		await expect(client.send(new DeletePackageVersionsCommand({...coordinates('no-such-package'), versions: ['1.0']}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'package',
		});
	});

	it('disposes of versions: assets gone, the record kept as Disposed, never brought back', async () => {
		const pkg = uniqueName('dispose');
		const {versionRevision} = await publish(pkg, '2.0');
		const disposed = await client.send(new DisposePackageVersionsCommand({...coordinates(pkg), versions: ['2.0'], expectedStatus: 'Published'}));
		shape('DisposePackageVersions', disposed);
		expect(disposed).toMatchObject({successfulVersions: {'2.0': {revision: versionRevision, status: 'Disposed'}}, failedVersions: {}});
		expect(await statusOf(pkg, '2.0')).toBe('Disposed');
		expect((await client.send(new ListPackageVersionAssetsCommand({...coordinates(pkg), packageVersion: '2.0'}))).assets).toEqual([]);
		const revived = await client.send(new UpdatePackageVersionsStatusCommand({...coordinates(pkg), versions: ['2.0'], targetStatus: 'Published'}));
		expect(revived.failedVersions?.['2.0']?.errorCode).toBe('NOT_ALLOWED');
	});

	it('deletes versions (the reply names them Deleted), then the package with its summary', async () => {
		const pkg = uniqueName('delete');
		await publish(pkg, '3.0');
		await publish(pkg, '3.1');
		const deleted = await client.send(new DeletePackageVersionsCommand({...coordinates(pkg), versions: ['3.0', '4.0']}));
		shape('DeletePackageVersions', deleted);
		expect(deleted.successfulVersions?.['3.0']?.status).toBe('Deleted');
		expect(deleted.failedVersions?.['4.0']?.errorCode).toBe('NOT_FOUND');
		await expect(client.send(new DescribePackageVersionCommand({...coordinates(pkg), packageVersion: '3.0'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
		});
		const versions = await client.send(new ListPackageVersionsCommand(coordinates(pkg)));
		expect(versions.versions?.map(v => v.version)).toEqual(['3.1']);

		const gone = await client.send(new DeletePackageCommand(coordinates(pkg)));
		shape('DeletePackage', gone);
		expect(gone.deletedPackage).toEqual({
			format: 'generic',
			namespace,
			package: pkg,
			originConfiguration: {restrictions: {publish: 'ALLOW', upstream: 'BLOCK'}},
		});
		await expect(client.send(new DescribePackageCommand(coordinates(pkg)))).rejects.toMatchObject({name: 'ResourceNotFoundException', resourceType: 'package'});
		await expect(client.send(new DeletePackageCommand(coordinates(pkg)))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
	});

	it('copies versions to another repository, keeping revision, status and origin; overwrites only when allowed', async () => {
		const pkg = uniqueName('copy');
		const first = await publish(pkg, '1.0', 'staging');
		await publish(pkg, '1.1', 'staging');
		const copy = (input: {versions?: string[]; versionRevisions?: Record<string, string>; allowOverwrite?: boolean}) =>
			client.send(
				new CopyPackageVersionsCommand({
					domain,
					sourceRepository: 'staging',
					destinationRepository: 'promoted',
					format: 'generic',
					namespace,
					package: pkg,
					...input,
				}),
			);
		const copied = await copy({versionRevisions: {'1.0': first.versionRevision ?? ''}});
		shape('CopyPackageVersions', copied);
		expect(copied).toEqual(expect.objectContaining({successfulVersions: {'1.0': {revision: first.versionRevision, status: 'Published'}}, failedVersions: {}}));
		const described = await client.send(new DescribePackageVersionCommand({...coordinates(pkg, 'promoted'), packageVersion: '1.0'}));
		expect(described.packageVersion).toMatchObject({
			revision: first.versionRevision,
			origin: {domainEntryPoint: {repositoryName: 'staging'}, originType: 'INTERNAL'},
		});

		const again = await copy({versions: ['1.0', '1.1', '7.0']});
		expect(again.successfulVersions).toEqual({'1.1': expect.objectContaining({status: 'Published'})});
		expect(again.failedVersions).toEqual({
			'1.0': {errorCode: 'ALREADY_EXISTS', errorMessage: expect.stringContaining('allowOverwrite')},
			'7.0': {errorCode: 'NOT_FOUND', errorMessage: expect.any(String)},
		});
		expect((await copy({versions: ['1.0'], allowOverwrite: true})).successfulVersions).toHaveProperty('1.0');
		expect((await copy({versionRevisions: {'1.1': 'stale'}})).failedVersions?.['1.1']?.errorCode).toBe('MISMATCHED_REVISION');
		await client.send(new DisposePackageVersionsCommand({...coordinates(pkg, 'staging'), versions: ['1.1']}));
		expect((await copy({versions: ['1.1'], allowOverwrite: true})).failedVersions?.['1.1']?.errorCode).toBe('NOT_ALLOWED');

		await expect(copy({versions: ['1.0'], versionRevisions: {'1.0': first.versionRevision ?? ''}})).rejects.toMatchObject({
			name: 'ValidationException',
			message: 'You must specify versions or versionRevisions. You cannot specify both.',
		});
		await expect(copy({})).rejects.toMatchObject({name: 'ValidationException'});
		await expect(
			client.send(
				new CopyPackageVersionsCommand({
					domain,
					sourceRepository: 'staging',
					destinationRepository: 'staging',
					format: 'generic',
					namespace,
					package: pkg,
					versions: ['1.0'],
				}),
			),
		).rejects.toMatchObject({name: 'ValidationException'});
		await expect(
			client.send(
				new CopyPackageVersionsCommand({
					domain,
					sourceRepository: 'staging',
					destinationRepository: 'nowhere',
					format: 'generic',
					namespace,
					package: pkg,
					versions: ['1.0'],
				}),
			),
		).rejects.toMatchObject({name: 'ResourceNotFoundException', resourceType: 'repository'});
	});

	it('copies what the source reaches through its upstreams only with includeFromUpstream', async () => {
		const pkg = uniqueName('reach');
		await publish(pkg, '5.0', 'upstream-source');
		const copy = (includeFromUpstream: boolean) =>
			client.send(
				new CopyPackageVersionsCommand({
					domain,
					sourceRepository: 'downstream-source',
					destinationRepository: 'promoted',
					format: 'generic',
					namespace,
					package: pkg,
					versions: ['5.0'],
					includeFromUpstream,
				}),
			);
		expect((await copy(false)).failedVersions?.['5.0']?.errorCode).toBe('NOT_FOUND');
		expect((await copy(true)).successfulVersions?.['5.0']?.status).toBe('Published');
		expect(await statusOf(pkg, '5.0', 'promoted')).toBe('Published');
	});
});
