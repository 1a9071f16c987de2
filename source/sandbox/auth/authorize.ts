import type {ContextValues} from '../../iam-policy/conditions.js';
import {denialMessage, evaluatePolicies, type Decision, type PolicyDocument, type PolicySource} from '../../iam-policy/evaluate.js';
import {lookupPolicy} from '../iam/shapes.js';
import type {RoleRecord, SandboxState} from '../state.js';
import {CommonError} from '../errors.js';
import {principalRole, type Principal} from './principal.js';
import {authorizationContext, type RequestFacts} from './request-context.js';

/** `context` holds the action's own condition keys; `undefined` marks one AWS leaves out of this request. */
export type Authorize = (action: string, resource: string, context?: ContextValues) => void;

/**
 * Identity-based policy evaluation, within the role's permissions boundary if it has one and the
 * session's policies if AssumeRole was given any: an action is allowed only when the role's
 * policies allow it AND the boundary and session policies allow it, and an explicit deny in any wins. A statement that depends on a condition key the sandbox does not
 * model fails closed: such a Deny applies, such an Allow does not. The admin is allowed
 * everything, like an AdministratorAccess user.
 */
export function authorizerFor(state: SandboxState, principal: Principal, facts: RequestFacts): Authorize {
	return (action, resource, extra) => {
		// GetSessionToken's credentials reach no IAM operation without MFA (which the sandbox never has):
		// IAM does not take them at all.
		if (principal.kind === 'admin' && principal.temporary === true && action.startsWith('iam:')) {
			throw new CommonError('UnknownAccessKey', 'The security token included in the request is invalid');
		}
		if (principal.kind === 'admin') return;
		const {values, modelled} = authorizationContext(state, principal, facts, resource, extra);
		const request = {action, resource, context: values, modelled};
		const role = principalRole(state, principal);
		const identity = evaluatePolicies(role ? rolePolicies(state, role) : [], request);
		const boundary = role?.permissionsBoundary === undefined ? 'Allow' : evaluatePolicies(managedPolicy(state, role.permissionsBoundary), request);
		const sessionPolicies = principal.kind === 'role-session' ? principal.sessionPolicies : undefined;
		const session = sessionPolicies === undefined ? 'Allow' : evaluatePolicies(sessionPolicies.map(parseJson), request);
		const deny = (decision: Exclude<Decision, 'Allow'>, source: PolicySource) =>
			new CommonError('AccessDenied', denialMessage(principal.arn, request, decision, source));
		if (identity === 'ExplicitDeny') throw deny(identity, 'identity');
		if (boundary === 'ExplicitDeny') throw deny(boundary, 'boundary');
		if (session === 'ExplicitDeny') throw deny(session, 'session');
		if (identity !== 'Allow') throw deny(identity, 'identity');
		if (boundary !== 'Allow') throw deny(boundary, 'boundary');
		if (session !== 'Allow') throw deny(session, 'session');
	};
}

function rolePolicies(state: SandboxState, role: RoleRecord): PolicyDocument[] {
	return [...role.attachedPolicyArns.flatMap(arn => managedPolicy(state, arn)), ...Object.values(role.inlinePolicies).map(parseJson)];
}

/** The default version of a managed policy (the account's or AWS's), by ARN; none when it does not exist (grants nothing). */
function managedPolicy(state: SandboxState, arn: string): PolicyDocument[] {
	const policy = arn.startsWith('arn:') ? lookupPolicy(state, arn) : undefined;
	return policy ? [parseJson(policy.document)] : [];
}

function parseJson(text: string): PolicyDocument {
	try {
		return JSON.parse(text) as PolicyDocument;
	} catch {
		return {}; // documents are validated when stored; an unreadable one grants nothing
	}
}
