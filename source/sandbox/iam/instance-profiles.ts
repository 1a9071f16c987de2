import type {ApiCall} from '../context.js';
import {awsId, isoNow} from '../ids.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import type {InstanceProfileRecord, SandboxState} from '../state.js';
import {authorizedInstanceProfile, authorizedRole} from './authorized-lookups.js';
import {alreadyExists, deleteConflict, limitExceeded, quotas} from './documents.js';
import {Input, paginate, rules} from './input.js';
import {checkTags, requestTags} from './request-tags.js';
import {findByName, instanceProfileArn, instanceProfileXml, listXml, roleNotFound} from './shapes.js';

// Instance profiles: the container that hands one role to an EC2 instance.

export const CreateInstanceProfile: QueryHandler = (params, call, {store, now}) => {
	const input = new Input(params);
	const name = input.required('InstanceProfileName', rules.instanceProfileName);
	const path = input.optional('Path', rules.path) ?? '/';
	input.done();
	const {state} = store;
	const {tags, context} = requestTags(input);
	call.authorize('iam:CreateInstanceProfile', instanceProfileArn(state, {path, name}), context);
	input.done();
	checkTags(tags);
	if (findByName(state.iam.instanceProfiles, name)) throw alreadyExists(`Instance Profile ${name} already exists.`);
	const profile: InstanceProfileRecord = {name, id: awsId('AIPA', 17), path, createDate: isoNow(now()), roleNames: [], tags};
	state.iam.instanceProfiles[name] = profile;
	store.commit({packagesUnchanged: true});
	return {InstanceProfile: instanceProfileXml(state, profile, true)};
};

export const GetInstanceProfile: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('InstanceProfileName', rules.instanceProfileName);
	input.done();
	const profile = authorizedInstanceProfile(store.state, call, 'GetInstanceProfile', name);
	return {InstanceProfile: instanceProfileXml(store.state, profile, true)};
};

export const ListInstanceProfiles: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const pathPrefix = input.optional('PathPrefix', rules.pathPrefix) ?? '/';
	const paging = input.paging();
	input.done();
	const {state} = store;
	call.authorize('iam:ListInstanceProfiles', `arn:aws:iam::${state.accountId}:instance-profile${pathPrefix}`);
	const profiles = Object.values(state.iam.instanceProfiles).filter(profile => profile.path.startsWith(pathPrefix));
	const page = paginate(profiles, profile => profile.name, paging);
	return listXml('InstanceProfiles', page, profile => instanceProfileXml(state, profile));
};

export const ListInstanceProfilesForRole: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('RoleName', rules.roleName);
	const paging = input.paging();
	input.done();
	const {state} = store;
	const role = authorizedRole(state, call, 'ListInstanceProfilesForRole', name);
	const profiles = Object.values(state.iam.instanceProfiles).filter(profile => profile.roleNames.includes(role.name));
	const page = paginate(profiles, profile => profile.name, paging);
	return listXml('InstanceProfiles', page, profile => instanceProfileXml(state, profile));
};

export const DeleteInstanceProfile: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.required('InstanceProfileName', rules.instanceProfileName);
	input.done();
	const {state} = store;
	const profile = authorizedInstanceProfile(state, call, 'DeleteInstanceProfile', name);
	if (profile.roleNames.length > 0) throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
	delete state.iam.instanceProfiles[profile.name];
	store.commit({packagesUnchanged: true});
	return undefined;
};

/** Reads InstanceProfileName and RoleName and finds the profile, once the caller may `action` it. */
function requestedMembership(params: URLSearchParams, call: ApiCall, state: SandboxState, action: string): {profile: InstanceProfileRecord; roleName: string} {
	const input = new Input(params);
	const name = input.required('InstanceProfileName', rules.instanceProfileName);
	const roleName = input.required('RoleName', rules.roleName);
	input.done();
	return {profile: authorizedInstanceProfile(state, call, action, name), roleName};
}

export const AddRoleToInstanceProfile: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const {profile, roleName} = requestedMembership(params, call, state, 'AddRoleToInstanceProfile');
	// Putting a role in a profile hands it to whatever uses the profile: IAM asks for iam:PassRole.
	const role = authorizedRole(state, call, 'PassRole', roleName);
	if (profile.roleNames.length >= quotas.rolesPerInstanceProfile) {
		throw limitExceeded(`Cannot exceed quota for InstanceSessionsPerInstanceProfile: ${quotas.rolesPerInstanceProfile}`);
	}
	profile.roleNames.push(role.name);
	store.commit({packagesUnchanged: true});
	return undefined;
};

export const RemoveRoleFromInstanceProfile: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const {profile, roleName} = requestedMembership(params, call, state, 'RemoveRoleFromInstanceProfile');
	const role = findByName(state.iam.roles, roleName);
	if (!role || !profile.roleNames.includes(role.name)) throw roleNotFound(roleName);
	profile.roleNames = profile.roleNames.filter(member => member !== role.name);
	store.commit({packagesUnchanged: true});
	return undefined;
};
