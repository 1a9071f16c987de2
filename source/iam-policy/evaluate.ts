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
	const context = requestContext(request.context, request.modelled);
	return decide(
		documents.flatMap(document => {
			const policy = asPolicy(document);
			if (!policy) return [];
			// Policy variables exist only in the 2012-10-17 grammar; older documents take `${…}` literally.
			const variables = policy.Version === '2012-10-17';
			return (statementList(policy.Statement) ?? []).filter(isRecord).map(statement => ({
				effect: statement.Effect,
				applies: () => statementApplies(statement, request, context, variables),
			}));
		}),
	);
}

/** Which kind of policy decided a denial: the identity's own policies, its permissions boundary, or its session's policies. */
export type PolicySource = 'identity' | 'boundary' | 'session';

const sourceWords: Record<PolicySource, {kind: string; article: string}> = {
	identity: {kind: 'identity-based policy', article: 'an'},
	boundary: {kind: 'permissions boundary', article: 'a'},
	session: {kind: 'session policy', article: 'a'},
};

/** The AccessDenied message AWS returns for a denial by an identity policy or a permissions boundary. */
export function denialMessage(
	principalArn: string,
	request: AuthorizationRequest,
	decision: Exclude<Decision, 'Allow'>,
	source: PolicySource = 'identity',
): string {
	const {kind, article} = sourceWords[source];
	const reason = decision === 'ExplicitDeny' ? `an explicit deny in ${article} ${kind}` : `no ${kind} allows the ${request.action} action`;
	return `User: ${principalArn} is not authorized to perform: ${request.action} on resource: ${request.resource} because ${reason}`;
}

function statementApplies(statement: Record<string, unknown>, request: AuthorizationRequest, context: RequestContext, variables: boolean): Truth {
	// A principal has no meaning in an identity policy; IAM would have refused the document.
	if ('Principal' in statement || 'NotPrincipal' in statement) return false;
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
