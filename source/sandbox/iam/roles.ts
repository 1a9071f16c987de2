import {awsId, isoNow} from '../ids.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import {emptyRecord, type RoleRecord, type SandboxState} from '../state.js';
import {authorizedRole, withContext} from './authorized-lookups.js';
import {alreadyExists, checkDocument, deleteConflict, limitExceeded, policySize, quotas} from './documents.js';
import {Input, paginate, rules} from './input.js';
import {findByName, listXml, noSuchEntity, roleArn, roleXml} from './shapes.js';
import {lookupPolicy} from './policy-arns.js';
import {checkTags, requestTags} from './request-tags.js';

// Roles: their lifecycle, trust policy and permissions boundary (their tags: tags.ts).

function checkTrustDocument(text: string): void {
	checkDocument(text, 'trust');
	if (policySize(text) > quotas.trustPolicySize) throw limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${quotas.trustPolicySize}`);
}

export const CreateRole: QueryHandler = (params, call, {store, now}) => {
	const input = new Input(params);
	const path = input.optional('Path', rules.path) ?? '/';
	const name = input.required('RoleName', rules.roleName);
	const trust = input.required('AssumeRolePolicyDocument', rules.policyDocument);
	const description = input.optional('Description', rules.roleDescription) ?? '';
	const maxSessionDuration = input.integer('MaxSessionDuration', {min: 3600, max: 43200}) ?? 3600;
	const boundary = input.optional('PermissionsBoundary', rules.arn);
	input.done();
	const {state} = store;
	const {tags, context} = requestTags(input);
	call.authorize('iam:CreateRole', roleArn(state, {path, name}), {...context, 'iam:PermissionsBoundary': boundary}); // undefined: known to be absent
	input.done();
	checkTags(tags);
	checkTrustDocument(trust);
	if (findByName(state.iam.roles, name)) throw alreadyExists(`Role with name ${name} already exists.`);
	if (boundary !== undefined) checkBoundary(state, boundary);
	const role: RoleRecord = {
		name,
		id: awsId('AROA', 17),
		path,
		description,
		assumeRolePolicyDocument: trust,
		maxSessionDuration,
		createDate: isoNow(now()),
		attachedPolicyArns: [],
		inlinePolicies: emptyRecord(),
		tags,
		...(boundary === undefined ? {} : {permissionsBoundary: boundary}),
	};
	state.iam.roles[name] = role;
	store.commit({packagesUnchanged: true});
	return {Role: roleXml(state, role, true)};
};

/** A permissions boundary is a managed policy of this account (the sandbox holds no AWS managed ones). */
function checkBoundary(state: SandboxState, arn: string): void {
	if (!lookupPolicy(state, arn)) throw noSuchEntity(`Scope ARN: ${arn} does not exist or is not attachable.`);
}

export const PutRolePermissionsBoundary: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	const boundary = input.required('PermissionsBoundary', rules.arn);
	input.done();
	const {state} = store;
	const role = authorizedRole(state, withContext(call, {'iam:PermissionsBoundary': boundary}), 'PutRolePermissionsBoundary', name);
	checkBoundary(state, boundary);
	role.permissionsBoundary = boundary;
	store.commit({packagesUnchanged: true});
	return undefined;
};

/** Idempotent, like IAM's: a role without a boundary stays without one. */
export const DeleteRolePermissionsBoundary: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	input.done();
	const role = authorizedRole(store.state, call, 'DeleteRolePermissionsBoundary', name);
	if (role.permissionsBoundary === undefined) return undefined;
	delete role.permissionsBoundary;
	store.commit({packagesUnchanged: true});
	return undefined;
};

export const GetRole: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	input.done();
	return {Role: roleXml(store.state, authorizedRole(store.state, call, 'GetRole', name), true)};
};

export const ListRoles: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const pathPrefix = input.optional('PathPrefix', rules.pathPrefix) ?? '/';
	const paging = input.paging();
	input.done();
	const {state} = store;
	call.authorize('iam:ListRoles', `arn:aws:iam::${state.accountId}:role${pathPrefix}`);
	const roles = Object.values(state.iam.roles).filter(role => role.path.startsWith(pathPrefix));
	const page = paginate(roles, role => role.name, paging);
	return listXml('Roles', page, role => roleXml(state, role));
};

export const DeleteRole: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	input.done();
	const {state} = store;
	const role = authorizedRole(state, call, 'DeleteRole', name);
	if (Object.values(state.iam.instanceProfiles).some(profile => profile.roleNames.includes(role.name))) {
		throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
	}
	if (role.attachedPolicyArns.length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
	if (Object.keys(role.inlinePolicies).length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
	delete state.iam.roles[role.name];
	store.commit({packagesUnchanged: true});
	return undefined;
};

export const UpdateAssumeRolePolicy: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	const trust = input.required('PolicyDocument', rules.policyDocument);
	input.done();
	const role = authorizedRole(store.state, call, 'UpdateAssumeRolePolicy', name);
	checkTrustDocument(trust);
	role.assumeRolePolicyDocument = trust;
	store.commit({packagesUnchanged: true});
	return undefined;
};

/** Description and MaxSessionDuration; a member left out stays as it was. */
export const UpdateRole: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	const description = input.optional('Description', rules.roleDescription);
	const maxSessionDuration = input.integer('MaxSessionDuration', {min: 3600, max: 43200});
	input.done();
	const role = authorizedRole(store.state, call, 'UpdateRole', name);
	if (description !== undefined) role.description = description;
	if (maxSessionDuration !== undefined) role.maxSessionDuration = maxSessionDuration;
	store.commit({packagesUnchanged: true});
	return {};
};
