import type {SandboxState} from '../state.js';

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
