import {
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribePackageCommand,
	ListPackagesCommand,
	ListPackageVersionsCommand,
	paginateListPackages,
	paginateListPackageVersions,
	PutPackageOriginConfigurationCommand,
	type CodeartifactClient,
	type PackageFormat,
} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSandbox} from '../../helpers/sandbox.js';
import {TestClock} from '../../helpers/test-clock.js';
import {adminClient, publishGenericCommand} from './client.js';

describe('CodeArtifact packages and package versions through the real SDK', () => {
	const clock = new TestClock();
	const sandbox = useSandbox({clock});
	let client: CodeartifactClient;
	const domain = 'pkgs';
	const repository = 'mixed';
	const publish = (pkg: string, version: string, unfinished = false) => client.send(publishGenericCommand({domain, repository}, pkg, version, unfinished));
	const declare = (format: PackageFormat, pkg: string, namespace: string | undefined, publishRule: 'ALLOW' | 'BLOCK', upstreamRule: 'ALLOW' | 'BLOCK') =>
		client.send(
			new PutPackageOriginConfigurationCommand({
				domain,
				repository,
				format,
				package: pkg,
				...(namespace ? {namespace} : {}),
				restrictions: {publish: publishRule, upstream: upstreamRule},
			}),
		);
	const list = async (
		filters: Partial<{format: PackageFormat; namespace: string; packagePrefix: string; publish: 'ALLOW' | 'BLOCK'; upstream: 'ALLOW' | 'BLOCK'}>,
	) =>
		((await client.send(new ListPackagesCommand({domain, repository, ...filters}))).packages ?? []).map(p => `${p.format}:${p.namespace ?? ''}/${p.package}`);

	beforeAll(async () => {
		client = adminClient(sandbox.current);
		await client.send(new CreateDomainCommand({domain}));
		await client.send(new CreateRepositoryCommand({domain, repository}));
		await declare('maven', 'commons-lang3', 'org.apache.commons', 'BLOCK', 'ALLOW');
		await declare('maven', 'guava', 'com.google.guava', 'BLOCK', 'ALLOW');
		await declare('npm', 'left-pad', undefined, 'ALLOW', 'BLOCK');
		await publish('cli', '1.0.0');
	});

	it('describes a package with its origin configuration under `name`', async () => {
		const {package: described} = await client.send(new DescribePackageCommand({domain, repository, format: 'generic', namespace: 'tools', package: 'cli'}));
		expect(described).toEqual({format: 'generic', namespace: 'tools', name: 'cli', originConfiguration: {restrictions: {publish: 'ALLOW', upstream: 'BLOCK'}}});
		const {package: npm} = await client.send(new DescribePackageCommand({domain, repository, format: 'npm', package: 'left-pad'}));
		expect(npm).toEqual({format: 'npm', name: 'left-pad', originConfiguration: {restrictions: {publish: 'ALLOW', upstream: 'BLOCK'}}});
		await expect(client.send(new DescribePackageCommand({domain, repository, format: 'generic', namespace: 'tools', package: 'nope'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'package',
		});
	});

	it('creates a package on PutPackageOriginConfiguration and changes it later', async () => {
		const first = await declare('pypi', 'requests', undefined, 'BLOCK', 'BLOCK');
		expect(first.originConfiguration).toEqual({restrictions: {publish: 'BLOCK', upstream: 'BLOCK'}});
		await declare('pypi', 'requests', undefined, 'ALLOW', 'ALLOW');
		const {package: described} = await client.send(new DescribePackageCommand({domain, repository, format: 'pypi', package: 'requests'}));
		expect(described?.originConfiguration?.restrictions).toEqual({publish: 'ALLOW', upstream: 'ALLOW'});
		const versions = await client.send(new ListPackageVersionsCommand({domain, repository, format: 'pypi', package: 'requests'}));
		expect(versions.versions).toEqual([]);
	});

	it('filters ListPackages by format, namespace prefix, package prefix and origin restrictions', async () => {
		expect(await list({format: 'maven'})).toEqual(['maven:com.google.guava/guava', 'maven:org.apache.commons/commons-lang3']);
		expect(await list({namespace: 'org.apa'})).toEqual(['maven:org.apache.commons/commons-lang3']);
		expect(await list({packagePrefix: 'left'})).toEqual(['npm:/left-pad']);
		expect(await list({publish: 'BLOCK', upstream: 'ALLOW'})).toEqual(['maven:com.google.guava/guava', 'maven:org.apache.commons/commons-lang3']);
		expect(await list({format: 'generic', publish: 'ALLOW', upstream: 'BLOCK'})).toEqual(['generic:tools/cli']);
		expect(await list({format: 'cargo'})).toEqual([]);
		await expect(client.send(new ListPackagesCommand({domain, repository: 'missing-repo'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'repository',
		});
	});

	it('pages through packages with the SDK paginator', async () => {
		for (let i = 0; i < 5; i++) await declare('generic', `paged-${i}`, 'paging', 'ALLOW', 'BLOCK');
		const seen: string[] = [];
		let pages = 0;
		for await (const page of paginateListPackages({client, pageSize: 2}, {domain, repository, namespace: 'paging'})) {
			pages += 1;
			seen.push(...(page.packages ?? []).map(p => p.package ?? ''));
		}
		expect(pages).toBe(3);
		expect(seen).toEqual(['paged-0', 'paged-1', 'paged-2', 'paged-3', 'paged-4']);
	});

	it('lists versions in version order, by publish time, filtered, with the latest published as default', async () => {
		for (const version of ['1.10.0', '1.2.0', '1.9.0']) {
			await publish('sorted', version);
			clock.advance(1000); // the next one is published a second later
		}
		await publish('sorted', '2.0.0-rc', true);
		const coordinates = {domain, repository, format: 'generic' as const, namespace: 'tools', package: 'sorted'};
		const byVersion = await client.send(new ListPackageVersionsCommand(coordinates));
		expect(byVersion).toMatchObject({format: 'generic', namespace: 'tools', package: 'sorted', defaultDisplayVersion: '1.9.0'});
		expect(byVersion.versions?.map(v => v.version)).toEqual(['1.2.0', '1.9.0', '1.10.0', '2.0.0-rc']);
		expect(byVersion.versions?.[0]).toMatchObject({
			status: 'Published',
			revision: expect.any(String),
			origin: {domainEntryPoint: {repositoryName: repository}, originType: 'INTERNAL'},
		});

		const newest = await client.send(new ListPackageVersionsCommand({...coordinates, sortBy: 'PUBLISHED_TIME'}));
		expect(newest.versions?.map(v => v.version)).toEqual(['2.0.0-rc', '1.9.0', '1.2.0', '1.10.0']);
		const unfinished = await client.send(new ListPackageVersionsCommand({...coordinates, status: 'Unfinished'}));
		expect(unfinished.versions?.map(v => v.version)).toEqual(['2.0.0-rc']);
		const external = await client.send(new ListPackageVersionsCommand({...coordinates, originType: 'EXTERNAL'}));
		expect(external.versions).toEqual([]);

		const paged: string[] = [];
		for await (const page of paginateListPackageVersions({client, pageSize: 1}, {...coordinates, status: 'Published'}))
			paged.push(...(page.versions ?? []).map(v => v.version ?? ''));
		expect(paged).toEqual(['1.2.0', '1.9.0', '1.10.0']);
		await expect(client.send(new ListPackageVersionsCommand({...coordinates, package: 'never-published'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
		});
	});
});
