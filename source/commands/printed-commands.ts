import type {JourneyOptions} from '../wizard/journey/context.js';
import type {Target} from './connect-target.js';
import {destroyInvocation} from './destroy.js';
import {awsCliFlags, hostCommandFlags, restartedSandbox} from './host-invocation.js';

/**
 * What the commands a wizard run prints for pasting are made of, so that they work when pasted:
 * the run's name for ca-wizard (`npx ca-wizard` where it is not installed), its work folder,
 * participant and target — with the region the run really used, so a shell without AWS_REGION
 * reaches the same one.
 */
export function printedCommandOptions(
	target: Target,
	run: {workDir: string; participant?: string; region: string; cliName: string},
): Required<Pick<JourneyOptions, 'destroyCommand' | 'summaryDestroyCommand' | 'hostCommandFlags' | 'cliName' | 'awsCliFlags'>> {
	const printed: Target = target.kind === 'aws' ? {...target, region: run.region} : target;
	return {
		destroyCommand: destroyInvocation(printed, run.workDir, run.participant, run.cliName),
		// Beside exec and token, after the summary's restart lines: the restarted sandbox holds the data folder, so --sandbox would fail.
		summaryDestroyCommand: destroyInvocation(printed, run.workDir, run.participant, run.cliName, restartedSandbox),
		hostCommandFlags: hostCommandFlags(printed, run.workDir),
		cliName: run.cliName,
		awsCliFlags: awsCliFlags(printed, run.region),
	};
}
