import {rmSync} from 'node:fs';
import {
	AssociateExternalConnectionCommand,
	CopyPackageVersionsCommand,
	CreateDomainCommand,
	CreatePackageGroupCommand,
	CreateRepositoryCommand,
	DeleteDomainCommand,
	DeleteDomainPermissionsPolicyCommand,
	DeletePackageCommand,
	DeletePackageGroupCommand,
	DeletePackageVersionsCommand,
	DeleteRepositoryCommand,
	DeleteRepositoryPermissionsPolicyCommand,
	DescribeDomainCommand,
	DescribePackageCommand,
	DescribePackageGroupCommand,
	DescribePackageVersionCommand,
	DescribeRepositoryCommand,
	DisassociateExternalConnectionCommand,
	DisposePackageVersionsCommand,
	GetAssociatedPackageGroupCommand,
	GetAuthorizationTokenCommand,
	GetDomainPermissionsPolicyCommand,
	GetPackageVersionAssetCommand,
	GetPackageVersionReadmeCommand,
	GetRepositoryEndpointCommand,
	GetRepositoryPermissionsPolicyCommand,
	ListAllowedRepositoriesForGroupCommand,
	ListAssociatedPackagesCommand,
	ListDomainsCommand,
	ListPackageGroupsCommand,
	ListPackagesCommand,
	ListPackageVersionAssetsCommand,
	ListPackageVersionDependenciesCommand,
	ListPackageVersionsCommand,
	ListRepositoriesCommand,
	ListRepositoriesInDomainCommand,
	ListSubPackageGroupsCommand,
	ListTagsForResourceCommand,
	PutDomainPermissionsPolicyCommand,
	PutPackageOriginConfigurationCommand,
	PutRepositoryPermissionsPolicyCommand,
	TagResourceCommand,
	UntagResourceCommand,
	UpdatePackageGroupCommand,
	UpdatePackageGroupOriginConfigurationCommand,
	UpdatePackageVersionsStatusCommand,
	UpdateRepositoryCommand,
	type CodeartifactClient,
} from '@aws-sdk/client-codeartifact';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {modelOperations} from '../../helpers/model-shape.js';
import {useSandbox} from '../../helpers/sandbox.js';
import {publishGenericCommand, shapeCheckingClient} from './client.js';
import {centralFolder, mavenClient, readPolicy} from './tour-fixtures.js';

// Issue 12's promise, through the official SDK v3: one tour of a learner's domain that calls every
// operation of the CodeArtifact model, each reply checked against the model's output shape (the
// client fails any call whose reply departs) and for what it says. The last step compares the
// operations that answered with the model's list, so an operation the tour forgets fails it.

