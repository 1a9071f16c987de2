import {entry, repositoryKey, type SandboxState} from '../state.js';
import {parseArn} from './arns.js';

/**
 * The resource policies AWS evaluates for a request on `arn`: the domain's policy for the domain
 * and everything in it, and for a repository or one of its packages also the repository's policy
 * (the user guide: both are evaluated, and either may allow). None for `*`, other accounts'
 * resources, or resources that do not exist.
 */
export function resourcePolicies(state: SandboxState, arn: string): string[] {
	const parsed = parseArn(arn);
	if (!parsed || parsed.region !== state.region || parsed.account !== state.accountId) return [];
	const [domain = '', repository = ''] = parsed.path;
	const domainPolicy = entry(state.domains, domain)?.permissionsPolicy;
	const inRepository = ['repository', 'package'].includes(parsed.kind) && parsed.path.length >= 2;
	const repositoryPolicy = inRepository ? entry(state.repositories, repositoryKey(domain, repository))?.permissionsPolicy : undefined;
	return [domainPolicy, repositoryPolicy].flatMap(policy => (policy ? [policy.document] : []));
}

/** The account that owns the resource `arn` names; undefined for `*` and ARNs without one. */
export function resourceAccount(arn: string): string | undefined {
	const account = /^arn:aws[a-z-]*:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1];
	return account;
}
