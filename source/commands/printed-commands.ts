import type {JourneyOptions} from '../wizard/journey/context.js';
import type {Target} from './connect-target.js';
import {destroyInvocation} from './destroy.js';
import {awsCliFlags, hostCommandFlags, restartedSandbox, targetWords} from './host-invocation.js';
import {resolve} from 'node:path';
import {shellQuote} from '../text/shell-quote.js';

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

/**
 * The wizard line that resumes a run that ended early, pasted in any folder: its participant,
 * work folder, target, and the files and domain owner it was pointed at (a resumed run without
 * --settings would merge into another settings.xml).
 */
export function resumeInvocation(
	target: Target,
	run: {workDir: string; participant?: string; region: string; cliName: string; settings?: string; project?: string; domainOwner?: string},
): string {
	const printed: Target = target.kind === 'aws' ? {...target, region: run.region} : target;
	const words = [run.cliName];
	if (run.participant !== undefined) words.push(`--participant ${run.participant}`); // the rule leaves nothing to quote
	words.push(`--workdir ${shellQuote(resolve(run.workDir))}`, ...targetWords(printed, '--sandbox'));
	if (run.settings !== undefined) words.push(`--settings ${shellQuote(resolve(run.settings))}`);
	if (run.project !== undefined) words.push(`--project ${shellQuote(resolve(run.project))}`);
	if (run.domainOwner !== undefined) words.push(`--domain-owner ${shellQuote(run.domainOwner)}`);
	return words.join(' ');
}
