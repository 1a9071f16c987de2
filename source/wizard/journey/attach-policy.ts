import type {StepContext} from './context.js';
import {create, progress, reused, stopOnAws} from './step-helpers.js';

/**
 * Attaches `policyArn` to `role` unless it already is. IAM accepts a second attachment without
 * complaint, so looking first is how a run tells an attachment another run made (reused, never
 * undone by this one) from its own.
 */
export async function attachPolicy(context: StepContext, role: string, policyArn: string, code: string): Promise<void> {
	const {iam} = context.aws;
	const fail = (doing: string) => (error: unknown) => stopOnAws(error, code, doing);
	const policyName = policyArn.slice(policyArn.lastIndexOf('/') + 1);
	const attachment = {kind: 'role-policy-attachment' as const, name: `${policyName} → ${role}`, details: {role, policyArn}};
	const attached = await iam.listAttachedRolePolicies(role).catch(fail(`Listing the policies of ${role}`));
	if (attached.some(policy => policy.arn === policyArn)) {
		await reused(context, attachment);
		return;
	}
	progress(context, `Attaching ${policyName} to the role ${role}…`);
	await create(context, attachment, () => iam.attachRolePolicy(role, policyArn).catch(fail(`Attaching the policy to ${role}`)));
}
