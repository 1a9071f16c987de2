// The wizard's own role and instance profile, for a host that wears no role the policy could
// be attached to: made only when the token check's chosen fix associates a profile, never
// up front (a host with a role of its own gets the policy on that role and needs neither).

import {ec2TrustPolicy, trustsEc2} from '../access-policy.js';
import type {StepContext} from './context.js';
import {attachPolicy} from './attach-policy.js';
import {createOrAdopt, ourTags} from './create-or-adopt.js';
import {progress, reused, stop, stopOnAws} from './step-helpers.js';

/** Role (trusted by EC2, holding `policyArn`) inside the instance profile; existing ones are reused when they fit. Returns the profile's name. */
export async function ensureWizardProfile(context: StepContext, policyArn: string): Promise<string> {
	const {iam} = context.aws;
	const {role, instanceProfile: profileName} = context.options.names;
	const fail = (doing: string) => (error: unknown) => stopOnAws(error, 'AccessSetupFailed', doing);

	// Role: must trust EC2, or the instance could never wear it.
	const roleClash = {
		code: 'RoleClash',
		message: `The role ${role} exists but does not trust ec2.amazonaws.com, so an EC2 instance cannot use it.`,
		fix: `Add ec2.amazonaws.com to its trust policy, or delete it and run ca-wizard again.`,
	};
	const existingRole = await iam.getRole(role).catch(fail('Looking up the role'));
	if (existingRole && !trustsEc2(existingRole.assumeRolePolicyDocument)) stop(roleClash);
	if (existingRole) {
		await reused(context, {kind: 'iam-role', name: existingRole.name, arn: existingRole.arn});
	} else {
		progress(context, `Creating role ${role}…`);
		await createOrAdopt(
			context,
			{kind: 'iam-role', name: role},
			{
				create: () => iam.createRole(role, ec2TrustPolicy(), 'Role for CodeArtifact build hosts (ca-wizard)', ourTags(context)),
				made: made => ({arn: made.arn}),
				find: () => iam.getRole(role),
				clash: found => (trustsEc2(found.assumeRolePolicyDocument) ? undefined : roleClash),
				tags: () => iam.listRoleTags(role),
				code: 'AccessSetupFailed',
				doing: 'Creating the role',
			},
		);
	}
	await attachPolicy(context, role, policyArn, 'AccessSetupFailed');

	// Instance profile: the envelope through which an instance wears a role (one role at most).
	const profileClash = (roleNames: string[]) => ({
		code: 'InstanceProfileClash',
		message: `The instance profile ${profileName} already holds the role ${roleNames.join(', ')}; a profile holds one role.`,
		fix: `Remove that role from the profile, or delete the profile, and run ca-wizard again.`,
	});
	const holdsOnlyOurs = (roleNames: string[]) => (roleNames.some(name => name !== role) ? profileClash(roleNames) : undefined);
	let profile = await iam.getInstanceProfile(profileName).catch(fail('Looking up the instance profile'));
	if (profile) {
		const problem = holdsOnlyOurs(profile.roleNames);
		if (problem) stop(problem);
		await reused(context, {kind: 'instance-profile', name: profile.name, arn: profile.arn});
	} else {
		profile = await createOrAdopt(
			context,
			{kind: 'instance-profile', name: profileName},
			{
				create: () => iam.createInstanceProfile(profileName, ourTags(context)),
				made: made => ({arn: made.arn}),
				find: () => iam.getInstanceProfile(profileName),
				clash: found => holdsOnlyOurs(found.roleNames),
				tags: () => iam.listInstanceProfileTags(profileName),
				code: 'AccessSetupFailed',
				doing: 'Creating the instance profile',
			},
		);
	}
	if (!profile.roleNames.includes(role)) {
		// A concurrent run may put the role in first: IAM then answers LimitExceeded (one role per profile).
		await createOrAdopt(
			context,
			{kind: 'instance-profile-role', name: `${role} in ${profileName}`, details: {profile: profileName, role}},
			{
				create: () => iam.addRoleToInstanceProfile(profileName, role).then(() => profileName),
				made: () => ({}),
				find: async () => ((await iam.getInstanceProfile(profileName))?.roleNames.includes(role) ? profileName : undefined),
				alsoExists: error => error.code === 'LimitExceeded' || error.code === 'LimitExceededException',
				code: 'AccessSetupFailed',
				doing: 'Adding the role to the instance profile',
			},
		);
	}
	context.facts.roleName = role;
	context.facts.instanceProfileName = profileName;
	return profileName;
}
