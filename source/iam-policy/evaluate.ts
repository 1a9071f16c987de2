import {conditionsHold, contextLookup} from './conditions.js';
import type {PolicyDocument} from './document.js';
import {asPolicy, isRecord, statementList, stringList} from './json.js';
import {matchWildcard, type ContextLookup} from './wildcard.js';

export {parsePolicyDocument, type ParseResult, type PolicyDocument, type PolicyKind} from './document.js';

export interface AuthorizationRequest {
	/** E.g. `codeartifact:GetAuthorizationToken`; matched case-insensitively. */
	action: string;
	/** The ARN acted on; matched case-sensitively. */
	resource: string;
	/** Condition keys such as `sts:AWSServiceName`; looked up case-insensitively. */
	context?: Record<string, string | string[]>;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/**
 * AWS's identity-policy logic: a matching Deny anywhere wins, otherwise a
 * matching Allow allows, otherwise the request is implicitly denied.
 * Malformed statements never match, so bad input can only deny.
 */
export function evaluatePolicies(documents: PolicyDocument[], request: AuthorizationRequest): Decision {
	const lookup = contextLookup(request.context);
	let allowed = false;
	for (const document of documents) {
		const policy = asPolicy(document);
		if (!policy) continue;
		// Policy variables exist only in the 2012-10-17 grammar; older documents take `${…}` literally.
		const variables = policy.Version === '2012-10-17';
		for (const statement of statementList(policy.Statement) ?? []) {
			if (!isRecord(statement) || !statementApplies(statement, request, lookup, variables)) continue;
			if (statement.Effect === 'Deny') return 'ExplicitDeny';
			allowed = true;
		}
	}
	return allowed ? 'Allow' : 'ImplicitDeny';
}

/** Which kind of policy decided a denial: the identity's own policies, or its permissions boundary. */
export type PolicySource = 'identity' | 'boundary';

/** The AccessDenied message AWS returns for a denial by an identity policy or a permissions boundary. */
export function denialMessage(principalArn: string, request: AuthorizationRequest, decision: Exclude<Decision, 'Allow'>, source: PolicySource = 'identity'): string {
	const kind = source === 'boundary' ? 'permissions boundary' : 'identity-based policy';
	const reason = decision === 'ExplicitDeny'
		? `an explicit deny in ${source === 'boundary' ? 'a' : 'an'} ${kind}`
		: `no ${kind} allows the ${request.action} action`;
	return `User: ${principalArn} is not authorized to perform: ${request.action} on resource: ${request.resource} because ${reason}`;
}


function statementApplies(
	statement: Record<string, unknown>,
	request: AuthorizationRequest,
	lookup: ContextLookup,
	variables: boolean,
): boolean {
	if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return false;
	// A principal has no meaning in an identity policy; IAM would have refused the document.
	if ('Principal' in statement || 'NotPrincipal' in statement) return false;
	const actionMatches = (pattern: string): boolean => matchWildcard(pattern, request.action, {ignoreCase: true});
	const resourceMatches = (pattern: string): boolean =>
		matchWildcard(pattern, request.resource, {lookup: variables ? lookup : undefined});
	return elementApplies(statement, 'Action', actionMatches)
		&& elementApplies(statement, 'Resource', resourceMatches)
		&& conditionsHold(statement.Condition, lookup, variables);
}

/** Exactly one of `X` / `NotX` must be present and non-empty; `NotX` applies to everything it does not list. */
function elementApplies(statement: Record<string, unknown>, name: 'Action' | 'Resource', matches: (pattern: string) => boolean): boolean {
	const notName = `Not${name}`;
	if ((name in statement) === (notName in statement)) return false;
	const negated = notName in statement;
	const patterns = stringList(statement[negated ? notName : name]);
	if (!patterns?.length) return false;
	return patterns.some(matches) !== negated;
}
