import {domainNotFound} from '../codeartifact/resources.js';
import {CommonError} from '../errors.js';
import type {Principal} from './principal.js';

// What the second account (other-account.ts) may call: STS, and the CodeArtifact operations on
// the sandbox's account's resources that domain and repository policies govern. It owns nothing,
// so creating or listing its own resources, and its own IAM or EC2, are not emulated.

/** CodeArtifact operations with no domainOwner: they act on (or list) the caller's own account. */
const ownAccountOperations = new Set(['CreateDomain', 'ListDomains', 'ListRepositories']);

export function checkOtherAccountCall(principal: Principal, call: {service: string; operation?: string; query?: URLSearchParams}): void {
	if (principal.kind !== 'other-account-user') return;
	const account = principal.accountId;
	if (call.service !== 'codeartifact' && call.service !== 'sts') {
		throw new CommonError(
			'NotEmulated',
			`The ca-wizard sandbox does not emulate ${call.service.toUpperCase()} for its second account (${account}), which has no resources of its own.`,
		);
	}
	if (call.operation !== undefined && ownAccountOperations.has(call.operation)) {
		throw new CommonError(
			'NotEmulated',
			`The ca-wizard sandbox does not emulate ${call.operation} for its second account (${account}), which owns no CodeArtifact resources; it reaches the sandbox account's domains with --domain-owner, where their policies allow.`,
		);
	}
	// AWS takes a missing domain-owner as the caller's own account, where this domain does not exist.
	const domain = call.query?.get('domain');
	if (domain && !call.query?.has('domain-owner')) throw domainNotFound(domain, account);
}
