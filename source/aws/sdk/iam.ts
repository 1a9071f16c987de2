import {
	AddRoleToInstanceProfileCommand,
	AttachRolePolicyCommand,
	CreateInstanceProfileCommand,
	CreatePolicyCommand,
	CreatePolicyVersionCommand,
	CreateRoleCommand,
	DeleteInstanceProfileCommand,
	DeletePolicyCommand,
	DeletePolicyVersionCommand,
	DeleteRoleCommand,
	DetachRolePolicyCommand,
	GetInstanceProfileCommand,
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetRoleCommand,
	GetRolePolicyCommand,
	IAMClient,
	ListInstanceProfileTagsCommand,
	ListPolicyTagsCommand,
	ListRoleTagsCommand,
	RemoveRoleFromInstanceProfileCommand,
	SetDefaultPolicyVersionCommand,
	paginateListAttachedRolePolicies,
	paginateListEntitiesForPolicy,
	paginateListInstanceProfiles,
	paginateListPolicies,
	paginateListRolePolicies,
	paginateListRoles,
	paginateListPolicyVersions,
	type InstanceProfile,
	type Policy,
	type PolicyVersion,
	type Role,
	type Tag,
} from '@aws-sdk/client-iam';
import type {IamApi, InstanceProfileInfo, PolicyInfo, RoleInfo, Tags} from '../apis.js';
import {attemptMember, attemptPages, findMember} from './answer-members.js';
import {attempt, attemptFind} from './classify-error.js';
import {clientConfig, type ClientSettings} from './client-config.js';

/** IAM keeps at most this many versions of a managed policy. */
const maxPolicyVersions = 5;

