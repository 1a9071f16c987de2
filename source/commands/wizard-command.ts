import {join, resolve} from 'node:path';
import process from 'node:process';
import type {WizardCommandOptions} from './wizard-options.js';
import {exitCodes} from '../errors.js';
import {lockFolder} from '../files/folder-lock.js';
import {planText} from '../wizard/plan.js';
import {summaryText} from '../wizard/summary-lines.js';
import type {JourneyResult} from '../wizard/journey/run-journey.js';
import type {Connection, Target} from './connect-target.js';
import {canPrompt, type Session} from './session.js';
import {workDirNameFor} from './defaults.js';
import {destroyInvocation} from './destroy.js';
import {printedCommandOptions, resumeInvocation} from './printed-commands.js';
import {invocationName} from './invocation-name.js';
import {resourceNames} from '../wizard/resource-names.js';
import type {RunEnding} from '../wizard/run-result.js';
import type {Left} from '../wizard/view-state.js';
import {runLogFileName} from '../report/run-log.js';
import {shellQuote} from '../text/shell-quote.js';
import {openRunLog} from '../files/run-log-file.js';
import {reportPathProblem} from '../files/report-file.js';
import {withRunLog, type LoggedHost} from './run-log-host.js';
import {sandboxDelays, type SandboxDelays} from '../sandbox/consistency.js';

/** Runs the journey in a session the caller opened first, so that its first frame waits for none of this. */
export async function runWizardCommand(options: WizardCommandOptions, session: Session): Promise<number> {
	const cwd = process.cwd();
	const cliName = invocationName();
	const participant = options.participant === undefined ? {} : {participant: options.participant};
	const workDir = resolve(options.workdir ?? join(cwd, workDirNameFor(options.participant)));
	// Everything else loads after the first frame is on screen: the journey, Maven, the XML parser.
	const [{connectOrOffline}, {RunLedger, ledgerFileName}, {runJourney}, {journeyFiles, journeyTools, sleep, now}] = await Promise.all([
		import('./offline-offer.js'),
		import('../wizard/ledger.js'),
		import('../wizard/journey/run-journey.js'),
		import('./journey-deps.js'),
	]);
	const tools = journeyTools();
	// Before connecting: the preflight waits for these more than for anything else.
	tools.startVersionChecks();
	let connection: Connection | undefined;
	let target = options.target;
	let releaseWorkDir: (() => void) | undefined;
	// How the run ended, decided once: the --json result event and the process's exit code both read it.
	const ending: RunEnding = {outcome: 'stopped', exitCode: exitCodes.failed};
	let after: string[] | undefined;
	let journeyRan = false;
	// A run that ends early: how to resume it and, when it created something, undo it — printed below the screens, where nothing drops them.
	let leftover: {left: Left; lines: string[]} | undefined;
	let ledger: Recorded | undefined;
	const resume = () => ({
		resume: resumeInvocation(target, {workDir, ...participant, region: connection?.aws.region ?? '', cliName, ...resumedFiles(options)}),
		destroy: destroyInvocation(target, workDir, options.participant, cliName),
	});
	// Every event of a real run goes to the work folder's run log too: the write-up is made from it.
	let logged: LoggedHost | undefined;
	try {
		// --report's folder is checked before anything else happens: a run is not made to find out at its end.
		const reportProblem = options.report ? reportPathProblem(options.report.path) : undefined;
		if (reportProblem) throw reportProblem;
		// Two runs on one folder would overwrite each other's ledger: one at a time. A dry run writes none.
		if (!options.dryRun)
			releaseWorkDir = lockFolder(workDir, {role: 'work folder', holder: 'another ca-wizard run', alternative: 'pass another folder with --workdir DIR'});
		// At a terminal, a run that cannot reach AWS for want of credentials or a region is offered the offline journey.
		const reached = await connectOrOffline(options, workDir, session.host, canPrompt({json: options.json}) && !options.yes ? 'ask' : 'stop');
		connection = reached.connection;
		if (reached.offline) target = {kind: 'sandbox'};
		if (!options.dryRun) logged = withRunLog(session.host, openRunLog(join(workDir, runLogFileName)), target.kind);
		const runLedger = await RunLedger.open(join(workDir, ledgerFileName));
		ledger = runLedger;
		const real = {aws: connection.aws, host: logged?.host ?? session.host, files: journeyFiles, ledger: runLedger};
		real.ledger.claim(options.participant); // a folder holding another participant's run refuses, before any AWS call
		const dryRun = options.dryRun ? await (await import('./dry-run-deps.js')).dryRunDeps(connection, real) : undefined;
		journeyRan = true; // from here on the journey itself says how to undo (run-journey.ts)
		const result: JourneyResult = await runJourney(
			{...real, ...dryRun?.deps, tools, sleep, now},
			{
				target: connection.kind,
				workDir,
				cwd,
				...(options.project ? {projectDir: resolve(options.project)} : {}),
				settingsPath: resolve(connection.settingsPath),
				names: resourceNames(options.participant),
				...(options.domainOwner ? {domainOwner: options.domainOwner} : {}),
				// IAM changes take seconds to minutes to reach an EC2 instance; the sandbox's are instant, or as late as its delays say.
				credentialWaitMs: connection.kind === 'sandbox' ? 15_000 + credentialsDelayMs(target) : 180_000,
				// AWS lists a package fetched from an upstream up to about three minutes later: a minute's wait, then a note says how to look later.
				listingWaitMs: connection.kind === 'sandbox' ? 15_000 + embeddedDelays(target).listingMs : 60_000,
				pollIntervalMs: connection.kind === 'sandbox' ? 500 : 5_000,
				signal: session.signal,
				...(connection.restartCommands ? {sandboxRestart: connection.restartCommands} : {}),
				...printedCommandOptions(target, {workDir, ...participant, region: connection.aws.region, cliName}),
				...(dryRun ? {dryRun: dryRun.recorder} : {}),
				...(connection.mavenCentralSource ? {mavenCentralSource: connection.mavenCentralSource} : {}),
			},
		);
		ending.outcome = result.status;
		if (dryRun) {
			// A dry run that stopped early shows what it planned until then (the summary step shows a finished one's).
			const plan = result.status === 'completed' ? dryRun.recorder.plan : {...dryRun.recorder.plan, stopped: true as const};
			if (plan.stopped) session.host.notify({type: 'plan', plan});
			after = planText(plan);
		} else if (result.facts.summary) after = summaryText(result.facts.summary);
		else if (result.status !== 'completed') leftover = endedEarly(real.ledger, resume());
		ending.exitCode = result.status === 'completed' ? exitCodes.done : result.status === 'cancelled' ? exitCodes.cancelled : exitCodes.failed;
	} catch (error) {
		// Ended before the journey began (the folder in use, no connection): an earlier run's resources are still there to undo.
		if (journeyRan && ledger && !options.dryRun) leftover = endedEarly(ledger, resume());
		else if (!journeyRan) leftover = await tellEarlierUndo(session.host, workDir, destroyInvocation(target, workDir, options.participant, cliName));
		if (session.signal.aborted) {
			ending.outcome = 'cancelled';
			ending.exitCode = exitCodes.cancelled;
		} else {
			const failure = session.fail(error);
			logged?.failed(failure);
			ending.exitCode = failure.exitCode;
		}
	} finally {
		const writeUp = logged ? await endRunLog(logged, ending, workDir, options, session, cliName) : undefined;
		// Plain and JSON hosts have printed the summary already; the screens' copy follows them.
		const interactive = canPrompt({json: options.json});
		const below = [...(after ?? []), ...(leftover?.lines ?? []), ...(writeUp ? ['', writeUp] : [])];
		await session.close(ending, interactive && below.length > 0 ? below : undefined, leftover?.left);
		if (writeUp && !interactive && !options.json) process.stdout.write(`${writeUp}\n`); // --json ends with its result event
		await connection?.close();
		releaseWorkDir?.();
	}
	return ending.exitCode;
}

