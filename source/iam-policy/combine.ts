import type {PolicySource} from './evaluate.js';
import type {Decision} from './truth.js';

/** Each kind of policy's own decision on one request. */
export interface PolicyDecisions {
	identity: Decision;
	/** Absent when the principal has no permissions boundary. */
	boundary?: Decision;
	/** Absent unless AssumeRole was given session policies. */
	session?: Decision;
	/** Absent when the resource has no resource-based policy. */
	resource?: Decision;
	/** The caller belongs to another account than the resource. */
	crossAccount: boolean;
}

export type Verdict = {allowed: true} | {allowed: false; decision: Exclude<Decision, 'Allow'>; source: PolicySource};

/**
 * AWS's evaluation logic for identity-based and resource-based policies together: an explicit
 * deny in any of them wins. Within one account either kind may allow; across accounts both must
 * (the resource's owner grants through its policy, the caller's account through its identity
 * policies). A permissions boundary and a session's policies limit whatever is allowed.
 */
export function combineDecisions(decisions: PolicyDecisions): Verdict {
	const {identity, boundary, session, resource, crossAccount} = decisions;
	const explicit = (['identity', 'resource', 'boundary', 'session'] as const).find(source => decisions[source] === 'ExplicitDeny');
	if (explicit) return {allowed: false, decision: 'ExplicitDeny', source: explicit};
	const implicitly = (source: PolicySource): Verdict => ({allowed: false, decision: 'ImplicitDeny', source});
	if (crossAccount) {
		if (resource !== 'Allow') return implicitly('resource');
		if (identity !== 'Allow') return implicitly('identity');
	} else if (identity !== 'Allow' && resource !== 'Allow') return implicitly('identity');
	if (boundary !== undefined && boundary !== 'Allow') return implicitly('boundary');
	if (session !== undefined && session !== 'Allow') return implicitly('session');
	return {allowed: true};
}
