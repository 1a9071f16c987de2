import {profileName} from '../triage-fixes.js';
import type {StepContext} from './context.js';
import {createOrAdopt} from './create-or-adopt.js';
import {progress} from './step-helpers.js';

/**
 * Associates the wizard's instance profile with an instance that has none. Another run may
 * associate it first (IncorrectState): the profile is then the one wanted, or a clash.
 */
export async function associateProfile(context: StepContext, instanceId: string, profile: string): Promise<void> {
	const {ec2} = context.aws;
	progress(context, `Associating ${profile} with ${instanceId}…`);
	await createOrAdopt(
		context,
		{kind: 'instance-profile-association', name: `${profile} on ${instanceId}`, details: {instanceId, profile}},
		{
			create: () => ec2.associate(instanceId, profile),
			made: made => ({details: {associationId: made.associationId}}),
			find: () => ec2.currentAssociation(instanceId),
			clash: found =>
				profileName(found.instanceProfileArn) === profile
					? undefined
					: {
							code: 'AssociationClash',
							message: `${instanceId} was given the instance profile ${found.instanceProfileArn} while this run was associating ${profile}.`,
							fix: 'Run ca-wizard again: the token check then offers to replace it.',
						},
			code: 'FixFailed',
			doing: 'Associating the instance profile',
		},
	);
}
