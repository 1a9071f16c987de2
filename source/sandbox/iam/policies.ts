import type {ApiCall} from '../context.js';
import {awsId, isoNow} from '../ids.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import type {ManagedPolicyRecord, PolicyVersionRecord, RoleRecord, SandboxState} from '../state.js';
import {authorizedPolicy} from './authorized-lookups.js';
import {awsManagedPolicies, isAwsManaged} from './aws-managed-policies.js';
import {alreadyExists, checkDocument, deleteConflict, limitExceeded, policySize, quotas} from './documents.js';
import {Input, paginate, rules} from './input.js';
import {checkTags, requestTags} from './request-tags.js';
import {
	attachmentCount,
	boundaryUsageCount,
	defaultVersionId,
	findByName,
	listXml,
	noSuchEntity,
	policyArn,
	policyVersions,
	policyVersionXml,
	policyXml,
} from './shapes.js';

// Customer managed policies and their versions.

/** Reads PolicyArn and VersionId, checks the caller may `action` the policy, and finds that version. */
function requestedVersion(
	params: URLSearchParams,
	call: ApiCall,
	state: SandboxState,
	action: string,
): {policy: ManagedPolicyRecord; version: PolicyVersionRecord} {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	const versionId = input.required('VersionId', rules.versionId);
	input.done();
	const policy = authorizedPolicy(state, call, action, arn);
	const version = policyVersions(policy).find(v => v.versionId === versionId);
	if (!version) throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
	return {policy, version};
}

function checkManagedDocument(text: string): void {
	checkDocument(text, 'identity');
	if (policySize(text) > quotas.managedPolicySize) throw limitExceeded(`Cannot exceed quota for PolicySize: ${quotas.managedPolicySize}`);
}

