import {ServiceError} from '../errors.js';
import {xmlList, type XmlNode, type XmlValue} from '../protocols/xml.js';
import {entry, type InstanceProfileRecord, type ManagedPolicyRecord, type PolicyVersionRecord, type RoleRecord, type SandboxState, type Tag} from '../state.js';
import {isAwsManaged} from './aws-managed-policies.js';
import type {Page} from './input.js';

// ARNs, look-ups and the XML shapes IAM answers with.

export function roleArn(state: SandboxState, role: {path: string; name: string}): string {
	return `arn:aws:iam::${state.accountId}:role${role.path}${role.name}`;
}

/** A customer managed policy's ARN names the account; an AWS managed one's names `aws`. */
export function policyArn(state: SandboxState, policy: {path: string; name: string}): string {
	const owner = isAwsManagedRecord(policy) ? 'aws' : state.accountId;
	return `arn:aws:iam::${owner}:policy${policy.path}${policy.name}`;
}

function isAwsManagedRecord(policy: {path: string; name: string}): boolean {
	return 'id' in policy && isAwsManaged(policy as ManagedPolicyRecord);
}

export function instanceProfileArn(state: SandboxState, profile: {path: string; name: string}): string {
	return `arn:aws:iam::${state.accountId}:instance-profile${profile.path}${profile.name}`;
}

/** IAM names are unique without regard to case: `MyRole` and `myrole` cannot both exist. */
export function findByName<T>(records: Record<string, T>, name: string): T | undefined {
	const exact = entry(records, name);
	if (exact !== undefined) return exact;
	const lower = name.toLowerCase();
	const key = Object.keys(records).find(candidate => candidate.toLowerCase() === lower);
	return key === undefined ? undefined : entry(records, key);
}

export function noSuchEntity(message: string): ServiceError {
	return new ServiceError('NoSuchEntity', 404, message);
}

export function roleNotFound(name: string): ServiceError {
	return noSuchEntity(`The role with name ${name} cannot be found.`);
}

export function instanceProfileNotFound(name: string): ServiceError {
	return noSuchEntity(`Instance Profile ${name} cannot be found.`);
}

export function policyNotFound(arn: string): ServiceError {
	return noSuchEntity(`Policy ${arn} was not found.`);
}

/** The parts of a managed policy ARN, or undefined when the text is no policy ARN at all. */
export function policyVersions(policy: ManagedPolicyRecord): PolicyVersionRecord[] {
	return policy.versions ?? [{versionId: 'v1', document: policy.document, createDate: policy.createDate}];
}

export function defaultVersionId(policy: ManagedPolicyRecord): string {
	return policy.defaultVersionId ?? 'v1';
}

export function attachmentCount(state: SandboxState, arn: string): number {
	return Object.values(state.iam.roles).filter(role => role.attachedPolicyArns.includes(arn)).length;
}

/** How many roles have the policy as their permissions boundary. */
export function boundaryUsageCount(state: SandboxState, arn: string): number {
	return Object.values(state.iam.roles).filter(role => role.permissionsBoundary === arn).length;
}

/** Documents travel URL-encoded in IAM's replies. */
export function encodeDocument(text: string): string {
	return encodeURIComponent(text);
}

export function tagXml(tag: Tag): XmlNode {
	return {Key: tag.key, Value: tag.value};
}

export function tagsXml(tags: Tag[]): XmlNode | string {
	return xmlList(tags.map(tagXml), 'member');
}

/** Role as IAM shows it; `detail` adds what only GetRole/CreateRole show (tags, last use). */
export function roleXml(state: SandboxState, role: RoleRecord, detail = false): XmlNode {
	return {
		Path: role.path,
		RoleName: role.name,
		RoleId: role.id,
		Arn: roleArn(state, role),
		CreateDate: role.createDate,
		AssumeRolePolicyDocument: encodeDocument(role.assumeRolePolicyDocument),
		Description: role.description === '' ? undefined : role.description,
		MaxSessionDuration: role.maxSessionDuration,
		PermissionsBoundary:
			detail && role.permissionsBoundary !== undefined ? {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: role.permissionsBoundary} : undefined,
		Tags: detail && role.tags.length > 0 ? tagsXml(role.tags) : undefined,
		RoleLastUsed: detail ? '' : undefined,
	};
}

export function policyXml(state: SandboxState, policy: ManagedPolicyRecord, detail = false): XmlNode {
	const arn = policyArn(state, policy);
	return {
		PolicyName: policy.name,
		PolicyId: policy.id,
		Arn: arn,
		Path: policy.path,
		DefaultVersionId: defaultVersionId(policy),
		AttachmentCount: attachmentCount(state, arn),
		PermissionsBoundaryUsageCount: boundaryUsageCount(state, arn),
		IsAttachable: true,
		Description: detail && policy.description !== '' ? policy.description : undefined,
		CreateDate: policy.createDate,
		UpdateDate: policy.updateDate,
		Tags: detail && policy.tags.length > 0 ? tagsXml(policy.tags) : undefined,
	};
}

export function policyVersionXml(policy: ManagedPolicyRecord, version: PolicyVersionRecord, withDocument = true): XmlNode {
	return {
		Document: withDocument ? encodeDocument(version.document) : undefined,
		VersionId: version.versionId,
		IsDefaultVersion: version.versionId === defaultVersionId(policy),
		CreateDate: version.createDate,
	};
}

export function instanceProfileXml(state: SandboxState, profile: InstanceProfileRecord, detail = false): XmlNode {
	const roles = profile.roleNames.map(name => entry(state.iam.roles, name)).filter((role): role is RoleRecord => role !== undefined);
	return {
		Path: profile.path,
		InstanceProfileName: profile.name,
		InstanceProfileId: profile.id,
		Arn: instanceProfileArn(state, profile),
		CreateDate: profile.createDate,
		Roles: xmlList(
			roles.map(role => roleXml(state, role)),
			'member',
		),
		Tags: detail && profile.tags.length > 0 ? tagsXml(profile.tags) : undefined,
	};
}

/** Every IAM list result: the page's items as the `member`s of `name`, then the paging tail. */
export function listXml<T>(name: string, page: Page<T>, itemXml: (item: T) => XmlValue): XmlNode {
	return {[name]: xmlList(page.items.map(itemXml), 'member'), IsTruncated: page.isTruncated, Marker: page.marker};
}
