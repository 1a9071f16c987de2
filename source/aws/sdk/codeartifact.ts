import {
	AssociateExternalConnectionCommand,
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DeleteDomainCommand,
	DeleteRepositoryCommand,
	DescribeDomainCommand,
	DescribePackageCommand,
	DescribePackageVersionCommand,
	DescribeRepositoryCommand,
	DisassociateExternalConnectionCommand,
	GetAuthorizationTokenCommand,
	GetPackageVersionAssetCommand,
	GetRepositoryEndpointCommand,
	ListTagsForResourceCommand,
	paginateListDomains,
	paginateListPackages,
	paginateListPackageVersions,
	paginateListRepositoriesInDomain,
	PublishPackageVersionCommand,
	UpdateRepositoryCommand,
	type DomainDescription,
	type DomainSummary as SdkDomainSummary,
	type PackageFormat,
	type PackageSummary,
	type RepositoryDescription,
} from '@aws-sdk/client-codeartifact';
import type {CodeArtifactApi, CodeArtifactOptions, DomainSummary, PackageInfo, RepositoryInfo} from '../apis.js';
import {attemptMember, attemptPages, findMember} from './answer-members.js';
import {attempt, present} from './classify-error.js';
import {clientConfig, type ClientSettings} from './client-config.js';
import {mapConcurrently} from '../map-concurrently.js';

/** How many repositories listRepositories describes at once (the list itself omits upstreams). */
const describeConcurrency = 4;

