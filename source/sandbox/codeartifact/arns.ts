import {entry, repositoryKey, type DomainRecord, type RepositoryRecord, type SandboxState} from '../state.js';

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

/** The domain or repository an ARN names, if it exists in this sandbox's account and region. */
export function taggableRecord(state: SandboxState, arn: ParsedArn): DomainRecord | RepositoryRecord | undefined {
	if (arn.region !== state.region || arn.account !== state.accountId) return undefined;
	const [domain = '', repository = ''] = arn.path;
	if (arn.kind === 'domain' && arn.path.length === 1) return entry(state.domains, domain);
	if (arn.kind === 'repository' && arn.path.length === 2) return entry(state.repositories, repositoryKey(domain, repository));
	return undefined;
}
