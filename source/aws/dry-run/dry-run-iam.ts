import type {Ec2Api, IamApi, InstanceProfileInfo} from '../apis.js';
import type {ec2Calls, iamCalls, Writes} from './calls.js';
import {plannedId, type PlanOverlay} from './overlay.js';

type IamWrites = Pick<IamApi, Writes<typeof iamCalls>>;
type Ec2Writes = Pick<Ec2Api, Writes<typeof ec2Calls>>;

/** IAM with its changes planned, not made; reads of what was planned answer from the plan. */
export function dryRunIam(real: IamApi, overlay: PlanOverlay): IamApi {
	const plan = (operation: string, parameters: Record<string, string>) => overlay.plan('iam', operation, parameters);
	const arn = async (kind: 'role' | 'policy' | 'instance-profile', name: string) => `arn:aws:iam::${await overlay.account()}:${kind}/${name}`;
	const getInstanceProfile = async (name: string) => overlay.instanceProfiles.get(name) ?? real.getInstanceProfile(name);
	const withProfile = async (name: string, edit: (profile: InstanceProfileInfo) => InstanceProfileInfo) => {
		const profile = await getInstanceProfile(name);
		if (profile) overlay.instanceProfiles.set(name, edit(profile));
	};
	const attached = (role: string) => overlay.attachments.get(role) ?? [];

	const writes: IamWrites = {
		async createRole(name, trustPolicy, _description, tags) {
			plan('CreateRole', {roleName: name});
			const role = {name, arn: await arn('role', name), assumeRolePolicyDocument: trustPolicy};
			overlay.roles.set(name, role);
			overlay.tags.set(role.arn, {...tags});
			return role;
		},
		async deleteRole(name) {
			plan('DeleteRole', {roleName: name});
			overlay.roles.delete(name);
		},
		async createPolicy(name, document, _description, tags) {
			plan('CreatePolicy', {policyName: name});
			const info = {name, arn: await arn('policy', name), defaultVersionId: 'v1'};
			overlay.policies.set(info.arn, {info, document});
			overlay.tags.set(info.arn, {...tags});
			return info;
		},
		async updatePolicyDocument(policyArn, document) {
			plan('CreatePolicyVersion', {policyArn, setAsDefault: 'true'});
			const info = overlay.policies.get(policyArn)?.info ?? (await real.getPolicy(policyArn));
			if (info) overlay.policies.set(policyArn, {info: {...info, defaultVersionId: `${info.defaultVersionId}+1`}, document});
		},
		async restorePolicyVersion(policyArn, versionId) {
			plan('SetDefaultPolicyVersion', {policyArn, versionId});
			overlay.policies.delete(policyArn);
		},
		async deletePolicy(policyArn) {
			plan('DeletePolicy', {policyArn});
			overlay.policies.delete(policyArn);
		},
		async attachRolePolicy(roleName, policyArn) {
			plan('AttachRolePolicy', {roleName, policyArn});
			overlay.attachments.set(roleName, [...new Set([...attached(roleName), policyArn])]);
		},
		async detachRolePolicy(roleName, policyArn) {
			plan('DetachRolePolicy', {roleName, policyArn});
			overlay.attachments.set(
				roleName,
				attached(roleName).filter(one => one !== policyArn),
			);
		},
		async createInstanceProfile(name, tags) {
			plan('CreateInstanceProfile', {instanceProfileName: name});
			const profile = {name, arn: await arn('instance-profile', name), id: plannedId('AIPA', name), roleNames: []};
			overlay.instanceProfiles.set(name, profile);
			overlay.tags.set(profile.arn, {...tags});
			return profile;
		},
		async deleteInstanceProfile(name) {
			plan('DeleteInstanceProfile', {instanceProfileName: name});
			overlay.instanceProfiles.delete(name);
		},
		async addRoleToInstanceProfile(profileName, roleName) {
			plan('AddRoleToInstanceProfile', {instanceProfileName: profileName, roleName});
			await withProfile(profileName, profile => ({...profile, roleNames: [...new Set([...profile.roleNames, roleName])]}));
		},
		async removeRoleFromInstanceProfile(profileName, roleName) {
			plan('RemoveRoleFromInstanceProfile', {instanceProfileName: profileName, roleName});
			await withProfile(profileName, profile => ({...profile, roleNames: profile.roleNames.filter(name => name !== roleName)}));
		},
	};

	const tagsOf = async (resourceArn: string, read: () => Promise<Record<string, string>>) => overlay.tags.get(resourceArn) ?? read();
	return {
		...writes,
		getRole: async name => overlay.roles.get(name) ?? real.getRole(name),
		listRoleTags: async name => tagsOf(await arn('role', name), () => real.listRoleTags(name)),
		getPolicy: async policyArn => overlay.policies.get(policyArn)?.info ?? real.getPolicy(policyArn),
		getPolicyDocument: async policyArn => overlay.policies.get(policyArn)?.document ?? real.getPolicyDocument(policyArn),
		listPolicyTags: policyArn => tagsOf(policyArn, () => real.listPolicyTags(policyArn)),
		async listAttachedRolePolicies(roleName) {
			const found = overlay.roles.has(roleName) ? [] : await real.listAttachedRolePolicies(roleName);
			const added = attached(roleName)
				.filter(policyArn => !found.some(policy => policy.arn === policyArn))
				.map(policyArn => ({name: policyArn.slice(policyArn.lastIndexOf('/') + 1), arn: policyArn}));
			return [...found, ...added];
		},
		// The account-wide lists serve destroy and list, never a journey: what is there.
		listRoles: () => real.listRoles(),
		listLocalPolicies: () => real.listLocalPolicies(),
		listPolicyRoles: policyArn => real.listPolicyRoles(policyArn),
		listInstanceProfiles: () => real.listInstanceProfiles(),
		// A role planned here has no inline policies yet.
		listRolePolicies: async roleName => (overlay.roles.has(roleName) ? [] : real.listRolePolicies(roleName)),
		getRolePolicy: async (roleName, policyName) => (overlay.roles.has(roleName) ? undefined : real.getRolePolicy(roleName, policyName)),
		getInstanceProfile,
		getInstanceProfileByArn: async profileArn =>
			[...overlay.instanceProfiles.values()].find(profile => profile.arn === profileArn) ?? real.getInstanceProfileByArn(profileArn),
		listInstanceProfileTags: async name => tagsOf(await arn('instance-profile', name), () => real.listInstanceProfileTags(name)),
	};
}

