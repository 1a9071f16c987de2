import {denialMessage, evaluatePolicies, type PolicyDocument} from '../../iam-policy/evaluate.js';
import {entry, type SandboxState} from '../state.js';
import {CommonError} from '../errors.js';
import type {Principal} from './principal.js';

export type Authorize = (action: string, resource: string, context?: Record<string, string>) => void;

/** Identity-based policy evaluation; the admin is allowed everything, like an AdministratorAccess user. */
export function authorizerFor(state: SandboxState, principal: Principal): Authorize {
	return (action, resource, context = {}) => {
		if (principal.kind === 'admin') return;
		const request = {action, resource, context: {'aws:PrincipalArn': principal.roleArn, 'aws:RequestedRegion': state.region, ...context}};
		const decision = evaluatePolicies(rolePolicies(state, principal.roleName), request);
		if (decision !== 'Allow') throw new CommonError('AccessDenied', denialMessage(principal.arn, request, decision));
	};
}

function rolePolicies(state: SandboxState, roleName: string): PolicyDocument[] {
	const role = entry(state.iam.roles, roleName);
	if (!role) return [];
	const documents: PolicyDocument[] = [];
	for (const arn of role.attachedPolicyArns) {
		const name = arn.slice(arn.lastIndexOf('/') + 1);
		const policy = entry(state.iam.policies, name);
		if (policy) documents.push(parseJson(policy.document));
	}
	for (const text of Object.values(role.inlinePolicies)) documents.push(parseJson(text));
	return documents;
}

function parseJson(text: string): PolicyDocument {
	try {
		return JSON.parse(text) as PolicyDocument;
	} catch {
		return {}; // documents are validated when stored; an unreadable one grants nothing
	}
}