describe('every CodeArtifact operation through the SDK v3, in one tour', () => {
	const central = centralFolder();
	const sandbox = useSandbox({mavenCentral: central});
	afterAll(() => rmSync(central, {recursive: true, force: true}));
	let client: CodeartifactClient;
	let answered: Set<string>;
	const domain = 'tour';
	// A package's coordinates in the domain; in a repository, with `repository` added.
	const widgetPackage = {domain, format: 'maven' as const, namespace: 'com.example', package: 'widget'};
	const cliPackage = {domain, format: 'generic' as const, namespace: 'tools', package: 'cli'};
	const widget = {...widgetPackage, repository: 'app'};
	const cli = {...cliPackage, repository: 'app'};
	const arn = (resource: string) => `arn:aws:codeartifact:${sandbox.current.region}:${sandbox.current.accountId}:${resource}`;

	beforeAll(() => {
		({client, answered} = shapeCheckingClient(sandbox.current));
	});

	it('creates a domain, describes and lists it', async () => {
		const created = await client.send(new CreateDomainCommand({domain, tags: [{key: 'team', value: 'platform'}]}));
		expect(created.domain).toMatchObject({name: domain, owner: sandbox.current.accountId, status: 'Active', repositoryCount: 0, arn: arn(`domain/${domain}`)});
		expect((await client.send(new DescribeDomainCommand({domain}))).domain?.createdTime).toEqual(created.domain?.createdTime);
		expect((await client.send(new ListDomainsCommand({}))).domains?.map(d => d.name)).toEqual([domain]);
	});

	it('creates repositories with an upstream and an external connection; updates, describes and lists them', async () => {
		await client.send(new CreateRepositoryCommand({domain, repository: 'central-store', description: 'Maven Central'}));
		const connected = await client.send(
			new AssociateExternalConnectionCommand({domain, repository: 'central-store', externalConnection: 'public:maven-central'}),
		);
		expect(connected.repository?.externalConnections).toEqual([{externalConnectionName: 'public:maven-central', packageFormat: 'maven', status: 'Available'}]);
		const app = await client.send(new CreateRepositoryCommand({domain, repository: 'app', upstreams: [{repositoryName: 'central-store'}]}));
		expect(app.repository?.upstreams).toEqual([{repositoryName: 'central-store'}]);
		await client.send(new CreateRepositoryCommand({domain, repository: 'promoted'}));
		const updated = await client.send(new UpdateRepositoryCommand({domain, repository: 'app', description: 'Team libraries'}));
		expect(updated.repository).toMatchObject({description: 'Team libraries', upstreams: [{repositoryName: 'central-store'}]});
		expect((await client.send(new DescribeRepositoryCommand({domain, repository: 'app'}))).repository?.description).toBe('Team libraries');
		const names = ['app', 'central-store', 'promoted'];
		expect((await client.send(new ListRepositoriesCommand({}))).repositories?.map(r => r.name)).toEqual(names);
		expect((await client.send(new ListRepositoriesInDomainCommand({domain}))).repositories?.map(r => r.name)).toEqual(names);
	});

	it('hands out a token and the Maven endpoint, through which Maven publishes and fetches from Maven Central', async () => {
		const token = await client.send(new GetAuthorizationTokenCommand({domain, durationSeconds: 900}));
		expect(token.authorizationToken?.length).toBeGreaterThan(20);
		expect(token.expiration?.getTime()).toBeGreaterThan(Date.now());
		const {repositoryEndpoint} = await client.send(new GetRepositoryEndpointCommand({domain, repository: 'app', format: 'maven'}));
		expect(repositoryEndpoint).toBe(`${sandbox.current.endpoint}/d/${domain}-${sandbox.current.accountId}/maven/app/`);
		const maven = mavenClient(repositoryEndpoint ?? '', token.authorizationToken ?? '');
		expect(await maven.deployWidget()).toEqual([201, 201, 201]);
		expect(await maven.get('org/acme/lib/1.0/lib-1.0.jar')).toEqual({status: 200, text: 'PK central lib'});
	});

	it('publishes a generic package and reads packages, versions, assets, readme and dependencies back', async () => {
		const published = await client.send(publishGenericCommand(cli, 'cli', '1.0'));
		expect(published).toMatchObject({format: 'generic', namespace: 'tools', package: 'cli', version: '1.0', status: 'Published', asset: {name: 'a.bin'}});
		await client.send(publishGenericCommand(cli, 'cli', '1.1'));
		const packages = await client.send(new ListPackagesCommand({domain, repository: 'app'}));
		expect(packages.packages?.map(p => `${p.format} ${p.namespace}/${p.package}`)).toEqual([
			'generic tools/cli',
			'maven com.example/widget',
			'maven org.acme/lib',
		]);
		// Fetched from Maven Central: AWS then blocks publishing over it.
		expect(packages.packages?.at(-1)?.originConfiguration?.restrictions).toEqual({publish: 'BLOCK', upstream: 'ALLOW'});
		// Published here first: the package takes nothing from upstreams, as AWS sets it.
		expect((await client.send(new DescribePackageCommand(widget))).package?.originConfiguration?.restrictions).toEqual({publish: 'ALLOW', upstream: 'BLOCK'});
		expect((await client.send(new ListPackageVersionsCommand(widget))).versions?.map(v => `${v.version} ${v.status} ${v.origin?.originType}`)).toEqual([
			'1.0 Published INTERNAL',
		]);
		const version = {...widget, packageVersion: '1.0'};
		expect((await client.send(new DescribePackageVersionCommand(version))).packageVersion).toMatchObject({displayName: 'Widget', summary: 'Makes widgets.'});
		expect((await client.send(new ListPackageVersionAssetsCommand(version))).assets?.map(a => a.name)).toEqual(['widget-1.0.jar', 'widget-1.0.pom']);
		expect((await client.send(new GetPackageVersionReadmeCommand(version))).readme).toBe('Makes widgets.');
		expect((await client.send(new ListPackageVersionDependenciesCommand(version))).dependencies).toEqual([
			{namespace: 'org.acme', package: 'lib', dependencyType: 'compile', versionRequirement: '1.0'},
		]);
		const asset = await client.send(new GetPackageVersionAssetCommand({...cli, packageVersion: '1.0', asset: 'a.bin'}));
		expect([asset.assetName, asset.packageVersionRevision]).toEqual(['a.bin', published.versionRevision]);
		expect(await asset.asset?.transformToString()).toBe('cli@1.0 in app');
	});

	it("changes a package's origin controls and its versions' statuses, copies, disposes of and deletes versions", async () => {
		const origin = await client.send(new PutPackageOriginConfigurationCommand({...cli, restrictions: {publish: 'ALLOW', upstream: 'BLOCK'}}));
		expect(origin.originConfiguration?.restrictions).toEqual({publish: 'ALLOW', upstream: 'BLOCK'});
		const copied = await client.send(
			new CopyPackageVersionsCommand({...cliPackage, sourceRepository: 'app', destinationRepository: 'promoted', versions: ['1.0']}),
		);
		expect(copied).toMatchObject({successfulVersions: {'1.0': {status: 'Published'}}, failedVersions: {}});
		const archived = await client.send(new UpdatePackageVersionsStatusCommand({...cli, versions: ['1.1'], targetStatus: 'Archived'}));
		expect(archived.successfulVersions?.['1.1']?.status).toBe('Archived');
		const disposed = await client.send(new DisposePackageVersionsCommand({...cli, repository: 'promoted', versions: ['1.0']}));
		expect(disposed.successfulVersions?.['1.0']?.status).toBe('Disposed');
		const deleted = await client.send(new DeletePackageVersionsCommand({...cli, versions: ['1.1']}));
		expect(deleted.successfulVersions?.['1.1']?.status).toBe('Deleted');
		expect((await client.send(new ListPackageVersionsCommand(cli))).versions?.map(v => v.version)).toEqual(['1.0']);
	});

	it('groups packages, restricts who may publish them, and finds the group of a package', async () => {
		const parent = '/maven/com.example~';
		const created = await client.send(new CreatePackageGroupCommand({domain, packageGroup: parent, contactInfo: 'team@example.com'}));
		expect(created.packageGroup).toMatchObject({pattern: parent, contactInfo: 'team@example.com', parent: {pattern: '/*'}});
		await client.send(new CreatePackageGroupCommand({domain, packageGroup: '/maven/com.example/widget$'}));
		expect(
			(await client.send(new UpdatePackageGroupCommand({domain, packageGroup: parent, description: 'Our Maven packages'}))).packageGroup?.description,
		).toBe('Our Maven packages');
		expect((await client.send(new DescribePackageGroupCommand({domain, packageGroup: parent}))).packageGroup?.description).toBe('Our Maven packages');
		expect((await client.send(new ListPackageGroupsCommand({domain}))).packageGroups?.map(g => g.pattern)).toEqual([
			'/*',
			'/maven/com.example/widget$',
			parent,
		]);
		expect((await client.send(new ListSubPackageGroupsCommand({domain, packageGroup: parent}))).packageGroups?.map(g => g.pattern)).toEqual([
			'/maven/com.example/widget$',
		]);
		const restricted = await client.send(
			new UpdatePackageGroupOriginConfigurationCommand({
				domain,
				packageGroup: parent,
				restrictions: {PUBLISH: 'ALLOW_SPECIFIC_REPOSITORIES'},
				addAllowedRepositories: [{repositoryName: 'app', originRestrictionType: 'PUBLISH'}],
			}),
		);
		expect(restricted.allowedRepositoryUpdates).toEqual({PUBLISH: {ADDED: ['app']}});
		const allowed = await client.send(new ListAllowedRepositoriesForGroupCommand({domain, packageGroup: parent, originRestrictionType: 'PUBLISH'}));
		expect(allowed.allowedRepositories).toEqual(['app']);
		// widget belongs to its own, more specific group; the parent governs no other package of the domain.
		expect((await client.send(new ListAssociatedPackagesCommand({domain, packageGroup: '/maven/com.example/widget$'}))).packages).toEqual([
			{format: 'maven', namespace: 'com.example', package: 'widget', associationType: 'STRONG'},
		]);
		const associated = await client.send(new GetAssociatedPackageGroupCommand(widgetPackage));
		expect([associated.packageGroup?.pattern, associated.associationType]).toEqual(['/maven/com.example/widget$', 'STRONG']);
	});

	it('sets, reads and removes domain and repository permissions policies', async () => {
		const domainPolicy = readPolicy(sandbox.current.accountId, 'codeartifact:GetAuthorizationToken');
		const put = await client.send(new PutDomainPermissionsPolicyCommand({domain, policyDocument: domainPolicy}));
		expect(put.policy?.resourceArn).toBe(arn(`domain/${domain}`));
		expect(JSON.parse((await client.send(new GetDomainPermissionsPolicyCommand({domain}))).policy?.document ?? '')).toEqual(JSON.parse(domainPolicy));
		expect((await client.send(new DeleteDomainPermissionsPolicyCommand({domain}))).policy?.revision).toBe(put.policy?.revision);

		const repositoryPolicy = readPolicy(sandbox.current.accountId, 'codeartifact:ReadFromRepository');
		const putRepository = await client.send(new PutRepositoryPermissionsPolicyCommand({domain, repository: 'app', policyDocument: repositoryPolicy}));
		expect(putRepository.policy?.resourceArn).toBe(arn(`repository/${domain}/app`));
		const read = await client.send(new GetRepositoryPermissionsPolicyCommand({domain, repository: 'app'}));
		expect(JSON.parse(read.policy?.document ?? '')).toEqual(JSON.parse(repositoryPolicy));
		expect((await client.send(new DeleteRepositoryPermissionsPolicyCommand({domain, repository: 'app'}))).policy?.revision).toBe(
			putRepository.policy?.revision,
		);
	});

	it('tags, lists and untags a repository', async () => {
		const resourceArn = arn(`repository/${domain}/app`);
		await client.send(
			new TagResourceCommand({
				resourceArn,
				tags: [
					{key: 'stage', value: 'dev'},
					{key: 'team', value: 'platform'},
				],
			}),
		);
		expect((await client.send(new ListTagsForResourceCommand({resourceArn}))).tags).toEqual([
			{key: 'stage', value: 'dev'},
			{key: 'team', value: 'platform'},
		]);
		await client.send(new UntagResourceCommand({resourceArn, tagKeys: ['stage']}));
		expect((await client.send(new ListTagsForResourceCommand({resourceArn}))).tags).toEqual([{key: 'team', value: 'platform'}]);
	});

	it('takes it all down: the external connection, a package, the groups, the repositories, the domain', async () => {
		const disconnected = await client.send(
			new DisassociateExternalConnectionCommand({domain, repository: 'central-store', externalConnection: 'public:maven-central'}),
		);
		expect(disconnected.repository?.externalConnections ?? []).toEqual([]);
		expect((await client.send(new DeletePackageCommand(cli))).deletedPackage).toMatchObject({format: 'generic', namespace: 'tools', package: 'cli'});
		for (const packageGroup of ['/maven/com.example/widget$', '/maven/com.example~']) {
			expect((await client.send(new DeletePackageGroupCommand({domain, packageGroup}))).packageGroup?.pattern).toBe(packageGroup);
		}
		for (const repository of ['app', 'promoted', 'central-store']) {
			expect((await client.send(new DeleteRepositoryCommand({domain, repository}))).repository?.name).toBe(repository);
		}
		expect((await client.send(new DeleteDomainCommand({domain}))).domain).toMatchObject({name: domain, status: 'Deleted', repositoryCount: 0});
		expect((await client.send(new ListDomainsCommand({}))).domains).toEqual([]);
	});

	it("called every operation of the model, and each one's reply matched its output shape", () => {
		expect([...answered].sort()).toEqual(modelOperations('codeartifact'));
	});
});