/**
 * Closes the run log with how the run ended, then writes --report's write-up from it (also for a
 * run that stopped). Returns the line that says where the write-up is, or how to get one.
 */
async function endRunLog(
	logged: LoggedHost,
	ending: RunEnding,
	workDir: string,
	options: WizardCommandOptions,
	session: Session,
	cliName: string,
): Promise<string> {
	logged.end(ending);
	const logPath = join(workDir, runLogFileName);
	const again = `${cliName} report --workdir ${shellQuote(resolve(workDir))}`; // pasted in any folder, it finds this run's log
	if (!options.report) return `A Markdown write-up of this run: ${again} --out ca-wizard-report.md`;
	try {
		const {reportFromLog, writeReport} = await import('../files/report-file.js');
		writeReport(options.report.path, await reportFromLog(logPath, {showAccount: options.report.showAccount}));
		return `The write-up of this run: ${resolve(options.report.path)}`;
	} catch (error) {
		ending.exitCode = session.fail(error).exitCode;
		return `The write-up was not written; ${again} --out ${shellQuote(options.report.path)} tries again.`;
	}
}

/** A journey that ended early: what it leaves, and the lines that resume it and (when it created something) undo it. */
function endedEarly(ledger: Recorded, {resume, destroy}: {resume: string; destroy: string}): {left: Left; lines: string[]} {
	const created = ledger.resources.length > 0 || ledger.pending.length > 0;
	return {left: created ? 'created' : 'nothing', lines: [`To resume: ${resume}`, ...(created ? [undoLine(destroy)] : [])]};
}

/** The files and owner a resumed run must be pointed at again, as this one was. */
function resumedFiles(options: WizardCommandOptions): {settings?: string; project?: string; domainOwner?: string} {
	return {
		...(options.settings ? {settings: options.settings} : {}),
		...(options.project ? {project: options.project} : {}),
		...(options.domainOwner ? {domainOwner: options.domainOwner} : {}),
	};
}

/** What a run record holds, as far as saying whether anything was made. */
type Recorded = {resources: readonly unknown[]; pending: readonly unknown[]};

const undoLine = (destroy: string) => `To undo what ca-wizard created here: ${destroy}`;

/** When the work folder's record lists what an earlier run made, how to take it back; a record that cannot be read says nothing here. */
async function tellEarlierUndo(host: Session['host'], workDir: string, command: string): Promise<{left: Left; lines: string[]} | undefined> {
	const {RunLedger, ledgerFileName} = await import('../wizard/ledger.js');
	const ledger = await RunLedger.open(join(workDir, ledgerFileName)).catch(() => undefined);
	if (!ledger || (ledger.resources.length === 0 && ledger.pending.length === 0)) return undefined;
	host.notify({type: 'note', step: 'preflight', tone: 'info', message: undoLine(command)});
	return {left: 'unsaid', lines: [undoLine(command)]}; // it ended before the journey: its problem says what to do first
}

/** An embedded sandbox's delays (--consistency, --iam-delay, --listing-lag); a running one's are its own business. */
function embeddedDelays(target: Target): SandboxDelays {
	return sandboxDelays(target.kind === 'sandbox' ? target : {});
}

/** How late an embedded sandbox's build host has the credentials a fix gives it. */
function credentialsDelayMs(target: Target): number {
	const delays = embeddedDelays(target);
	return delays.iamMs + delays.credentialsMs;
}
