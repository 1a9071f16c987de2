import type {ApiCall} from '../context.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import {entry, type RoleRecord, type SandboxState} from '../state.js';
import {authorizedRole} from './authorized-lookups.js';
import {checkDocument, limitExceeded, policySize, quotas} from './documents.js';
import {Input, paginate, rules} from './input.js';
import {encodeDocument, listXml, noSuchEntity, policyNotFound} from './shapes.js';
import {lookupPolicy, parsePolicyArn} from './policy-arns.js';

// What a role may do: managed policies attached to it, and its inline policies.

/** IAM offers the policy being attached or detached as the condition key iam:PolicyARN. */
function withPolicyArn(call: ApiCall, arn: string): ApiCall {
	return {...call, authorize: (action, resource, context) => call.authorize(action, resource, {'iam:PolicyARN': arn, ...context})};
}

/** The document of the role's inline policy `policyName`, or NoSuchEntity. */
function requireInlinePolicy(role: RoleRecord, policyName: string): string {
	const document = entry(role.inlinePolicies, policyName);
	if (document === undefined) throw noSuchEntity(`The role policy with name ${policyName} cannot be found.`);
	return document;
}

/** Reads RoleName and PolicyArn and finds the role, once the caller may `action` it with that policy. */
function requestedAttachment(params: URLSearchParams, call: ApiCall, state: SandboxState, action: string): {role: RoleRecord; arn: string} {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	const arn = input.required('PolicyArn', rules.arn);
	input.done();
	return {role: authorizedRole(state, withPolicyArn(call, arn), action, name), arn};
}

export const AttachRolePolicy: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const {role, arn} = requestedAttachment(params, call, state, 'AttachRolePolicy');
	const policy = lookupPolicy(state, arn);
	if (!policy) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
	if (role.attachedPolicyArns.includes(arn)) return undefined;
	if (role.attachedPolicyArns.length >= quotas.managedPoliciesPerRole)
		throw limitExceeded(`Cannot exceed quota for PoliciesPerRole: ${quotas.managedPoliciesPerRole}`);
	role.attachedPolicyArns.push(arn);
	store.commit({packagesUnchanged: true});
	return undefined;
};

export const DetachRolePolicy: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const {role, arn} = requestedAttachment(params, call, state, 'DetachRolePolicy');
	if (!arn.startsWith('arn:')) lookupPolicy(state, arn); // throws IAM's InvalidInput for a non-ARN
	if (!role.attachedPolicyArns.includes(arn)) throw policyNotFound(arn);
	role.attachedPolicyArns = role.attachedPolicyArns.filter(attached => attached !== arn);
	store.commit({packagesUnchanged: true});
	return undefined;
};

export const ListAttachedRolePolicies: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	const pathPrefix = input.optional('PathPrefix', rules.policyPath) ?? '/';
	const paging = input.paging();
	input.done();
	const role = authorizedRole(store.state, call, 'ListAttachedRolePolicies', name);
	const attached = role.attachedPolicyArns
		.map(arn => ({arn, parts: parsePolicyArn(arn)}))
		.filter(({parts}) => parts !== undefined && parts.path.startsWith(pathPrefix))
		.map(({arn, parts}) => ({arn, name: parts?.name ?? arn}));
	const page = paginate(attached, policy => policy.name, paging);
	return listXml('AttachedPolicies', page, policy => ({PolicyName: policy.name, PolicyArn: policy.arn}));
};

export const PutRolePolicy: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	const policyName = input.required('PolicyName', rules.policyName);
	const document = input.required('PolicyDocument', rules.policyDocument);
	input.done();
	const role = authorizedRole(store.state, call, 'PutRolePolicy', name);
	checkDocument(document, 'identity');
	const others = Object.entries(role.inlinePolicies).filter(([other]) => other !== policyName);
	const total = others.reduce((sum, [, text]) => sum + policySize(text), policySize(document));
	if (total > quotas.inlinePoliciesPerRole) throw limitExceeded(`Maximum policy size of ${quotas.inlinePoliciesPerRole} bytes exceeded for role ${role.name}`);
	role.inlinePolicies[policyName] = document;
	store.commit({packagesUnchanged: true});
	return undefined;
};

export const GetRolePolicy: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	const policyName = input.required('PolicyName', rules.policyName);
	input.done();
	const role = authorizedRole(store.state, call, 'GetRolePolicy', name);
	const document = requireInlinePolicy(role, policyName);
	return {RoleName: role.name, PolicyName: policyName, PolicyDocument: encodeDocument(document)};
};

export const ListRolePolicies: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	const paging = input.paging();
	input.done();
	const role = authorizedRole(store.state, call, 'ListRolePolicies', name);
	const page = paginate(Object.keys(role.inlinePolicies), policyName => policyName, paging);
	return listXml('PolicyNames', page, policyName => policyName);
};

export const DeleteRolePolicy: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	const policyName = input.required('PolicyName', rules.policyName);
	input.done();
	const role = authorizedRole(store.state, call, 'DeleteRolePolicy', name);
	requireInlinePolicy(role, policyName);
	delete role.inlinePolicies[policyName];
	store.commit({packagesUnchanged: true});
	return undefined;
};