export const CreatePolicy: QueryHandler = (params, call, {store, now}) => {
	const input = new Input(params);
	const name = input.required('PolicyName', rules.policyName);
	const path = input.optional('Path', rules.policyPath) ?? '/';
	const document = input.required('PolicyDocument', rules.policyDocument);
	const description = input.optional('Description', rules.policyDescription) ?? '';
	input.done();
	const {state} = store;
	const {tags, context} = requestTags(input);
	call.authorize('iam:CreatePolicy', policyArn(state, {path, name}), context);
	input.done();
	checkTags(tags);
	checkManagedDocument(document);
	if (findByName(state.iam.policies, name)) throw alreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`);
	const date = isoNow(now());
	const policy: ManagedPolicyRecord = {
		name,
		id: awsId('ANPA', 17),
		path,
		description,
		document,
		createDate: date,
		updateDate: date,
		tags,
		versions: [{versionId: 'v1', document, createDate: date}],
		defaultVersionId: 'v1',
		nextVersionNumber: 2,
	};
	state.iam.policies[name] = policy;
	store.commit({packagesUnchanged: true});
	return {Policy: policyXml(state, policy, true)};
};

export const GetPolicy: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	input.done();
	return {Policy: policyXml(store.state, authorizedPolicy(store.state, call, 'GetPolicy', arn), true)};
};

export const DeletePolicy: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	input.done();
	const {state} = store;
	const policy = authorizedPolicy(state, call, 'DeletePolicy', arn);
	if (attachmentCount(state, arn) + boundaryUsageCount(state, arn) > 0) throw deleteConflict('Cannot delete a policy attached to entities.');
	if (policyVersions(policy).length > 1) {
		throw deleteConflict(
			"This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
		);
	}
	delete state.iam.policies[policy.name];
	store.commit({packagesUnchanged: true});
	return undefined;
};

export const ListPolicies: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const scope = input.optional('Scope', rules.scope) ?? 'All';
	const onlyAttached = input.boolean('OnlyAttached') ?? false;
	const pathPrefix = input.optional('PathPrefix', rules.policyPath) ?? '/';
	input.optional('PolicyUsageFilter', {enum: ['PermissionsPolicy', 'PermissionsBoundary']});
	const paging = input.paging();
	input.done();
	const {state} = store;
	call.authorize('iam:ListPolicies', '*');
	const inScope = [...(scope === 'Local' ? [] : awsManagedPolicies), ...(scope === 'AWS' ? [] : Object.values(state.iam.policies))];
	const policies = inScope
		.filter(policy => policy.path.startsWith(pathPrefix))
		.filter(policy => !onlyAttached || attachmentCount(state, policyArn(state, policy)) > 0);
	// By name, then ARN: the account may have a policy named as an AWS managed one (whose ARN,
	// arn:aws:iam::aws:…, sorts after the account's). Names are unique on each side, so the key
	// says which side rather than the whole ARN, which made a Marker outgrow the model's 320.
	const page = paginate(policies, policy => `${policy.name}\u0000${isAwsManaged(policy) ? 1 : 0}`, paging);
	return listXml('Policies', page, policy => policyXml(state, policy));
};

export const CreatePolicyVersion: QueryHandler = (params, call, {store, now}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	const document = input.required('PolicyDocument', rules.policyDocument);
	const setAsDefault = input.boolean('SetAsDefault') ?? false;
	input.done();
	const policy = authorizedPolicy(store.state, call, 'CreatePolicyVersion', arn);
	checkManagedDocument(document);
	const versions = policyVersions(policy);
	if (versions.length >= quotas.policyVersions) {
		throw limitExceeded(
			`A managed policy can have up to ${quotas.policyVersions} versions. Before you create a new version, you must delete an existing version.`,
		);
	}
	const number = policy.nextVersionNumber ?? Math.max(...versions.map(v => Number(v.versionId.slice(1)) || 1)) + 1;
	const date = isoNow(now());
	const version = {versionId: `v${number}`, document, createDate: date};
	policy.versions = [...versions, version];
	policy.nextVersionNumber = number + 1;
	policy.defaultVersionId = defaultVersionId(policy);
	if (setAsDefault) makeDefault(policy, version.versionId, date);
	store.commit({packagesUnchanged: true});
	return {PolicyVersion: policyVersionXml(policy, version, false)};
};

export const GetPolicyVersion: QueryHandler = (params, call, {store}) => {
	const {policy, version} = requestedVersion(params, call, store.state, 'GetPolicyVersion');
	return {PolicyVersion: policyVersionXml(policy, version)};
};

export const ListPolicyVersions: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	const paging = input.paging();
	input.done();
	const policy = authorizedPolicy(store.state, call, 'ListPolicyVersions', arn);
	// Newest first, as IAM lists them; the key sorts by descending version number.
	const key = (v: {versionId: string}): string => String(1e9 - Number(v.versionId.slice(1))).padStart(10, '0');
	const page = paginate(policyVersions(policy), key, paging);
	return listXml('Versions', page, v => policyVersionXml(policy, v, false));
};

export const DeletePolicyVersion: QueryHandler = (params, call, {store}) => {
	const {policy, version} = requestedVersion(params, call, store.state, 'DeletePolicyVersion');
	if (version.versionId === defaultVersionId(policy)) throw deleteConflict('Cannot delete the default version of a policy.');
	policy.versions = policyVersions(policy).filter(v => v.versionId !== version.versionId);
	store.commit({packagesUnchanged: true});
	return undefined;
};

export const SetDefaultPolicyVersion: QueryHandler = (params, call, {store, now}) => {
	const {policy, version} = requestedVersion(params, call, store.state, 'SetDefaultPolicyVersion');
	makeDefault(policy, version.versionId, isoNow(now()));
	store.commit({packagesUnchanged: true});
	return undefined;
};

/** `document` mirrors the default version: it is what authorization evaluates. */
function makeDefault(policy: ManagedPolicyRecord, versionId: string, date: string): void {
	const versions = policyVersions(policy);
	const version = versions.find(v => v.versionId === versionId);
	if (!version) return;
	policy.versions = versions;
	policy.defaultVersionId = versionId;
	policy.document = version.document;
	policy.updateDate = date;
}

export const ListEntitiesForPolicy: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	const filter = input.optional('EntityFilter', rules.entityFilter);
	const pathPrefix = input.optional('PathPrefix', rules.pathPrefix) ?? '/';
	const usage = input.optional('PolicyUsageFilter', {enum: ['PermissionsPolicy', 'PermissionsBoundary']});
	const paging = input.paging();
	input.done();
	const {state} = store;
	authorizedPolicy(state, call, 'ListEntitiesForPolicy', arn);
	// A role uses the policy as a permissions policy (attached) or as its permissions boundary.
	const uses = (role: RoleRecord) =>
		(usage !== 'PermissionsBoundary' && role.attachedPolicyArns.includes(arn)) || (usage !== 'PermissionsPolicy' && role.permissionsBoundary === arn);
	// The sandbox has roles only: users and groups are always empty lists.
	const roles = filter === undefined || filter === 'Role' ? Object.values(state.iam.roles).filter(role => role.path.startsWith(pathPrefix) && uses(role)) : [];
	const page = paginate(roles, role => role.name, paging);
	return {PolicyGroups: '', PolicyUsers: '', ...listXml('PolicyRoles', page, role => ({RoleName: role.name, RoleId: role.id}))};
};
