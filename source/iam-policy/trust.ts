import {conditionsHold, requestContext} from './conditions.js';
import type {PolicyDocument} from './document.js';
import {asPolicy, isRecord, statementList, stringList} from './json.js';
import {decide, type Decision} from './truth.js';
import {matchWildcard} from './wildcard.js';

/** An AWS service asking to act through a role, e.g. EC2 (`ec2.amazonaws.com`) for an instance profile. */
export interface ServiceTrustRequest {
	/** The service principal, e.g. `ec2.amazonaws.com`. */
	service: string;
	/** `sts:AssumeRole` unless told otherwise; matched case-insensitively. */
	action?: string;
	context?: Record<string, string | string[]>;
}

/** A principal of an AWS account asking to assume a role (sts:AssumeRole), named every way a trust policy may name it. */
export interface AccountTrustRequest {
	/** e.g. the account id, `arn:aws:iam::ACCOUNT:root`, the user's or role's ARN, the assumed-role session's ARN. */
	aws: string[];
	action?: string;
	context?: Record<string, string | string[]>;
}

/**
 * A role trust policy's decision on a service principal: a matching Deny wins, otherwise a
 * matching Allow allows. `Principal: "*"` (or `{"AWS": "*"}`) names everyone, services included;
 * `NotPrincipal` applies to every principal it does not name. Malformed statements never match.
 */
export function evaluateTrust(document: PolicyDocument, request: ServiceTrustRequest | AccountTrustRequest): Decision {
	const policy = asPolicy(document);
	if (!policy) return 'ImplicitDeny';
	const action = request.action ?? 'sts:AssumeRole';
	const context = requestContext({...('service' in request ? {'aws:PrincipalServiceName': request.service} : {}), ...request.context});
	const variables = policy.Version === '2012-10-17';
	return decide(
		(statementList(policy.Statement) ?? []).filter(isRecord).map(statement => ({
			effect: statement.Effect,
			applies: () => principalApplies(statement, request) && actionApplies(statement, action) && conditionsHold(statement.Condition, context, variables),
		})),
	);
}

function principalApplies(statement: Record<string, unknown>, request: ServiceTrustRequest | AccountTrustRequest): boolean {
	const hasPrincipal = 'Principal' in statement;
	if (hasPrincipal === 'NotPrincipal' in statement) return false;
	const names = namesCaller(hasPrincipal ? statement.Principal : statement.NotPrincipal, request);
	if (names === undefined) return false;
	return names === hasPrincipal;
}

/** Whether a Principal element names the caller (exactly: only `*` is a wildcard there); undefined when the element is malformed. */
function namesCaller(principal: unknown, request: ServiceTrustRequest | AccountTrustRequest): boolean | undefined {
	if (principal === '*') return true;
	if (!isRecord(principal)) return undefined;
	let names = false;
	for (const [kind, value] of Object.entries(principal)) {
		const list = stringList(value);
		if (!list) return undefined;
		if (kind === 'Service' && 'service' in request && list.includes(request.service)) names = true;
		if (kind === 'AWS' && (list.includes('*') || ('aws' in request && list.some(name => request.aws.includes(name))))) names = true;
	}
	return names;
}

function actionApplies(statement: Record<string, unknown>, action: string): boolean {
	const negated = 'NotAction' in statement;
	if (negated === 'Action' in statement) return false;
	const patterns = stringList(negated ? statement.NotAction : statement.Action);
	if (!patterns?.length) return false;
	return patterns.some(pattern => matchWildcard(pattern, action, {ignoreCase: true})) !== negated;
}
