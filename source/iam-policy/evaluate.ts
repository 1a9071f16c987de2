import {conditionsHold, namesUnmodelledVariable, requestContext, type ContextValues, type ModelledKeys, type RequestContext} from './conditions.js';
import type {PolicyDocument} from './document.js';
import {asPolicy, isRecord, statementList, stringList} from './json.js';
import {allOf, anyOf, decide, not, type Decision, type Truth} from './truth.js';
import {matchWildcard} from './wildcard.js';

export {parsePolicyDocument, type ParseResult, type PolicyDocument, type PolicyKind} from './document.js';

export interface AuthorizationRequest {
	/** E.g. `codeartifact:GetAuthorizationToken`; matched case-insensitively. */
	action: string;
	/** The ARN acted on; matched case-sensitively. */
	resource: string;
	/** Condition keys such as `sts:AWSServiceName`, looked up case-insensitively; `undefined` marks one known to be absent. */
	context?: ContextValues;
	/**
	 * Which keys the caller models beyond those in `context` (absent there means absent on AWS too).
	 * A statement that depends on any other key fails closed: a Deny applies, an Allow does not.
	 * Without it every key is taken as modelled.
	 */
	modelled?: ModelledKeys;
}

export type {Decision} from './truth.js';

/**
 * AWS's identity-policy logic: a matching Deny anywhere wins, otherwise a
 * matching Allow allows, otherwise the request is implicitly denied.
 * Malformed statements never match; documents are validated before they are stored.
 */
export function evaluatePolicies(documents: PolicyDocument[], request: AuthorizationRequest): Decision {
	// A principal has no meaning in an identity policy; IAM would have refused the document.
	return evaluateStatements(documents, request, statement => !('Principal' in statement || 'NotPrincipal' in statement));
}

/**
 * A resource-based policy's decision (a CodeArtifact domain or repository policy): only the
 * statements whose Principal (or NotPrincipal) names the caller count, otherwise as above.
 */
export function evaluateResourcePolicies(documents: PolicyDocument[], request: AuthorizationRequest, principal: PolicyPrincipal): Decision {
	return evaluateStatements(documents, request, statement => principalApplies(statement, principal));
}

function evaluateStatements(documents: PolicyDocument[], request: AuthorizationRequest, forCaller: (statement: Record<string, unknown>) => boolean): Decision {
	const context = requestContext(request.context, request.modelled);
	return decide(
		documents.flatMap(document => {
			const policy = asPolicy(document);
			if (!policy) return [];
			// Policy variables exist only in the 2012-10-17 grammar; older documents take `${…}` literally.
			const variables = policy.Version === '2012-10-17';
			return (statementList(policy.Statement) ?? []).filter(isRecord).map(statement => ({
				effect: statement.Effect,
				applies: () => forCaller(statement) && statementApplies(statement, request, context, variables),
			}));
		}),
	);
}

/** Which kind of policy decided a denial: the identity's own policies, its permissions boundary, its session's policies, or the resource's policy. */
export type PolicySource = 'identity' | 'boundary' | 'session' | 'resource';

const policyKinds: Record<PolicySource, string> = {
	identity: 'an identity-based policy',
	boundary: 'a permissions boundary',
	session: 'a session policy',
	resource: 'a resource-based policy',
};

/**
 * The AccessDenied message AWS returns, in its words ("… because no identity-based policy allows
 * the X action", "… with an explicit deny in a resource-based policy").
 */
export function denialMessage(
	principalArn: string,
	request: AuthorizationRequest,
	decision: Exclude<Decision, 'Allow'>,
	source: PolicySource = 'identity',
): string {
	const kind = policyKinds[source];
	const reason =
		decision === 'ExplicitDeny' ? `with an explicit deny in ${kind}` : `because no ${kind.replace(/^an? /, '')} allows the ${request.action} action`;
	return `User: ${principalArn} is not authorized to perform: ${request.action} on resource: ${request.resource} ${reason}`;
}

/** Who calls, as a resource policy's Principal element names them. */
export interface PolicyPrincipal {
	/** The user's ARN, or the assumed-role session's. */
	arn: string;
	account: string;
	/** For a role session, the role's ARN (a policy naming the role names each of its sessions). */
	roleArn?: string;
}

/** Exactly one of Principal / NotPrincipal; NotPrincipal applies to everyone it does not name. */
function principalApplies(statement: Record<string, unknown>, principal: PolicyPrincipal): boolean {
	const hasPrincipal = 'Principal' in statement;
	if (hasPrincipal === 'NotPrincipal' in statement) return false;
	const named = namesPrincipal(hasPrincipal ? statement.Principal : statement.NotPrincipal, principal);
	return named !== undefined && named === hasPrincipal;
}

/** `*`, an account (`123456789012` or its `:root` ARN: everyone in it), a user, role or session ARN. */
function namesPrincipal(element: unknown, principal: PolicyPrincipal): boolean | undefined {
	if (element === '*') return true;
	if (!isRecord(element)) return undefined;
	const names = stringList(element.AWS) ?? [];
	return names.some(
		name =>
			name === '*' ||
			name === principal.account ||
			name === `arn:aws:iam::${principal.account}:root` ||
			name === principal.arn ||
			(principal.roleArn !== undefined && name === principal.roleArn),
	);
}

function statementApplies(statement: Record<string, unknown>, request: AuthorizationRequest, context: RequestContext, variables: boolean): Truth {
	const actionMatches = (pattern: string): boolean => matchWildcard(pattern, request.action, {ignoreCase: true});
	// A variable naming a key the caller does not model could stand for anything.
	const resourceMatches = (pattern: string): Truth =>
		variables && namesUnmodelledVariable(pattern, context)
			? 'unknown'
			: matchWildcard(pattern, request.resource, {lookup: variables ? context.lookup : undefined});
	if (elementApplies(statement, 'Action', actionMatches) === false) return false;
	return allOf([elementApplies(statement, 'Resource', resourceMatches), conditionsHold(statement.Condition, context, variables)]);
}

/** Exactly one of `X` / `NotX` must be present and non-empty; `NotX` applies to everything it does not list. */
function elementApplies(statement: Record<string, unknown>, name: 'Action' | 'Resource', matches: (pattern: string) => Truth): Truth {
	const notName = `Not${name}`;
	if (name in statement === notName in statement) return false;
	const negated = notName in statement;
	const patterns = stringList(statement[negated ? notName : name]);
	if (!patterns?.length) return false;
	const matched = anyOf(patterns.map(matches));
	return negated ? not(matched) : matched;
}
