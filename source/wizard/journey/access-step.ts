import {buildHostPolicy, ec2TrustPolicy, policyCovers, trustsEc2, type AccessTarget} from '../access-policy.js';
import {defaults} from '../name-rules.js';
import {goBack} from '../questions.js';
import type {StepContext, StepOutcome} from './context.js';
import {ask, create, needs, note, progress, reused, stop, stopOnAws, type Established} from './step-helpers.js';

type AccessFacts = Established<'identity' | 'domain' | 'domainOwner' | 'repository' | 'upstream'>;

function accessTarget(facts: AccessFacts, region: string, alsoRepositories: string[]): AccessTarget {
	const repositories = [...new Set([facts.repository, facts.upstream, ...alsoRepositories])];
	return {region, account: facts.identity.account, domain: facts.domain, domainOwner: facts.domainOwner, repositories};
}

/** One policy per domain, so a second run for another domain never takes the first one's access away. */
export function policyNameFor(domain: string): string {
	return `${defaults.policy}-${domain}`;
}

/** The repositories of `domain` an existing policy document already grants, to keep them when it is updated. */
function grantedRepositories(document: string, domain: string): string[] {
	const names = new Set<string>();
	for (const [, name] of document.matchAll(new RegExp(`:repository/${domain.replace(/[-]/g, '\\-')}/([A-Za-z0-9._\\-]+)`, 'g'))) if (name) names.add(name);
	return [...names];
}

/** Policy, role and instance profile for the build host; existing ones are reused when they fit. */
export async function accessStep(context: StepContext): Promise<StepOutcome> {
	const {aws} = context;
	const facts = needs(context, 'identity', 'domain', 'domainOwner', 'repository', 'upstream');
	const policyName = policyNameFor(facts.domain);
	const policyArn = `arn:aws:iam::${facts.identity.account}:policy/${policyName}`;
	const fail = (doing: string) => (error: unknown) => stopOnAws(error, 'AccessSetupFailed', doing);
	const existingPolicy = await aws.iam.getPolicy(policyArn).catch(fail('Looking up the policy'));
	const existing = existingPolicy && {
		defaultVersionId: existingPolicy.defaultVersionId,
		document: (await aws.iam.getPolicyDocument(policyArn).catch(fail('Reading the policy'))) ?? '',
	};
	const target = accessTarget(facts, aws.region, existing ? grantedRepositories(existing.document, facts.domain) : []);
	const policy = buildHostPolicy(target);
	context.host.notify({type: 'policy', step: context.step, name: policyName, document: policy.text, explanations: policy.explanations});
	const confirmed = await ask(context, {
		kind: 'confirm',
		id: 'create-access',
		message: `Create (or reuse) the policy ${policyName}, the role ${defaults.role} and the instance profile ${defaults.instanceProfile}?`,
		default: true,
		canGoBack: true,
	});
	if (confirmed === goBack) return 'back';
	if (!confirmed)
		stop({
			code: 'AccessDeclined',
			message: 'The build host needs these permissions to get a token.',
			fix: 'Run ca-wizard again and accept, or create an equivalent policy and role yourself.',
		});

	// Policy: reuse when its current document already allows everything the host needs; an
	// update keeps the repositories it granted before.
	if (!existing) {
		progress(context, `Creating policy ${policyName}…`);
		await create(
			context,
			{kind: 'iam-policy', name: policyName, arn: policyArn},
			() =>
				aws.iam
					.createPolicy(policyName, policy.text, `Lets a build host read the CodeArtifact repositories of ${facts.domain} (ca-wizard)`)
					.catch(fail('Creating the policy')),
			made => ({arn: made.arn}),
		);
	} else {
		const coverage = policyCovers(existing.document, target);
		if (coverage.covers) {
			await reused(context, {kind: 'iam-policy', name: policyName, arn: policyArn});
		} else {
			note(context, `${policyName} exists but does not allow: ${coverage.missing.join('; ')}. Adding a new default version.`, 'warning');
			// The version it replaces as the default: how a later run tells whether this update happened.
			await create(
				context,
				{
					kind: 'iam-policy',
					name: `${policyName} (new default version)`,
					arn: policyArn,
					details: {versionOf: policyArn, previousVersion: existing.defaultVersionId},
				},
				() => aws.iam.updatePolicyDocument(policyArn, policy.text).catch(fail('Updating the policy')),
			);
		}
	}
	facts.policyArn = policyArn;

	// Role: must trust EC2, or the instance could never wear it.
	const role = await aws.iam.getRole(defaults.role).catch(fail('Looking up the role'));
	if (role && !trustsEc2(role.assumeRolePolicyDocument)) {
		stop({
			code: 'RoleClash',
			message: `The role ${defaults.role} exists but does not trust ec2.amazonaws.com, so an EC2 instance cannot use it.`,
			fix: `Add ec2.amazonaws.com to its trust policy, or delete it and run ca-wizard again.`,
		});
	}
	if (role) {
		await reused(context, {kind: 'iam-role', name: role.name, arn: role.arn});
	} else {
		progress(context, `Creating role ${defaults.role}…`);
		await create(
			context,
			{kind: 'iam-role', name: defaults.role},
			() => aws.iam.createRole(defaults.role, ec2TrustPolicy(), 'Role for CodeArtifact build hosts (ca-wizard)').catch(fail('Creating the role')),
			made => ({arn: made.arn}),
		);
	}
	const attached = await aws.iam.listAttachedRolePolicies(defaults.role).catch(fail('Listing the role policies'));
	if (!attached.some(p => p.arn === policyArn)) {
		await create(context, {kind: 'role-policy-attachment', name: `${policyName} → ${defaults.role}`, details: {role: defaults.role, policyArn}}, () =>
			aws.iam.attachRolePolicy(defaults.role, policyArn).catch(fail('Attaching the policy')),
		);
	}
	facts.roleName = defaults.role;

	// Instance profile: the envelope through which an instance wears a role (one role at most).
	const profile = await aws.iam.getInstanceProfile(defaults.instanceProfile).catch(fail('Looking up the instance profile'));
	if (profile && profile.roleNames.some(name => name !== defaults.role)) {
		stop({
			code: 'InstanceProfileClash',
			message: `The instance profile ${defaults.instanceProfile} already holds the role ${profile.roleNames.join(', ')}; a profile holds one role.`,
			fix: `Remove that role from the profile, or delete the profile, and run ca-wizard again.`,
		});
	}
	if (profile) {
		await reused(context, {kind: 'instance-profile', name: profile.name, arn: profile.arn});
	} else {
		await create(
			context,
			{kind: 'instance-profile', name: defaults.instanceProfile},
			() => aws.iam.createInstanceProfile(defaults.instanceProfile).catch(fail('Creating the instance profile')),
			made => ({arn: made.arn}),
		);
	}
	if (!profile?.roleNames.includes(defaults.role)) {
		await create(
			context,
			{
				kind: 'instance-profile-role',
				name: `${defaults.role} in ${defaults.instanceProfile}`,
				details: {profile: defaults.instanceProfile, role: defaults.role},
			},
			() => aws.iam.addRoleToInstanceProfile(defaults.instanceProfile, defaults.role).catch(fail('Adding the role to the instance profile')),
		);
	}
	facts.instanceProfileName = defaults.instanceProfile;
	progress(context, 'Access for the build host is ready', true);
	return 'next';
}
