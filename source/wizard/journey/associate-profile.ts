import {AwsFailure} from '../../aws/errors.js';
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
			create: () => onceEc2KnowsProfile(context, profile, () => ec2.associate(instanceId, profile)),
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

/**
 * EC2 refuses an instance profile IAM made moments ago ("Invalid IAM Instance Profile name")
 * until IAM's change has reached it, usually seconds: the call is made again, showing the wait,
 * for as long as the wait for new credentials may take; any other failure is the caller's.
 */
export async function onceEc2KnowsProfile<T>(context: StepContext, profile: string, call: () => Promise<T>): Promise<T> {
	const {options} = context;
	const deadline = context.now().getTime() + options.credentialWaitMs;
	for (;;) {
		try {
			return await call();
		} catch (error) {
			const unknownYet = error instanceof AwsFailure && error.kind === 'validation' && /Invalid IAM Instance Profile/i.test(error.message);
			const left = Math.round((deadline - context.now().getTime()) / 1000);
			if (!unknownYet || left <= 0) throw error;
			progress(context, `Waiting for EC2 to know the new instance profile ${profile} (up to ${left} s more)…`);
			await context.sleep(options.pollIntervalMs, options.signal);
		}
	}
}
