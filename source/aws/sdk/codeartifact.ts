import {
	AssociateExternalConnectionCommand,
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribeDomainCommand,
	DescribePackageVersionCommand,
	DescribeRepositoryCommand,
	GetAuthorizationTokenCommand,
	GetRepositoryEndpointCommand,
	paginateListDomains,
	paginateListPackages,
	paginateListPackageVersions,
	paginateListRepositoriesInDomain,
	UpdateRepositoryCommand,
	type DomainDescription,
	type DomainSummary as SdkDomainSummary,
	type PackageFormat,
	type RepositoryDescription,
} from '@aws-sdk/client-codeartifact';
import type {CodeArtifactApi, DomainSummary, PackageInfo, PackageVersionInfo, RepositoryInfo} from '../apis.js';
import {attempt, attemptFind, present} from './classify-error.js';
import {clientConfig, type ClientSettings} from './client-config.js';

/** How many repositories listRepositories describes at once (the list itself omits upstreams). */
const describeConcurrency = 4;

export function createCodeArtifactApi(settings: ClientSettings): CodeArtifactApi {
	const client = new CodeartifactClient(clientConfig(settings));

	const describeRepository = async (domain: string, repository: string) => {
		const output = await attemptFind('codeartifact:DescribeRepository', () => client.send(new DescribeRepositoryCommand({domain, repository})));
		return output?.repository && toRepository(output.repository);
	};

	return {
		async listDomains() {
			return attempt('codeartifact:ListDomains', async () => {
				const domains: DomainSummary[] = [];
				for await (const page of paginateListDomains({client}, {})) domains.push(...(page.domains ?? []).map(toDomain));
				return domains;
			});
		},

		async createDomain(name) {
			const output = await attempt('codeartifact:CreateDomain', () => client.send(new CreateDomainCommand({domain: name})));
			return toDomain(present(output.domain, 'codeartifact:CreateDomain', 'domain'));
		},

		async describeDomain(name) {
			const output = await attemptFind('codeartifact:DescribeDomain', () => client.send(new DescribeDomainCommand({domain: name})));
			return output?.domain && toDomain(output.domain);
		},

		async listRepositories(domain) {
			const names = await attempt('codeartifact:ListRepositoriesInDomain', async () => {
				const found: string[] = [];
				for await (const page of paginateListRepositoriesInDomain({client}, {domain})) {
					for (const repository of page.repositories ?? []) if (repository.name) found.push(repository.name);
				}
				return found;
			});
			const described = await inBatches(names, describeConcurrency, name => describeRepository(domain, name));
			return described.filter(repository => repository !== undefined); // one deleted in between is gone
		},

		describeRepository,

		async createRepository(domain, repository, options) {
			const output = await attempt('codeartifact:CreateRepository', () => client.send(new CreateRepositoryCommand({
				domain,
				repository,
				...(options.description ? {description: options.description} : {}),
				...(options.upstreams ? {upstreams: options.upstreams.map(repositoryName => ({repositoryName}))} : {}),
			})));
			return toRepository(present(output.repository, 'codeartifact:CreateRepository', 'repository'));
		},

		async updateUpstreams(domain, repository, upstreams) {
			const output = await attempt('codeartifact:UpdateRepository', () => client.send(new UpdateRepositoryCommand({
				domain,
				repository,
				upstreams: upstreams.map(repositoryName => ({repositoryName})),
			})));
			return toRepository(present(output.repository, 'codeartifact:UpdateRepository', 'repository'));
		},

		async associateExternalConnection(domain, repository, connection) {
			const output = await attempt('codeartifact:AssociateExternalConnection', () => client.send(new AssociateExternalConnectionCommand({domain, repository, externalConnection: connection})));
			return toRepository(present(output.repository, 'codeartifact:AssociateExternalConnection', 'repository'));
		},

		async getAuthorizationToken(domain, options = {}) {
			const operation = 'codeartifact:GetAuthorizationToken';
			const output = await attempt(operation, () => client.send(new GetAuthorizationTokenCommand({
				domain,
				...(options.domainOwner ? {domainOwner: options.domainOwner} : {}),
				...(options.durationSeconds !== undefined ? {durationSeconds: options.durationSeconds} : {}),
			})));
			const expiration = present(output.expiration, operation, 'expiration');
			return {token: present(output.authorizationToken, operation, 'authorizationToken'), expiration: new Date(expiration)};
		},

		async getRepositoryEndpoint(domain, repository, format) {
			const operation = 'codeartifact:GetRepositoryEndpoint';
			const output = await attempt(operation, () => client.send(new GetRepositoryEndpointCommand({domain, repository, format})));
			return present(output.repositoryEndpoint, operation, 'repositoryEndpoint');
		},

		async listPackages(domain, repository, options = {}) {
			return attempt('codeartifact:ListPackages', async () => {
				const packages: PackageInfo[] = [];
				const input = {domain, repository, ...(options.format ? {format: options.format as PackageFormat} : {})};
				for await (const page of paginateListPackages({client}, input)) {
					for (const summary of page.packages ?? []) {
						const restrictions = summary.originConfiguration?.restrictions;
						packages.push({
							format: summary.format ?? '',
							...(summary.namespace ? {namespace: summary.namespace} : {}),
							name: summary.package ?? '',
							...(restrictions?.publish ? {publish: restrictions.publish} : {}),
							...(restrictions?.upstream ? {upstream: restrictions.upstream} : {}),
						});
					}
				}
				return packages;
			});
		},

		async listPackageVersions(domain, repository, pkg) {
			return attempt('codeartifact:ListPackageVersions', async () => {
				const versions: PackageVersionInfo[] = [];
				const input = {
					domain,
					repository,
					format: pkg.format as PackageFormat,
					...(pkg.namespace ? {namespace: pkg.namespace} : {}),
					package: pkg.name,
					sortBy: 'PUBLISHED_TIME' as const, // most recently published first
				};
				for await (const page of paginateListPackageVersions({client}, input)) {
					for (const summary of page.versions ?? []) versions.push({version: summary.version ?? '', status: summary.status ?? ''});
				}
				return versions;
			});
		},
		async describePackageVersion(domain, repository, pkg, version) {
			return attempt('codeartifact:DescribePackageVersion', async () => {
				const {packageVersion} = await client.send(
					new DescribePackageVersionCommand({domain, repository, format: pkg.format as PackageFormat, ...(pkg.namespace ? {namespace: pkg.namespace} : {}), package: pkg.name, packageVersion: version}),
				);
				return {version: packageVersion?.version ?? version, status: packageVersion?.status ?? '', ...(packageVersion?.publishedTime ? {publishedTime: packageVersion.publishedTime} : {})};
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

function toRepository(repository: RepositoryDescription): RepositoryInfo {
	return {
		name: repository.name ?? '',
		domain: repository.domainName ?? '',
		domainOwner: repository.domainOwner ?? '',
		arn: repository.arn ?? '',
		description: repository.description ?? '',
		upstreams: (repository.upstreams ?? []).flatMap(upstream => (upstream.repositoryName ? [upstream.repositoryName] : [])),
		externalConnections: (repository.externalConnections ?? []).flatMap(connection => (connection.externalConnectionName ? [connection.externalConnectionName] : [])),
	};
}

async function inBatches<T, R>(items: readonly T[], size: number, map: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	for (let start = 0; start < items.length; start += size) results.push(...await Promise.all(items.slice(start, start + size).map(map)));
	return results;
}