/** EC2's profile associations planned, not made. */
export function dryRunEc2(real: Ec2Api, overlay: PlanOverlay): Ec2Api {
	const plan = (operation: string, parameters: Record<string, string>) => overlay.plan('ec2', operation, parameters);
	const planAssociation = async (instanceId: string, instanceProfileName: string) => {
		const association = {
			associationId: plannedId('iip-assoc-', instanceId).toLowerCase(),
			instanceId,
			instanceProfileArn: `arn:aws:iam::${await overlay.account()}:instance-profile/${instanceProfileName}`,
			state: 'associating',
		};
		overlay.associations.set(instanceId, association);
		return association;
	};
	/** Which instance an association is on: the planned ones, and the real ones read before. */
	const seen = new Map<string, string>();
	const instanceOf = (associationId: string) =>
		[...overlay.associations.values()].find(one => one.associationId === associationId)?.instanceId ?? seen.get(associationId);
	const writes: Ec2Writes = {
		async associate(instanceId, instanceProfileName) {
			plan('AssociateIamInstanceProfile', {instanceId, instanceProfile: instanceProfileName});
			return planAssociation(instanceId, instanceProfileName);
		},
		async replace(associationId, instanceProfileName) {
			plan('ReplaceIamInstanceProfileAssociation', {associationId, instanceProfile: instanceProfileName});
			return planAssociation(instanceOf(associationId) ?? associationId, instanceProfileName);
		},
		async disassociate(associationId) {
			plan('DisassociateIamInstanceProfile', {associationId});
			const instanceId = instanceOf(associationId);
			if (instanceId) overlay.associations.delete(instanceId);
		},
	};
	return {
		...writes,
		async currentAssociation(instanceId) {
			const planned = overlay.associations.get(instanceId);
			if (planned) return planned;
			const found = await real.currentAssociation(instanceId);
			if (found) seen.set(found.associationId, instanceId);
			return found;
		},
		currentAssociations: () => real.currentAssociations(),
		// The profiles planned for an instance show as its own, as a real run would leave them.
		async listInstances() {
			return (await real.listInstances()).map(instance => {
				const planned = overlay.associations.get(instance.instanceId);
				return planned ? {...instance, instanceProfileArn: planned.instanceProfileArn} : instance;
			});
		},
	};
}