export function createIamApi(settings: ClientSettings): IamApi {
	const client = new IAMClient(clientConfig(settings));

	const getPolicy = (arn: string) => findMember('iam:GetPolicy', () => client.send(new GetPolicyCommand({PolicyArn: arn})), 'Policy', toPolicy);

	const getInstanceProfile = (name: string) =>
		findMember('iam:GetInstanceProfile', () => client.send(new GetInstanceProfileCommand({InstanceProfileName: name})), 'InstanceProfile', toInstanceProfile);

	const deletePolicyVersion = (arn: string, versionId: string) =>
		attempt('iam:DeletePolicyVersion', () => client.send(new DeletePolicyVersionCommand({PolicyArn: arn, VersionId: versionId})));

	const listPolicyVersions = (arn: string) =>
		attemptPages(
			'iam:ListPolicyVersions',
			() => paginateListPolicyVersions({client}, {PolicyArn: arn}),
			page => page.Versions ?? [],
		);

	return {
		async getRole(name) {
			return findMember('iam:GetRole', () => client.send(new GetRoleCommand({RoleName: name})), 'Role', toRole);
		},

		async createRole(name, trustPolicy, description, tags) {
			const send = () =>
				client.send(new CreateRoleCommand({RoleName: name, AssumeRolePolicyDocument: trustPolicy, Description: description, ...tagsInput(tags)}));
			return attemptMember('iam:CreateRole', send, 'Role', toRole);
		},

		async listRoles() {
			return attemptPages(
				'iam:ListRoles',
				() => paginateListRoles({client}, {}),
				page => (page.Roles ?? []).map(toRole),
			);
		},

		async listRoleTags(name) {
			// One page holds up to 100 tags; IAM allows 50 per resource.
			const output = await attempt('iam:ListRoleTags', () => client.send(new ListRoleTagsCommand({RoleName: name, MaxItems: 100})));
			return fromTags(output.Tags);
		},

		async deleteRole(name) {
			await attempt('iam:DeleteRole', () => client.send(new DeleteRoleCommand({RoleName: name})));
		},

		getPolicy,

		async getPolicyDocument(arn) {
			const policy = await getPolicy(arn);
			if (!policy) return undefined;
			const output = await attemptFind('iam:GetPolicyVersion', () =>
				client.send(new GetPolicyVersionCommand({PolicyArn: arn, VersionId: policy.defaultVersionId})),
			);
			const document = output?.PolicyVersion?.Document;
			return document === undefined ? undefined : decodeDocument(document);
		},

		async createPolicy(name, document, description, tags) {
			const send = () => client.send(new CreatePolicyCommand({PolicyName: name, PolicyDocument: document, Description: description, ...tagsInput(tags)}));
			return attemptMember('iam:CreatePolicy', send, 'Policy', toPolicy);
		},

		async listPolicyTags(arn) {
			const output = await attempt('iam:ListPolicyTags', () => client.send(new ListPolicyTagsCommand({PolicyArn: arn, MaxItems: 100})));
			return fromTags(output.Tags);
		},

		async listLocalPolicies() {
			return attemptPages(
				'iam:ListPolicies',
				() => paginateListPolicies({client}, {Scope: 'Local'}),
				page => (page.Policies ?? []).map(toPolicy),
			);
		},

		async listPolicyRoles(arn) {
			return attemptPages(
				'iam:ListEntitiesForPolicy',
				() => paginateListEntitiesForPolicy({client}, {PolicyArn: arn, EntityFilter: 'Role'}),
				page => (page.PolicyRoles ?? []).flatMap(role => (role.RoleName ? [role.RoleName] : [])),
			);
		},

		async updatePolicyDocument(arn, document) {
			const versions = await listPolicyVersions(arn);
			if (versions.length >= maxPolicyVersions) {
				const oldest = versions.filter(version => !version.IsDefaultVersion).sort(byCreation)[0];
				if (oldest?.VersionId) await deletePolicyVersion(arn, oldest.VersionId);
			}
			await attempt('iam:CreatePolicyVersion', () =>
				client.send(new CreatePolicyVersionCommand({PolicyArn: arn, PolicyDocument: document, SetAsDefault: true})),
			);
		},

		async restorePolicyVersion(arn, versionId) {
			const current = (await listPolicyVersions(arn)).find(version => version.IsDefaultVersion)?.VersionId;
			if (current === versionId) return;
			await attempt('iam:SetDefaultPolicyVersion', () => client.send(new SetDefaultPolicyVersionCommand({PolicyArn: arn, VersionId: versionId})));
			if (current) await deletePolicyVersion(arn, current);
		},

		async deletePolicy(arn) {
			for (const version of await listPolicyVersions(arn))
				if (!version.IsDefaultVersion && version.VersionId) await deletePolicyVersion(arn, version.VersionId);
			await attempt('iam:DeletePolicy', () => client.send(new DeletePolicyCommand({PolicyArn: arn})));
		},

		async listAttachedRolePolicies(roleName) {
			return attemptPages(
				'iam:ListAttachedRolePolicies',
				() => paginateListAttachedRolePolicies({client}, {RoleName: roleName}),
				page => (page.AttachedPolicies ?? []).map(policy => ({name: policy.PolicyName ?? '', arn: policy.PolicyArn ?? ''})),
			);
		},

		async listRolePolicies(roleName) {
			return attemptPages(
				'iam:ListRolePolicies',
				() => paginateListRolePolicies({client}, {RoleName: roleName}),
				page => page.PolicyNames ?? [],
			);
		},

		async getRolePolicy(roleName, policyName) {
			const output = await attemptFind('iam:GetRolePolicy', () => client.send(new GetRolePolicyCommand({RoleName: roleName, PolicyName: policyName})));
			return output?.PolicyDocument === undefined ? undefined : decodeDocument(output.PolicyDocument);
		},

		async attachRolePolicy(roleName, policyArn) {
			await attempt('iam:AttachRolePolicy', () => client.send(new AttachRolePolicyCommand({RoleName: roleName, PolicyArn: policyArn})));
		},

		async detachRolePolicy(roleName, policyArn) {
			await attempt('iam:DetachRolePolicy', () => client.send(new DetachRolePolicyCommand({RoleName: roleName, PolicyArn: policyArn})));
		},

		getInstanceProfile,

		async getInstanceProfileByArn(arn) {
			// arn:aws:iam::123456789012:instance-profile/optional/path/name
			const resource = arn.split(':')[5] ?? '';
			if (!resource.startsWith('instance-profile/')) return undefined;
			const profile = await getInstanceProfile(resource.slice(resource.lastIndexOf('/') + 1));
			return profile?.arn === arn ? profile : undefined; // a namesake on another path is not it
		},

		async createInstanceProfile(name, tags) {
			const send = () => client.send(new CreateInstanceProfileCommand({InstanceProfileName: name, ...tagsInput(tags)}));
			return attemptMember('iam:CreateInstanceProfile', send, 'InstanceProfile', toInstanceProfile);
		},

		async listInstanceProfileTags(name) {
			const send = () => client.send(new ListInstanceProfileTagsCommand({InstanceProfileName: name, MaxItems: 100}));
			return fromTags((await attempt('iam:ListInstanceProfileTags', send)).Tags);
		},

		async listInstanceProfiles() {
			return attemptPages(
				'iam:ListInstanceProfiles',
				() => paginateListInstanceProfiles({client}, {}),
				page => (page.InstanceProfiles ?? []).map(toInstanceProfile),
			);
		},

		async deleteInstanceProfile(name) {
			await attempt('iam:DeleteInstanceProfile', () => client.send(new DeleteInstanceProfileCommand({InstanceProfileName: name})));
		},

		async addRoleToInstanceProfile(profileName, roleName) {
			await attempt('iam:AddRoleToInstanceProfile', () =>
				client.send(new AddRoleToInstanceProfileCommand({InstanceProfileName: profileName, RoleName: roleName})),
			);
		},

		async removeRoleFromInstanceProfile(profileName, roleName) {
			await attempt('iam:RemoveRoleFromInstanceProfile', () =>
				client.send(new RemoveRoleFromInstanceProfileCommand({InstanceProfileName: profileName, RoleName: roleName})),
			);
		},
	};
}

