import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {
	AssociateExternalConnectionCommand,
	CodeartifactClient,
	CreateDomainCommand,
	CreatePackageGroupCommand,
	CreateRepositoryCommand,
	GetAssociatedPackageGroupCommand,
	GetAuthorizationTokenCommand,
	GetRepositoryEndpointCommand,
	ListAllowedRepositoriesForGroupCommand,
	ListAssociatedPackagesCommand,
	ListPackagesCommand,
	paginateListAllowedRepositoriesForGroup,
	paginateListAssociatedPackages,
	PutPackageOriginConfigurationCommand,
	UpdatePackageGroupOriginConfigurationCommand,
	type PackageGroupOriginRestrictionMode,
	type PackageGroupOriginRestrictionType,
} from '@aws-sdk/client-codeartifact';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {adminConfig, temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';
import {publishGenericCommand, recordingClient, tamperingClient} from './client.js';

// A package group's origin controls through the real SDK and the Maven endpoint: the modes and
// allowed-repository lists, their inheritance down the hierarchy, which packages a group governs,
// and their effect: a publish the group blocks is refused and stores nothing, and an upstream
// fetch it blocks is not made (the Maven endpoint answers 404).

const upstreamFolder = temporaryDirectory('ca-wizard-group-upstream-');
for (const [path, text] of [
	['com/example/lib/1.0/lib-1.0.pom', '<project>lib</project>'],
	['org/acme/tool/1.0/tool-1.0.pom', '<project>tool</project>'],
] as const) {
	mkdirSync(join(upstreamFolder, path, '..'), {recursive: true});
	writeFileSync(join(upstreamFolder, path), text);
}

type Restrictions = Partial<Record<PackageGroupOriginRestrictionType, PackageGroupOriginRestrictionMode>>;
type Allowed = {repositoryName: string; originRestrictionType: PackageGroupOriginRestrictionType}[];

describe('package group origin controls', () => {
	const sandbox = useSandbox({mavenCentral: upstreamFolder});
	afterAll(() => rmSync(upstreamFolder, {recursive: true, force: true}));
	const domain = 'origins';
	let client: CodeartifactClient;
	let authorization: string;
	const endpoints: Record<string, string> = {};
	const configure = (packageGroup: string, restrictions: Restrictions, add: Allowed = [], remove: Allowed = []) =>
		client.send(
			new UpdatePackageGroupOriginConfigurationCommand({domain, packageGroup, restrictions, addAllowedRepositories: add, removeAllowedRepositories: remove}),
		);
	const maven = async (repository: string, path: string, init: {method?: string; body?: string} = {}) =>
		(await fetch(`${endpoints[repository]}${path}`, {...init, headers: {authorization}})).status;
	const publishGeneric = (repository: string, pkg: string) => client.send(publishGenericCommand({domain, repository}, pkg, '1.0.0'));
	const packagesIn = async (repository: string) =>
		((await client.send(new ListPackagesCommand({domain, repository}))).packages ?? []).map(p => `${p.namespace ?? ''}/${p.package}`);

	beforeAll(async () => {
		client = new CodeartifactClient(adminConfig(sandbox.current));
		await client.send(new CreateDomainCommand({domain}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'store'}));
		await client.send(new AssociateExternalConnectionCommand({domain, repository: 'store', externalConnection: 'public:maven-central'}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'app', upstreams: [{repositoryName: 'store'}]}));
		for (const repository of ['store', 'app']) {
			endpoints[repository] = (await client.send(new GetRepositoryEndpointCommand({domain, repository, format: 'maven'}))).repositoryEndpoint ?? '';
		}
		const token = (await client.send(new GetAuthorizationTokenCommand({domain}))).authorizationToken ?? '';
		authorization = `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`;
		for (const pattern of ['/maven/com.example~', '/maven/com.example/lib$', '/generic/tools/*']) {
			await client.send(new CreatePackageGroupCommand({domain, packageGroup: pattern}));
		}
	});

	it('sets modes and allowed repositories; a child inherits the mode and says from where', async () => {
		const reply = await configure(
			'/maven/com.example~',
			{EXTERNAL_UPSTREAM: 'BLOCK', PUBLISH: 'ALLOW_SPECIFIC_REPOSITORIES'},
			[
				{repositoryName: 'app', originRestrictionType: 'PUBLISH'},
				{repositoryName: 'store', originRestrictionType: 'PUBLISH'},
			],
			[{repositoryName: 'store', originRestrictionType: 'PUBLISH'}],
		);
		expect(outputShapeProblems('codeartifact', 'UpdatePackageGroupOriginConfiguration', reply)).toEqual([]);
		// On the wire too, where the SDK would drop a member the model lacks.
		const {client: recording, bodies} = recordingClient(sandbox.current);
		await recording.send(new GetAssociatedPackageGroupCommand({domain, format: 'maven', namespace: 'com.example', package: 'lib'}));
		await recording.send(new ListAssociatedPackagesCommand({domain, packageGroup: '/maven/com.example~', preview: true}));
		await recording.send(
			new UpdatePackageGroupOriginConfigurationCommand({
				domain,
				packageGroup: '/maven/com.example~',
				addAllowedRepositories: [{repositoryName: 'app', originRestrictionType: 'PUBLISH'}],
			}),
		);
		expect(bodies).toHaveLength(3);
		expect(outputShapeProblems('codeartifact', 'GetAssociatedPackageGroup', bodies[0], 'wire')).toEqual([]);
		expect(outputShapeProblems('codeartifact', 'ListAssociatedPackages', bodies[1], 'wire')).toEqual([]);
		expect(outputShapeProblems('codeartifact', 'UpdatePackageGroupOriginConfiguration', bodies[2], 'wire')).toEqual([]);
		expect(reply.allowedRepositoryUpdates).toEqual({PUBLISH: {ADDED: ['app', 'store'], REMOVED: ['store']}});
		expect(reply.packageGroup?.originConfiguration?.restrictions).toEqual({
			EXTERNAL_UPSTREAM: {mode: 'BLOCK', effectiveMode: 'BLOCK', repositoriesCount: 0},
			INTERNAL_UPSTREAM: {
				mode: 'INHERIT',
				effectiveMode: 'ALLOW',
				inheritedFrom: {arn: expect.stringMatching(/package-group\/origins\/%2a$/), pattern: '/*'},
				repositoriesCount: 0,
			},
			PUBLISH: {mode: 'ALLOW_SPECIFIC_REPOSITORIES', effectiveMode: 'ALLOW_SPECIFIC_REPOSITORIES', repositoriesCount: 1},
		});
		const child = await client.send(new GetAssociatedPackageGroupCommand({domain, format: 'maven', namespace: 'com.example', package: 'lib'}));
		expect(outputShapeProblems('codeartifact', 'GetAssociatedPackageGroup', child)).toEqual([]);
		expect(child.associationType).toBe('STRONG');
		expect(child.packageGroup?.pattern).toBe('/maven/com.example/lib$');
		expect(child.packageGroup?.originConfiguration?.restrictions?.EXTERNAL_UPSTREAM).toEqual({
			mode: 'INHERIT',
			effectiveMode: 'BLOCK',
			inheritedFrom: {arn: expect.stringMatching(/package-group\/origins\/maven\/com\.example%7e$/), pattern: '/maven/com.example~'},
			repositoriesCount: 0,
		});
		const other = await client.send(new GetAssociatedPackageGroupCommand({domain, format: 'maven', namespace: 'com.example.app', package: 'web'}));
		expect([other.packageGroup?.pattern, other.associationType]).toEqual(['/maven/com.example~', 'WEAK']);
		const unrelated = await client.send(new GetAssociatedPackageGroupCommand({domain, format: 'npm', package: 'left-pad'}));
		expect(unrelated.packageGroup?.pattern).toBe('/*');
	});

	it('refuses INHERIT on the root, modes and types outside the model, repositories that do not exist', async () => {
		await expect(configure('/*', {PUBLISH: 'INHERIT'})).rejects.toMatchObject({name: 'ValidationException', message: expect.stringContaining('has no parent')});
		await expect(configure('/generic/tools/*', {PUBLISH: 'SOMETIMES' as PackageGroupOriginRestrictionMode})).rejects.toMatchObject({
			name: 'ValidationException',
			message:
				"1 validation error detected: Value 'SOMETIMES' at 'restrictions.PUBLISH' failed to satisfy constraint: Member must satisfy enum value set: [ALLOW, ALLOW_SPECIFIC_REPOSITORIES, BLOCK, INHERIT]",
		});
		await expect(configure('/generic/tools/*', {}, [{repositoryName: 'absent', originRestrictionType: 'PUBLISH'}])).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'repository',
		});
		await expect(configure('/npm/*', {PUBLISH: 'BLOCK'})).rejects.toMatchObject({name: 'ResourceNotFoundException', resourceType: 'package-group'});
		const withoutType = tamperingClient(sandbox.current, request => {
			delete request.query.originRestrictionType;
		});
		await expect(
			withoutType.send(new ListAllowedRepositoriesForGroupCommand({domain, packageGroup: '/generic/tools/*', originRestrictionType: 'PUBLISH'})),
		).rejects.toMatchObject({
			name: 'ValidationException',
			message: "1 validation error detected: Value null at 'originRestrictionType' failed to satisfy constraint: Member must not be null",
		});
	});

	it('lists a group’s allowed repositories per restriction, page by page', async () => {
		await configure('/generic/tools/*', {}, [
			{repositoryName: 'store', originRestrictionType: 'INTERNAL_UPSTREAM'},
			{repositoryName: 'app', originRestrictionType: 'INTERNAL_UPSTREAM'},
		]);
		const reply = await client.send(
			new ListAllowedRepositoriesForGroupCommand({domain, packageGroup: '/generic/tools/*', originRestrictionType: 'INTERNAL_UPSTREAM', maxResults: 1}),
		);
		expect(outputShapeProblems('codeartifact', 'ListAllowedRepositoriesForGroup', reply)).toEqual([]);
		expect(reply).toMatchObject({allowedRepositories: ['app'], nextToken: expect.any(String)});
		const names: string[] = [];
		const pages = paginateListAllowedRepositoriesForGroup(
			{client, pageSize: 1},
			{domain, packageGroup: '/generic/tools/*', originRestrictionType: 'INTERNAL_UPSTREAM'},
		);
		for await (const page of pages) names.push(...(page.allowedRepositories ?? []));
		expect(names).toEqual(['app', 'store']);
		const none = await client.send(new ListAllowedRepositoriesForGroupCommand({domain, packageGroup: '/generic/tools/*', originRestrictionType: 'PUBLISH'}));
		expect(none.allowedRepositories).toEqual([]);
		await configure('/generic/tools/*', {}, [], [{repositoryName: 'store', originRestrictionType: 'INTERNAL_UPSTREAM'}]);
		await expect(
			client.send(new ListAllowedRepositoriesForGroupCommand({domain, packageGroup: '/generic/tools/*', originRestrictionType: 'INTERNAL_UPSTREAM'})),
		).resolves.toMatchObject({allowedRepositories: ['app']});
	});

	it('a publish the group blocks is refused and stores nothing; an allowed repository takes it; a package BLOCK still wins', async () => {
		await configure('/generic/tools/*', {PUBLISH: 'BLOCK'});
		await expect(publishGeneric('app', 'cli')).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining('blocked by the origin configuration of its package group /generic/tools/* (PUBLISH: BLOCK)'),
		});
		expect(await packagesIn('app')).toEqual([]);
		await configure('/generic/tools/*', {PUBLISH: 'ALLOW_SPECIFIC_REPOSITORIES'}, [{repositoryName: 'app', originRestrictionType: 'PUBLISH'}]);
		await expect(publishGeneric('store', 'cli')).rejects.toMatchObject({
			message: expect.stringContaining('(PUBLISH: ALLOW_SPECIFIC_REPOSITORIES, without store)'),
		});
		await expect(publishGeneric('app', 'cli')).resolves.toMatchObject({status: 'Published'});
		await client.send(
			new PutPackageOriginConfigurationCommand({
				domain,
				repository: 'app',
				format: 'generic',
				namespace: 'tools',
				package: 'locked',
				restrictions: {publish: 'BLOCK', upstream: 'ALLOW'},
			}),
		);
		await expect(publishGeneric('app', 'locked')).rejects.toMatchObject({name: 'AccessDeniedException', message: expect.stringContaining('(publish: BLOCK)')});
	});

	it('an upstream fetch the group blocks is not made: the Maven endpoint answers 404', async () => {
		// /maven/com.example~ blocks EXTERNAL_UPSTREAM (the first test): lib is not fetched, org.acme's tool is.
		expect(await maven('app', 'com/example/lib/1.0/lib-1.0.pom')).toBe(404);
		expect(await maven('app', 'org/acme/tool/1.0/tool-1.0.pom')).toBe(200);
		expect(await packagesIn('store')).toEqual(['org.acme/tool']);
		// Ingesting only into store; retaining from upstreams blocked for the lib group.
		await configure('/maven/com.example/lib$', {EXTERNAL_UPSTREAM: 'ALLOW_SPECIFIC_REPOSITORIES', INTERNAL_UPSTREAM: 'BLOCK'}, [
			{repositoryName: 'store', originRestrictionType: 'EXTERNAL_UPSTREAM'},
		]);
		expect(await maven('app', 'com/example/lib/1.0/lib-1.0.pom')).toBe(404);
		expect(await packagesIn('store')).toEqual(['org.acme/tool']);
		expect(await maven('store', 'com/example/lib/1.0/lib-1.0.pom')).toBe(200);
		expect(await maven('app', 'com/example/lib/1.0/lib-1.0.pom')).toBe(404);
		await configure('/maven/com.example/lib$', {INTERNAL_UPSTREAM: 'INHERIT'});
		expect(await maven('app', 'com/example/lib/1.0/lib-1.0.pom')).toBe(200);
		expect(await packagesIn('app')).toEqual(['tools/cli', 'tools/locked', 'com.example/lib', 'org.acme/tool'].sort(byFormatFirst));
	});

	it('a Maven publish the group blocks is refused with nothing stored', async () => {
		expect(await maven('store', 'com/example/own/1.0/own-1.0.jar', {method: 'PUT', body: 'jar'})).toBe(409);
		expect(await packagesIn('store')).not.toContain('com.example/own');
		expect(await maven('app', 'com/example/own/1.0/own-1.0.jar', {method: 'PUT', body: 'jar'})).toBe(201);
	});

	it('lists the packages a group governs, each once across repositories, page by page; previews a group not yet made', async () => {
		const reply = await client.send(new ListAssociatedPackagesCommand({domain, packageGroup: '/generic/tools/*'}));
		expect(outputShapeProblems('codeartifact', 'ListAssociatedPackages', reply)).toEqual([]);
		expect(reply.packages).toEqual([
			{format: 'generic', namespace: 'tools', package: 'cli', associationType: 'WEAK'},
			{format: 'generic', namespace: 'tools', package: 'locked', associationType: 'WEAK'},
		]);
		const governed: string[] = [];
		for await (const page of paginateListAssociatedPackages({client, pageSize: 1}, {domain, packageGroup: '/maven/com.example~'})) {
			governed.push(...(page.packages ?? []).map(p => `${p.namespace}/${p.package}`));
		}
		// lib belongs to its own, more specific group.
		expect(governed).toEqual(['com.example/own']);
		const preview = await client.send(new ListAssociatedPackagesCommand({domain, packageGroup: '/maven/org.acme/*', preview: true}));
		expect(preview.packages).toEqual([{format: 'maven', namespace: 'org.acme', package: 'tool', associationType: 'WEAK'}]);
		await expect(client.send(new ListAssociatedPackagesCommand({domain, packageGroup: '/maven/org.acme/*'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
		});
	});
});

/** ListPackages' order: format, then namespace, then name. */
function byFormatFirst(a: string, b: string): number {
	const format = (entry: string) => (entry.startsWith('tools/') ? 'generic' : 'maven');
	return format(a).localeCompare(format(b)) || a.localeCompare(b);
}
