import type {SandboxContext} from '../context.js';
import {currentAssociation} from '../ec2/shapes.js';
import {findByName, instanceProfileArn} from '../iam/shapes.js';
import {entry, type RoleRecord} from '../state.js';
import {evaluateTrust} from '../../iam-policy/trust.js';
import {instanceSession} from './credentials.js';

/** A directory lists its entries (sub-directories with a trailing slash); a leaf is text, or 404 when it yields undefined. */
export type MetadataNode = {[name: string]: MetadataNode} | (() => string | undefined);

export const ec2Service = 'ec2.amazonaws.com';

/** EC2 vends a role's credentials only if the role's trust policy lets EC2 sts:AssumeRole it. */
export function trustsEc2(role: RoleRecord): boolean {
	return evaluateTrust(role.assumeRolePolicyDocument, {service: ec2Service}) === 'Allow';
}

/**
 * `iam/` exists only while the instance has a profile; `security-credentials/` only while that
 * has a role. A role that does not trust EC2 gets EC2's own answer: a Code other than Success,
 * a Message, and no keys (no session is issued).
 */
export function iamNode(context: SandboxContext, instanceId: string): MetadataNode | undefined {
	// The profile and role as they have propagated (--iam-delay): a new association hands out nothing until then.
	const state = context.effective();
	const association = currentAssociation(state, instanceId);
	const profile = association && findByName(state.iam.instanceProfiles, association.instanceProfileName);
	if (!association || !profile) return undefined;
	const roleName = profile.roleNames.find(name => entry(state.iam.roles, name) !== undefined);
	const role = roleName === undefined ? undefined : entry(state.iam.roles, roleName);
	const lastUpdated = () =>
		Object.values(state.sessions)
			.filter(session => session.associationId === association.associationId)
			.map(session => session.issued)
			.sort()
			.at(-1) ?? association.timestamp;
	const refused = () =>
		role && !trustsEc2(role)
			? json({
					Code: 'AssumeRoleUnauthorizedAccess',
					Message: `EC2 cannot assume the role ${role.name}.  Please see documentation at https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html#troubleshoot_iam-ec2_errors-info-doc.`,
					LastUpdated: lastUpdated(),
				})
			: undefined;
	const credentials = (assumed: RoleRecord) => () => {
		const refusal = refused();
		if (refusal) return refusal;
		const {session, issued} = instanceSession(state, association, assumed, context.now());
		if (issued) context.store.commit({packagesUnchanged: true});
		return json({
			Code: 'Success',
			LastUpdated: session.issued,
			Type: 'AWS-HMAC',
			AccessKeyId: session.accessKeyId,
			SecretAccessKey: session.secretAccessKey,
			Token: session.sessionToken,
			Expiration: session.expiration,
		});
	};
	return {
		info: () =>
			refused() ?? json({Code: 'Success', LastUpdated: lastUpdated(), InstanceProfileArn: instanceProfileArn(state, profile), InstanceProfileId: profile.id}),
		...(role && context.credentialsArrived(association.associationId) ? {'security-credentials': {[role.name]: credentials(role)}} : {}),
	};
}

export function json(value: unknown): string {
	return JSON.stringify(value, null, 2);
}
