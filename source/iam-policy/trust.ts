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

/**
 * A role trust policy's decision on a service principal: a matching Deny wins, otherwise a
 * matching Allow allows. `Principal: "*"` (or `{"AWS": "*"}`) names everyone, services included;
 * `NotPrincipal` applies to every principal it does not name. Malformed statements never match.
 */
export function evaluateTrust(document: PolicyDocument, request: ServiceTrustRequest): Decision {
	const policy = asPolicy(document);
	if (!policy) return 'ImplicitDeny';
	const action = request.action ?? 'sts:AssumeRole';
	const context = requestContext({'aws:PrincipalServiceName': request.service, ...request.context});
	const variables = policy.Version === '2012-10-17';
	return decide(
		(statementList(policy.Statement) ?? []).filter(isRecord).map(statement => ({
			effect: statement.Effect,
			applies: () =>
				principalApplies(statement, request.service) && actionApplies(statement, action) && conditionsHold(statement.Condition, context, variables),
		})),
	);
}

function principalApplies(statement: Record<string, unknown>, service: string): boolean {
	const hasPrincipal = 'Principal' in statement;
	if (hasPrincipal === 'NotPrincipal' in statement) return false;
	const names = namesService(hasPrincipal ? statement.Principal : statement.NotPrincipal, service);
	if (names === undefined) return false;
	return names === hasPrincipal;
}

/** Whether a Principal element names the service; undefined when the element is malformed. */
function namesService(principal: unknown, service: string): boolean | undefined {
	if (principal === '*') return true;
	if (!isRecord(principal)) return undefined;
	let names = false;
	for (const [kind, value] of Object.entries(principal)) {
		const list = stringList(value);
		if (!list) return undefined;
		if (kind === 'Service' && list.includes(service)) names = true;
		if (kind === 'AWS' && list.includes('*')) names = true;
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
