import {BoundedCache} from '../../bounded-cache.js';
import {combineDecisions} from '../../iam-policy/combine.js';
import type {ContextValues} from '../../iam-policy/conditions.js';
import {denialMessage, evaluatePolicies, evaluateResourcePolicies, type Decision, type PolicyDocument} from '../../iam-policy/evaluate.js';
import {lookupPolicy} from '../iam/policy-arns.js';
import {resourceAccount, resourcePolicies} from '../codeartifact/resource-policies.js';
import type {RoleRecord, SandboxState} from '../state.js';
import {CommonError} from '../errors.js';
import {principalRole, type Principal} from './principal.js';
import {authorizationContext, type RequestFacts} from './request-context.js';

/** `context` holds the action's own condition keys; `undefined` marks one AWS leaves out of this request. */
export type Authorize = (action: string, resource: string, context?: ContextValues) => void;

/**
 * AWS's evaluation of identity-based policies (within the role's permissions boundary, if it has
 * one, and the session's policies, if AssumeRole was given any) together with CodeArtifact's
 * domain and repository policies (combine.ts): an explicit deny anywhere wins; in the same account
 * either an identity policy or a resource policy may allow; another account's principal needs
 * both. A statement that depends on a condition key the sandbox does not model fails closed: such
 * a Deny applies, such an Allow does not. The admin's identity allows everything, like an
 * AdministratorAccess user; a resource policy's Deny still binds it.
 */
export function authorizerFor(state: SandboxState, principal: Principal, facts: RequestFacts): Authorize {
	return (action, resource, extra) => {
		// GetSessionToken's credentials reach no IAM operation without MFA (which the sandbox never has):
		// IAM does not take them at all.
		if (principal.kind === 'admin' && principal.temporary === true && action.startsWith('iam:')) {
			throw new CommonError('UnknownAccessKey', 'The security token included in the request is invalid');
		}
		const resourceDocuments = resourcePolicies(state, resource).map(parseJson);
		if (principal.kind === 'admin' && resourceDocuments.length === 0) return;
		const {values, modelled} = authorizationContext(state, principal, facts, resource, extra);
		const request = {action, resource, context: values, modelled};
		const role = principalRole(state, principal);
		const sessionPolicies = principal.kind === 'role-session' ? principal.sessionPolicies : undefined;
		const verdict = combineDecisions({
			identity: identityDecision(state, principal, role, request),
			...(role?.permissionsBoundary === undefined ? {} : {boundary: evaluatePolicies(managedPolicy(state, role.permissionsBoundary), request)}),
			...(sessionPolicies === undefined ? {} : {session: evaluatePolicies(sessionPolicies.map(parseJson), request)}),
			...(resourceDocuments.length === 0
				? {}
				: {
						resource: evaluateResourcePolicies(resourceDocuments, request, {
							arn: principal.arn,
							account: principal.accountId,
							...(principal.kind === 'role-session' ? {roleArn: principal.roleArn} : {}),
						}),
					}),
			crossAccount: principal.accountId !== (resourceAccount(resource) ?? principal.accountId),
		});
		if (!verdict.allowed) throw new CommonError('AccessDenied', denialMessage(principal.arn, request, verdict.decision, verdict.source));
	};
}

function identityDecision(state: SandboxState, principal: Principal, role: RoleRecord | undefined, request: Parameters<typeof evaluatePolicies>[1]): Decision {
	if (principal.kind === 'admin') return 'Allow';
	if (principal.kind === 'other-account-user') return evaluatePolicies([parseJson(principal.policy)], request);
	return evaluatePolicies(role ? rolePolicies(state, role) : [], request);
}

function rolePolicies(state: SandboxState, role: RoleRecord): PolicyDocument[] {
	return [...role.attachedPolicyArns.flatMap(arn => managedPolicy(state, arn)), ...Object.values(role.inlinePolicies).map(parseJson)];
}

/** The default version of a managed policy (the account's or AWS's), by ARN; none when it does not exist (grants nothing). */
function managedPolicy(state: SandboxState, arn: string): PolicyDocument[] {
	const policy = arn.startsWith('arn:') ? lookupPolicy(state, arn) : undefined;
	return policy ? [parseJson(policy.document)] : [];
}

/** Parsed documents by text: the build host's policies are read for every file Maven fetches. The evaluator does not change them. */
const parsedDocuments = new BoundedCache<string, PolicyDocument>(512);

function parseJson(text: string): PolicyDocument {
	return parsedDocuments.getOrCompute(text, () => {
		try {
			return JSON.parse(text) as PolicyDocument;
		} catch {
			return {}; // documents are validated when stored; an unreadable one grants nothing
		}
	});
}