export function createCodeArtifactApi(settings: ClientSettings, options: CodeArtifactOptions = {}): CodeArtifactApi {
	const client = new CodeartifactClient(clientConfig(settings));
	// Every input that names a domain names its owner too, when one was given.
	const owner = options.domainOwner ? {domainOwner: options.domainOwner} : {};
	/** What every call on one package names. */
	const packageInput = (domain: string, repository: string, pkg: {format: string; namespace?: string; name: string}) => ({
		domain,
		...owner,
		repository,
		format: pkg.format as PackageFormat,
		...(pkg.namespace ? {namespace: pkg.namespace} : {}),
		package: pkg.name,
	});

	const describeRepository = (domain: string, repository: string) =>
		findMember('codeartifact:DescribeRepository', () => client.send(new DescribeRepositoryCommand({domain, ...owner, repository})), 'repository', toRepository);

	return {
		async listDomains() {
			return attemptPages(
				'codeartifact:ListDomains',
				() => paginateListDomains({client}, {}),
				page => (page.domains ?? []).map(toDomain),
			);
		},

		async createDomain(name, options = {}) {
			const send = () => client.send(new CreateDomainCommand({domain: name, ...(options.tags ? {tags: toTagList(options.tags)} : {})}));
			return attemptMember('codeartifact:CreateDomain', send, 'domain', toDomain);
		},

		async describeDomain(name) {
			return findMember('codeartifact:DescribeDomain', () => client.send(new DescribeDomainCommand({domain: name, ...owner})), 'domain', toDomain);
		},

		async deleteDomain(name) {
			await attempt('codeartifact:DeleteDomain', () => client.send(new DeleteDomainCommand({domain: name, ...owner})));
		},

		async listRepositories(domain) {
			const names = await attemptPages(
				'codeartifact:ListRepositoriesInDomain',
				() => paginateListRepositoriesInDomain({client}, {domain, ...owner}),
				page => (page.repositories ?? []).flatMap(repository => (repository.name ? [repository.name] : [])),
			);
			const described = await mapConcurrently(names, describeConcurrency, name => describeRepository(domain, name));
			return described.filter(repository => repository !== undefined); // one deleted in between is gone
		},

		describeRepository,

		async createRepository(domain, repository, options) {
			return attemptMember(
				'codeartifact:CreateRepository',
				() =>
					client.send(
						new CreateRepositoryCommand({
							domain,
							...owner,
							repository,
							...(options.description ? {description: options.description} : {}),
							...(options.upstreams ? {upstreams: options.upstreams.map(repositoryName => ({repositoryName}))} : {}),
							...(options.tags ? {tags: toTagList(options.tags)} : {}),
						}),
					),
				'repository',
				toRepository,
			);
		},

		async listTags(arn) {
			const output = await attempt('codeartifact:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({resourceArn: arn})));
			return Object.fromEntries((output.tags ?? []).map(tag => [tag.key ?? '', tag.value ?? '']));
		},

		async deleteRepository(domain, repository) {
			await attempt('codeartifact:DeleteRepository', () => client.send(new DeleteRepositoryCommand({domain, ...owner, repository})));
		},

		async updateUpstreams(domain, repository, upstreams) {
			return attemptMember(
				'codeartifact:UpdateRepository',
				() =>
					client.send(
						new UpdateRepositoryCommand({
							domain,
							...owner,
							repository,
							upstreams: upstreams.map(repositoryName => ({repositoryName})),
						}),
					),
				'repository',
				toRepository,
			);
		},

		async associateExternalConnection(domain, repository, connection) {
			const send = () => client.send(new AssociateExternalConnectionCommand({domain, ...owner, repository, externalConnection: connection}));
			return attemptMember('codeartifact:AssociateExternalConnection', send, 'repository', toRepository);
		},

		async disassociateExternalConnection(domain, repository, connection) {
			const send = () => client.send(new DisassociateExternalConnectionCommand({domain, ...owner, repository, externalConnection: connection}));
			await attempt('codeartifact:DisassociateExternalConnection', send);
		},

		async getAuthorizationToken(domain, tokenOptions = {}) {
			const operation = 'codeartifact:GetAuthorizationToken';
			const output = await attempt(operation, () =>
				client.send(
					new GetAuthorizationTokenCommand({
						domain,
						...owner,
						...(tokenOptions.domainOwner ? {domainOwner: tokenOptions.domainOwner} : {}),
						...(tokenOptions.durationSeconds !== undefined ? {durationSeconds: tokenOptions.durationSeconds} : {}),
					}),
				),
			);
			const expiration = present(output.expiration, operation, 'expiration');
			return {token: present(output.authorizationToken, operation, 'authorizationToken'), expiration: new Date(expiration)};
		},

		async getRepositoryEndpoint(domain, repository, format) {
			const operation = 'codeartifact:GetRepositoryEndpoint';
			const output = await attempt(operation, () => client.send(new GetRepositoryEndpointCommand({domain, ...owner, repository, format})));
			return present(output.repositoryEndpoint, operation, 'repositoryEndpoint');
		},

		async listPackages(domain, repository, filter = {}) {
			const input = {domain, ...owner, repository, ...(filter.format ? {format: filter.format as PackageFormat} : {})};
			return attemptPages(
				'codeartifact:ListPackages',
				() => paginateListPackages({client}, input),
				page => (page.packages ?? []).map(toPackage),
			);
		},

		async listPackageVersions(domain, repository, pkg) {
			const input = {...packageInput(domain, repository, pkg), sortBy: 'PUBLISHED_TIME' as const}; // most recently published first
			return attemptPages(
				'codeartifact:ListPackageVersions',
				() => paginateListPackageVersions({client}, input),
				page => (page.versions ?? []).map(summary => ({version: summary.version ?? '', status: summary.status ?? ''})),
			);
		},

		async describePackage(domain, repository, pkg) {
			const input = packageInput(domain, repository, pkg);
			return findMember(
				'codeartifact:DescribePackage',
				() => client.send(new DescribePackageCommand(input)),
				'package',
				description =>
					toPackage({
						format: description.format,
						namespace: description.namespace,
						package: description.name,
						originConfiguration: description.originConfiguration,
					}),
			);
		},

		async describePackageVersion(domain, repository, pkg, version) {
			return attempt('codeartifact:DescribePackageVersion', async () => {
				const {packageVersion} = await client.send(new DescribePackageVersionCommand({...packageInput(domain, repository, pkg), packageVersion: version}));
				const entry = packageVersion?.origin?.domainEntryPoint;
				const origin = entry?.externalConnectionName
					? {externalConnection: entry.externalConnectionName}
					: entry?.repositoryName
						? {repository: entry.repositoryName}
						: undefined;
				const originType = packageVersion?.origin?.originType;
				return {
					version: packageVersion?.version ?? version,
					status: packageVersion?.status ?? '',
					...(packageVersion?.publishedTime ? {publishedTime: packageVersion.publishedTime} : {}),
					...(origin ? {origin} : {}),
					...(originType ? {originType} : {}),
				};
			});
		},

		async publishPackageVersion(domain, repository, pkg, version, asset) {
			const operation = 'codeartifact:PublishPackageVersion';
			const output = await attempt(operation, () =>
				client.send(
					new PublishPackageVersionCommand({
						...packageInput(domain, repository, {format: 'generic', ...pkg}),
						packageVersion: version,
						assetName: asset.name,
						assetContent: asset.content,
						assetSHA256: asset.sha256,
						unfinished: false,
					}),
				),
			);
			const stored = present(output.asset, operation, 'asset');
			return {
				version: output.version ?? version,
				revision: output.versionRevision ?? '',
				status: output.status ?? '',
				asset: {name: stored.name ?? asset.name, size: stored.size ?? 0, sha256: stored.hashes?.['SHA-256'] ?? ''},
			};
		},

		async getPackageVersionAsset(domain, repository, pkg, version, assetName) {
			const operation = 'codeartifact:GetPackageVersionAsset';
			return attempt(operation, async () => {
				const output = await client.send(
					new GetPackageVersionAssetCommand({...packageInput(domain, repository, {format: 'generic', ...pkg}), packageVersion: version, asset: assetName}),
				);
				return present(output.asset, operation, 'asset').transformToByteArray();
			});
		},
	};
}

function toDomain(domain: SdkDomainSummary | DomainDescription): DomainSummary {
	return {
		name: domain.name ?? '',
		owner: domain.owner ?? '',
		arn: domain.arn ?? '',
		status: domain.status ?? '',
		...(domain.createdTime ? {createdTime: new Date(domain.createdTime)} : {}),
	};
}

function toPackage(summary: PackageSummary): PackageInfo {
	const restrictions = summary.originConfiguration?.restrictions;
	return {
		format: summary.format ?? '',
		...(summary.namespace ? {namespace: summary.namespace} : {}),
		name: summary.package ?? '',
		...(restrictions?.publish ? {publish: restrictions.publish} : {}),
		...(restrictions?.upstream ? {upstream: restrictions.upstream} : {}),
	};
}

function toRepository(repository: RepositoryDescription): RepositoryInfo {
	return {
		name: repository.name ?? '',
		domain: repository.domainName ?? '',
		domainOwner: repository.domainOwner ?? '',
		arn: repository.arn ?? '',
		description: repository.description ?? '',
		upstreams: (repository.upstreams ?? []).flatMap(upstream => (upstream.repositoryName ? [upstream.repositoryName] : [])),
		externalConnections: (repository.externalConnections ?? []).flatMap(connection =>
			connection.externalConnectionName ? [connection.externalConnectionName] : [],
		),
	};
}

function toTagList(tags: Record<string, string>): {key: string; value: string}[] {
	return Object.entries(tags).map(([key, value]) => ({key, value}));
}
