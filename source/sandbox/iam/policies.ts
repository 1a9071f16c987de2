import {awsId, isoNow} from '../ids.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import {xmlList} from '../protocols/xml.js';
import type {ManagedPolicyRecord, SandboxState} from '../state.js';
import {alreadyExists, checkDocument, deleteConflict, limitExceeded, policySize, quotas} from './documents.js';
import {Input, paginate, rules} from './input.js';
import {attachmentCount, defaultVersionId, findByName, lookupPolicy, noSuchEntity, pageXml, policyArn, policyVersions, policyVersionXml, policyXml} from './shapes.js';

// Customer managed policies and their versions.

function requirePolicy(state: SandboxState, arn: string): ManagedPolicyRecord {
	const policy = lookupPolicy(state, arn);
	if (!policy) throw noSuchEntity(`Policy ${arn} was not found.`);
	return policy;
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
	const tags = input.tags();
	input.done();
	const {state} = store;
	call.authorize('iam:CreatePolicy', policyArn(state, {path, name}));
	checkManagedDocument(document);
	if (findByName(state.iam.policies, name)) throw alreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`);
	const date = isoNow(now());
	const policy: ManagedPolicyRecord = {
		name, id: awsId('ANPA', 17), path, description, document, createDate: date, updateDate: date, tags,
		versions: [{versionId: 'v1', document, createDate: date}], defaultVersionId: 'v1', nextVersionNumber: 2,
	};
	state.iam.policies[name] = policy;
	store.commit();
	return {Policy: policyXml(state, policy, true)};
};

export const GetPolicy: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	input.done();
	call.authorize('iam:GetPolicy', arn);
	return {Policy: policyXml(store.state, requirePolicy(store.state, arn), true)};
};

export const DeletePolicy: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	input.done();
	const {state} = store;
	call.authorize('iam:DeletePolicy', arn);
	const policy = requirePolicy(state, arn);
	if (attachmentCount(state, arn) > 0) throw deleteConflict('Cannot delete a policy attached to entities.');
	if (policyVersions(policy).length > 1) {
		throw deleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
	}
	delete state.iam.policies[policy.name];
	store.commit();
	return undefined;
};

export const ListPolicies: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const scope = input.optional('Scope', rules.scope) ?? 'All';
	const onlyAttached = input.boolean('OnlyAttached') ?? false;
	const pathPrefix = input.optional('PathPrefix', rules.policyPath) ?? '/';
	input.optional('PolicyUsageFilter', {enum: ['PermissionsPolicy', 'PermissionsBoundary']});
	const marker = input.optional('Marker', rules.marker);
	const maxItems = input.integer('MaxItems', {min: 1, max: 1000});
	input.done();
	const {state} = store;
	call.authorize('iam:ListPolicies', '*');
	// The sandbox holds no AWS managed policies: scope AWS is empty, All is the same as Local.
	const policies = scope === 'AWS' ? [] : Object.values(state.iam.policies)
		.filter(policy => policy.path.startsWith(pathPrefix))
		.filter(policy => !onlyAttached || attachmentCount(state, policyArn(state, policy)) > 0);
	const page = paginate(policies, policy => policy.name, marker, maxItems);
	return {Policies: xmlList(page.items.map(policy => policyXml(state, policy)), 'member'), ...pageXml(page)};
};

export const CreatePolicyVersion: QueryHandler = (params, call, {store, now}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	const document = input.required('PolicyDocument', rules.policyDocument);
	const setAsDefault = input.boolean('SetAsDefault') ?? false;
	input.done();
	call.authorize('iam:CreatePolicyVersion', arn);
	const policy = requirePolicy(store.state, arn);
	checkManagedDocument(document);
	const versions = policyVersions(policy);
	if (versions.length >= quotas.policyVersions) {
		throw limitExceeded(`A managed policy can have up to ${quotas.policyVersions} versions. Before you create a new version, you must delete an existing version.`);
	}
	const number = policy.nextVersionNumber ?? Math.max(...versions.map(v => Number(v.versionId.slice(1)) || 1)) + 1;
	const date = isoNow(now());
	const version = {versionId: `v${number}`, document, createDate: date};
	policy.versions = [...versions, version];
	policy.nextVersionNumber = number + 1;
	policy.defaultVersionId = defaultVersionId(policy);
	if (setAsDefault) makeDefault(policy, version.versionId, date);
	store.commit();
	return {PolicyVersion: policyVersionXml(policy, version, false)};
};

export const GetPolicyVersion: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	const versionId = input.required('VersionId', rules.versionId);
	input.done();
	call.authorize('iam:GetPolicyVersion', arn);
	const policy = requirePolicy(store.state, arn);
	const version = policyVersions(policy).find(v => v.versionId === versionId);
	if (!version) throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
	return {PolicyVersion: policyVersionXml(policy, version)};
};

export const ListPolicyVersions: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	const marker = input.optional('Marker', rules.marker);
	const maxItems = input.integer('MaxItems', {min: 1, max: 1000});
	input.done();
	call.authorize('iam:ListPolicyVersions', arn);
	const policy = requirePolicy(store.state, arn);
	// Newest first, as IAM lists them; the key sorts by descending version number.
	const key = (v: {versionId: string}): string => String(1e9 - Number(v.versionId.slice(1))).padStart(10, '0');
	const page = paginate(policyVersions(policy), key, marker, maxItems);
	return {Versions: xmlList(page.items.map(v => policyVersionXml(policy, v, false)), 'member'), ...pageXml(page)};
};

export const DeletePolicyVersion: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	const versionId = input.required('VersionId', rules.versionId);
	input.done();
	call.authorize('iam:DeletePolicyVersion', arn);
	const policy = requirePolicy(store.state, arn);
	const versions = policyVersions(policy);
	if (!versions.some(v => v.versionId === versionId)) throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
	if (versionId === defaultVersionId(policy)) throw deleteConflict('Cannot delete the default version of a policy.');
	policy.versions = versions.filter(v => v.versionId !== versionId);
	store.commit();
	return undefined;
};

export const SetDefaultPolicyVersion: QueryHandler = (params, call, {store, now}) => {
	const input = new Input(params);
	const arn = input.required('PolicyArn', rules.arn);
	const versionId = input.required('VersionId', rules.versionId);
	input.done();
	call.authorize('iam:SetDefaultPolicyVersion', arn);
	const policy = requirePolicy(store.state, arn);
	if (!policyVersions(policy).some(v => v.versionId === versionId)) throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
	makeDefault(policy, versionId, isoNow(now()));
	store.commit();
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
	input.optional('PolicyUsageFilter', {enum: ['PermissionsPolicy', 'PermissionsBoundary']});
	const marker = input.optional('Marker', rules.marker);
	const maxItems = input.integer('MaxItems', {min: 1, max: 1000});
	input.done();
	const {state} = store;
	call.authorize('iam:ListEntitiesForPolicy', arn);
	requirePolicy(state, arn);
	// The sandbox has roles only: users and groups are always empty lists.
	const roles = filter === undefined || filter === 'Role'
		? Object.values(state.iam.roles).filter(role => role.path.startsWith(pathPrefix) && role.attachedPolicyArns.includes(arn))
		: [];
	const page = paginate(roles, role => role.name, marker, maxItems);
	return {
		PolicyGroups: '',
		PolicyUsers: '',
		PolicyRoles: xmlList(page.items.map(role => ({RoleName: role.name, RoleId: role.id})), 'member'),
		...pageXml(page),
	};
};
