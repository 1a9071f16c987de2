import {entry, packageGroupKey, repositoryKey, type DomainRecord, type PackageGroupRecord, type RepositoryRecord, type SandboxState} from '../state.js';

/** ARNs as AWS formats them; policies are matched against exactly these strings. */
export function domainArn(state: SandboxState, domain: string): string {
	return `arn:aws:codeartifact:${state.region}:${state.accountId}:domain/${domain}`;
}

export function repositoryArn(state: SandboxState, domain: string, repository: string): string {
	return `arn:aws:codeartifact:${state.region}:${state.accountId}:repository/${domain}/${repository}`;
}

export function packageArn(state: SandboxState, p: {domain: string; repository: string; format: string; namespace?: string | undefined; name: string}): string {
	return `arn:aws:codeartifact:${state.region}:${state.accountId}:package/${p.domain}/${p.repository}/${p.format}/${p.namespace ?? ''}/${p.name}`;
}

/**
 * `package-group/DOMAIN` then the pattern, each of its characters outside [A-Za-z0-9_.-] and the
 * separating slashes percent-encoded in lower case, as AWS's ARNs show it (`/npm/*` is `/npm/%2a`).
 */
export function packageGroupArn(state: SandboxState, domain: string, pattern: string): string {
	const encoded = pattern
		.split('/')
		.map(part =>
			[...Buffer.from(part, 'utf8')]
				.map(byte => (/[A-Za-z0-9_.-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`))
				.join(''),
		)
		.join('/');
	return `arn:aws:codeartifact:${state.region}:${state.accountId}:package-group/${domain}${encoded}`;
}

/** The pattern a package group ARN's path names (what follows the domain), or undefined if it does not decode. */
export function patternOfArnPath(path: readonly string[]): string | undefined {
	try {
		return `/${path.map(part => decodeURIComponent(part)).join('/')}`;
	} catch {
		return undefined;
	}
}

export interface ParsedArn {
	region: string;
	account: string;
	/** domain, repository, package, package-group, … */
	kind: string;
	/** What follows `kind/`, split at `/`: [domain] or [domain, repository, …]. */
	path: string[];
}

/** The parts of a CodeArtifact ARN; undefined for text that is not one. */
export function parseArn(arn: string): ParsedArn | undefined {
	const match = /^arn:aws:codeartifact:([^:]*):([^:]*):([a-z-]+)\/(.+)$/.exec(arn);
	if (!match) return undefined;
	const [, region = '', account = '', kind = '', rest = ''] = match;
	return {region, account, kind, path: rest.split('/')};
}

/** The domain, repository or stored package group an ARN names, if it exists in this sandbox's account and region. */
export function taggableRecord(state: SandboxState, arn: ParsedArn): DomainRecord | RepositoryRecord | PackageGroupRecord | undefined {
	if (arn.region !== state.region || arn.account !== state.accountId) return undefined;
	const [domain = '', repository = ''] = arn.path;
	if (arn.kind === 'domain' && arn.path.length === 1) return entry(state.domains, domain);
	if (arn.kind === 'repository' && arn.path.length === 2) return entry(state.repositories, repositoryKey(domain, repository));
	const pattern = arn.kind === 'package-group' ? patternOfArnPath(arn.path.slice(1)) : undefined;
	if (pattern !== undefined) return entry(state.packageGroups ?? {}, packageGroupKey(domain, pattern));
	return undefined;
}