function toRole(role: Role): RoleInfo {
	const boundary = role.PermissionsBoundary?.PermissionsBoundaryArn;
	return {
		name: role.RoleName ?? '',
		arn: role.Arn ?? '',
		assumeRolePolicyDocument: decodeDocument(role.AssumeRolePolicyDocument ?? ''),
		...(boundary ? {permissionsBoundaryArn: boundary} : {}),
	};
}

function toPolicy(policy: Policy): PolicyInfo {
	return {name: policy.PolicyName ?? '', arn: policy.Arn ?? '', defaultVersionId: policy.DefaultVersionId ?? ''};
}

function toInstanceProfile(profile: InstanceProfile): InstanceProfileInfo {
	return {
		name: profile.InstanceProfileName ?? '',
		arn: profile.Arn ?? '',
		id: profile.InstanceProfileId ?? '',
		roleNames: (profile.Roles ?? []).flatMap(role => (role.RoleName ? [role.RoleName] : [])),
	};
}

function tagsInput(tags: Tags | undefined): {Tags?: Tag[]} {
	return tags ? {Tags: Object.entries(tags).map(([Key, Value]) => ({Key, Value}))} : {};
}

function fromTags(tags: Tag[] | undefined): Tags {
	return Object.fromEntries((tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']));
}

/** IAM returns policy documents URL-encoded (RFC 3986). */
function decodeDocument(document: string): string {
	try {
		return decodeURIComponent(document);
	} catch {
		return document; // not encoded after all (a literal % in plain JSON)
	}
}

/** Oldest first: by creation time, then by version number (v2 before v10). */
function byCreation(a: PolicyVersion, b: PolicyVersion): number {
	const time = (a.CreateDate?.getTime() ?? 0) - (b.CreateDate?.getTime() ?? 0);
	return time !== 0 ? time : versionNumber(a) - versionNumber(b);
}

function versionNumber(version: PolicyVersion): number {
	return Number(version.VersionId?.replace(/^v/, '') ?? 0);
}
