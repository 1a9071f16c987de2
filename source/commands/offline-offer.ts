import {AwsFailure} from '../aws/errors.js';
import type {Problem} from '../wizard/events.js';
import type {WizardHost} from '../wizard/host.js';
import {invocationName} from './invocation-name.js';
import {connectTarget, TargetError, type Connection, type TargetOptions} from './connect-target.js';

// A learner who types plain `ca-wizard` with no AWS credentials or region meets the problem
// before anything is made: at a terminal the offline journey on the embedded sandbox is
// offered (Enter takes it); without one, or with --yes, the target never changes silently:
// the run stops, naming --sandbox.

/** The question that takes the offline journey; no flag answers it: `--sandbox` is that answer. */
export const offlineQuestion = {
	kind: 'confirm',
	id: 'offline-journey',
	message: 'Walk the journey offline, on an embedded sandbox (no AWS account needed)?',
	default: true,
} as const;

/**
 * The connection for a real-AWS run, once AWS is known to answer this run's credentials in a
 * region; a sandbox target connects as it is. When AWS cannot be reached for want of them,
 * `offer` decides: 'ask' asks the person at the terminal, 'stop' stops with the problem.
 */
export async function connectOrOffline(
	options: TargetOptions,
	workDir: string,
	host: WizardHost,
	offer: 'ask' | 'stop',
): Promise<{connection: Connection; offline: boolean}> {
	if (options.target.kind !== 'aws') return {connection: await connectTarget(options, workDir), offline: false};
	const unusable = await awsUnusable(options, workDir);
	if ('connection' in unusable) return {connection: unusable.connection, offline: false};
	const {problem, configure} = unusable;
	const sandboxFix = `For the offline journey on an embedded sandbox (no AWS account needed), run ${invocationName()} --sandbox.`;
	const stop = new TargetError(problem.code, problem.message, [configure, sandboxFix].filter(Boolean).join(' '));
	if (offer === 'stop') throw stop;
	const offered = `${configure ? `${configure} Or` : 'Or'} walk the journey offline now, as ${invocationName()} --sandbox would: Enter.`;
	host.notify({type: 'problem', step: 'preflight', problem: {...problem, fix: offered}});
	if (!(await host.ask(offlineQuestion))) throw stop;
	const connection = await connectTarget({...options, target: {kind: 'sandbox'}}, workDir);
	host.notify({
		type: 'note',
		step: 'preflight',
		tone: 'info',
		message: 'The offline journey: every step runs against an embedded sandbox on this machine; nothing reaches AWS.',
	});
	return {connection, offline: true};
}

/** Connects and asks AWS who this is: the connection when it answers, the problem when credentials or a region are missing. */
async function awsUnusable(options: TargetOptions, workDir: string): Promise<{connection: Connection} | {problem: Problem; configure?: string}> {
	let connection: Connection;
	try {
		connection = await connectTarget(options, workDir);
	} catch (error) {
		if (error instanceof AwsFailure && error.code === 'RegionMissing') return noRegion(error);
		throw error;
	}
	try {
		await connection.aws.sts.getCallerIdentity();
	} catch (error) {
		if (error instanceof AwsFailure && ['no-credentials', 'invalid-credentials', 'expired-credentials'].includes(error.kind)) return noCredentials(error);
		// Anything else (the network, a refusal) is the journey's to explain, with the step it stops at.
	}
	return {connection};
}

/** The message says how to set a region; `configure` is the fix that stays in real AWS, when the message does not say it already. */
function noRegion(error: AwsFailure): {problem: Problem} {
	return {problem: {code: 'NoRegion', message: error.message}};
}

function noCredentials(error: AwsFailure): {problem: Problem; configure: string} {
	return {
		problem: {code: 'NoCredentials', message: `No usable AWS credentials were found, so ca-wizard cannot reach AWS (${error.message.replace(/\.$/, '')}).`},
		configure: 'Configure credentials (aws configure, AWS_PROFILE, or --profile NAME).',
	};
}
