import type {CodeArtifactApi, DomainSummary, RepositoryInfo} from '../apis.js';
import {AwsFailure} from '../errors.js';
import type {codeArtifactCalls, Writes} from './calls.js';
import {repositoryKey, type PlanOverlay} from './overlay.js';

/** Where a planned repository would be reached (AWS's host name, or the sandbox's own layout). */
export type RepositoryEndpointOf = (domain: string, owner: string, format: string, repository: string) => string;

type CodeArtifactWrites = Pick<CodeArtifactApi, Writes<typeof codeArtifactCalls>>;

/** CodeArtifact with its changes planned, not made; reads of what was planned answer from the plan. */
export function dryRunCodeArtifact(real: CodeArtifactApi, overlay: PlanOverlay, endpointOf: RepositoryEndpointOf): CodeArtifactApi {
	const plannedDomain = (name: string) => overlay.domains.has(name);
	const describeDomain = async (name: string): Promise<DomainSummary | undefined> => overlay.domains.get(name) ?? real.describeDomain(name);
	const describeRepository = async (domain: string, repository: string): Promise<RepositoryInfo | undefined> => {
		const planned = overlay.repositories.get(repositoryKey(domain, repository));
		if (planned || plannedDomain(domain)) return planned;
		return real.describeRepository(domain, repository);
	};
	/** A repository as a planned change leaves it (one AWS would refuse is planned all the same: the plan shows it). */
	const change = async (domain: string, repository: string, edit: (info: RepositoryInfo) => RepositoryInfo): Promise<RepositoryInfo> => {
		const before = (await describeRepository(domain, repository)) ?? (await newRepository(domain, repository, {}));
		const after = edit(before);
		overlay.repositories.set(repositoryKey(domain, repository), after);
		return after;
	};
	const newRepository = async (domain: string, repository: string, options: {description?: string; upstreams?: string[]}): Promise<RepositoryInfo> => {
		const owner = (await describeDomain(domain))?.owner ?? (await overlay.account());
		return {
			name: repository,
			domain,
			domainOwner: owner,
			arn: `arn:aws:codeartifact:${overlay.region}:${owner}:repository/${domain}/${repository}`,
			description: options.description ?? '',
			upstreams: options.upstreams ?? [],
			externalConnections: [],
		};
	};
	const plan = (operation: string, parameters: Record<string, string>) => overlay.plan('codeartifact', operation, parameters);

	const writes: CodeArtifactWrites = {
		async createDomain(name, options = {}) {
			plan('CreateDomain', {domain: name});
			const owner = await overlay.account();
			const domain: DomainSummary = {name, owner, arn: `arn:aws:codeartifact:${overlay.region}:${owner}:domain/${name}`, status: 'Active'};
			overlay.domains.set(name, domain);
			overlay.tags.set(domain.arn, {...options.tags});
			return domain;
		},
		async deleteDomain(name) {
			plan('DeleteDomain', {domain: name});
			overlay.domains.delete(name);
		},
		async createRepository(domain, repository, options) {
			plan('CreateRepository', {domain, repository, ...(options.upstreams?.length ? {upstreams: options.upstreams.join(',')} : {})});
			const info = await newRepository(domain, repository, options);
			overlay.repositories.set(repositoryKey(domain, repository), info);
			overlay.plannedRepositories.add(repositoryKey(domain, repository));
			overlay.tags.set(info.arn, {...options.tags});
			return info;
		},
		async deleteRepository(domain, repository) {
			plan('DeleteRepository', {domain, repository});
			overlay.repositories.delete(repositoryKey(domain, repository));
		},
		async updateUpstreams(domain, repository, upstreams) {
			plan('UpdateRepository', {domain, repository, upstreams: upstreams.join(',')});
			return change(domain, repository, info => ({...info, upstreams: [...upstreams]}));
		},
		async associateExternalConnection(domain, repository, connection) {
			plan('AssociateExternalConnection', {domain, repository, externalConnection: connection});
			return change(domain, repository, info => ({...info, externalConnections: [...new Set([...info.externalConnections, connection])]}));
		},
		async disassociateExternalConnection(domain, repository, connection) {
			plan('DisassociateExternalConnection', {domain, repository, externalConnection: connection});
			await change(domain, repository, info => ({...info, externalConnections: info.externalConnections.filter(name => name !== connection)}));
		},
		async publishPackageVersion(domain, repository, pkg, version, asset) {
			plan('PublishPackageVersion', {domain, repository, package: `${pkg.namespace}/${pkg.name}`, version, asset: asset.name});
			return {version, revision: '', status: 'Published', asset: {name: asset.name, size: asset.content.byteLength, sha256: asset.sha256}};
		},
	};

	const planned = (domain: string, repository: string) => overlay.plannedRepositories.has(repositoryKey(domain, repository));
	return {
		...writes,
		async listDomains() {
			const found = await real.listDomains();
			return [...found.filter(domain => !overlay.domains.has(domain.name)), ...overlay.domains.values()];
		},
		describeDomain,
		async listRepositories(domain) {
			const found = plannedDomain(domain) ? [] : await real.listRepositories(domain);
			const changed = found.map(info => overlay.repositories.get(repositoryKey(domain, info.name)) ?? info);
			const added = [...overlay.plannedRepositories].flatMap(key => {
				const info = overlay.repositories.get(key);
				return info && info.domain === domain && !found.some(existing => existing.name === info.name) ? [info] : [];
			});
			return [...changed, ...added];
		},
		describeRepository,
		async listTags(arn) {
			return overlay.tags.get(arn) ?? real.listTags(arn);
		},
		async getAuthorizationToken(domain, options = {}) {
			try {
				return await real.getAuthorizationToken(domain, options);
			} catch (error) {
				// Allowed, but the domain is only planned: once it is made, AWS would answer with a token.
				if (plannedDomain(domain) && error instanceof AwsFailure && error.kind === 'not-found')
					return {token: '', expiration: new Date(Date.now() + 12 * 3_600_000)};
				throw error;
			}
		},
		async getRepositoryEndpoint(domain, repository, format) {
			if (!planned(domain, repository)) return real.getRepositoryEndpoint(domain, repository, format);
			const owner = overlay.repositories.get(repositoryKey(domain, repository))?.domainOwner ?? (await overlay.account());
			return endpointOf(domain, owner, format, repository);
		},
		async listPackages(domain, repository, options) {
			return planned(domain, repository) ? [] : real.listPackages(domain, repository, options);
		},
		async listPackageVersions(domain, repository, pkg) {
			return planned(domain, repository) ? [] : real.listPackageVersions(domain, repository, pkg);
		},
		async describePackage(domain, repository, pkg) {
			return planned(domain, repository) ? undefined : real.describePackage(domain, repository, pkg);
		},
		describePackageVersion: (domain, repository, pkg, version) => real.describePackageVersion(domain, repository, pkg, version),
		getPackageVersionAsset: (domain, repository, pkg, version, assetName) => real.getPackageVersionAsset(domain, repository, pkg, version, assetName),
	};
}
