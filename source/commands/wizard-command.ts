import {join, resolve} from 'node:path';
import process from 'node:process';
import type {WizardCommandOptions} from './wizard-options.js';
import {exitCodes} from '../errors.js';
import {lockFolder} from '../files/folder-lock.js';
import type {Summary} from '../wizard/events.js';
import type {JourneyResult} from '../wizard/journey/run-journey.js';
import type {Connection} from './connect-target.js';
import {canPrompt, openSession} from './session.js';
import {workDirNameFor} from './defaults.js';
import {destroyInvocation} from './destroy.js';
import {resourceNames} from '../wizard/resource-names.js';

export async function runWizardCommand(options: WizardCommandOptions): Promise<number> {
	const cwd = process.cwd();
	const workDir = resolve(options.workdir ?? join(cwd, workDirNameFor(options.participant)));
	const session = await openSession({json: options.json, flags: {answers: options.answers, yes: options.yes}});
	// Everything else loads after the first frame is on screen: the journey, Maven, the XML parser.
	const [{connectTarget}, {RunLedger, ledgerFileName}, {runJourney}, {journeyFiles, journeyTools, sleep}] = await Promise.all([
		import('./connect-target.js'),
		import('../wizard/ledger.js'),
		import('../wizard/journey/run-journey.js'),
		import('./journey-deps.js'),
	]);
	let connection: Connection | undefined;
	let releaseWorkDir: (() => void) | undefined;
	let outcome: 'completed' | 'stopped' | 'cancelled' = 'stopped';
	let summary: Summary | undefined;
	try {
		// Two runs on one folder would overwrite each other's ledger: one at a time.
		releaseWorkDir = lockFolder(workDir, {role: 'work folder', holder: 'another ca-wizard run', alternative: 'pass another folder with --workdir DIR'});
		connection = await connectTarget(options, workDir);
		const ledger = await RunLedger.open(join(workDir, ledgerFileName));
		ledger.claim(options.participant); // a folder holding another participant's run refuses, before any AWS call
		const result: JourneyResult = await runJourney(
			{aws: connection.aws, host: session.host, tools: journeyTools, files: journeyFiles, ledger, sleep},
			{
				target: connection.kind,
				workDir,
				cwd,
				...(options.project ? {projectDir: resolve(options.project)} : {}),
				settingsPath: resolve(connection.settingsPath),
				// IAM changes take seconds to minutes to reach an EC2 instance; the sandbox's are instant.
				names: resourceNames(options.participant),
				credentialWaitMs: connection.kind === 'sandbox' ? 15_000 : 180_000,
				pollIntervalMs: connection.kind === 'sandbox' ? 500 : 5_000,
				signal: session.signal,
				...(connection.restartHint ? {sandboxRestart: connection.restartHint} : {}),
				destroyCommand: destroyInvocation(options.target, workDir, cwd, options.participant),
			},
		);
		outcome = result.status;
		summary = result.facts.summary;
		return result.status === 'completed' ? exitCodes.done : result.status === 'cancelled' ? exitCodes.cancelled : exitCodes.failed;
	} catch (error) {
		if (session.signal.aborted) {
			outcome = 'cancelled';
			return exitCodes.cancelled;
		}
		return session.fail(error).exitCode;
	} finally {
		// Plain and JSON hosts have printed the summary already; the screens' copy follows them.
		await session.close(outcome, canPrompt({json: options.json}) ? summary : undefined);
		await connection?.close();
		releaseWorkDir?.();
	}
}
