import {join, resolve} from 'node:path';
import process from 'node:process';
import type {WizardCommandOptions} from '../command-line.js';
import {AwsFailure} from '../aws/errors.js';
import {lockFolder} from '../files/folder-lock.js';
import {NoAnswerError} from '../host/answers.js';
import {withFlagAnswers} from '../host/flag-answers.js';
import {createJsonHost} from '../host/json-host.js';
import {createPlainHost} from '../host/plain-host.js';
import type {WizardHost} from '../wizard/host.js';
import type {JourneyResult} from '../wizard/journey/run-journey.js';
import type {Connection} from './connect-target.js';

/** Interactive only with a person at a terminal: pipes, CI and --json never wait for keys. */
export function canPrompt(options: WizardCommandOptions, env: NodeJS.ProcessEnv = process.env): boolean {
	return !options.json && Boolean(process.stdin.isTTY && process.stdout.isTTY) && env['CI'] !== 'true' && env['CI'] !== '1';
}

interface Session {
	host: WizardHost;
	signal: AbortSignal;
	/** Shows a failure that happened outside the journey (the target, the ledger), with its fix. */
	fail(message: string, fix?: string): void;
	/** Ends the session; `summary` is printed as plain lines after the screens are gone, ready to copy. */
	close(outcome: 'completed' | 'stopped' | 'cancelled', summary?: string[]): Promise<void>;
}

/** Mounts the screens (interactive) or a line host, before anything slow happens: the first frame comes first. */
async function openSession(options: WizardCommandOptions): Promise<Session> {
	const flags = {answers: options.answers, yes: options.yes};
	if (canPrompt(options)) {
		const [{createViewStore}, {createInkHost}, {renderApp, finishApp}] = await Promise.all([import('../host/view-store.js'), import('../host/ink-host.js'), import('../app.js')]);
		const store = createViewStore();
		const inkHost = createInkHost(store);
		const ink = renderApp({store, host: inkHost});
		let failure: string | undefined;
		return {
			host: withFlagAnswers(inkHost, flags),
			signal: inkHost.signal,
			// Written after the screens unmount: a frame drawn just before unmounting may never show.
			fail: (message, fix) => (failure = `ca-wizard: ${message}\n${fix ? `  fix: ${fix}\n` : ''}`),
			async close(outcome, summary) {
				await finishApp(ink, store, outcome); // the last frame says how the run ended, without key hints
				if (summary) process.stdout.write(`\n${summary.join('\n')}\n`);
				if (failure) process.stderr.write(failure);
			},
		};
	}
	const controller = new AbortController();
	const onSignal = () => controller.abort();
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const host = options.json ? createJsonHost({out: process.stdout, ...flags}) : createPlainHost({out: process.stdout, ...flags});
	return {
		host,
		signal: controller.signal,
		fail: (message, fix) =>
			options.json
				? process.stdout.write(`${JSON.stringify({type: 'error', message, ...(fix ? {fix} : {})})}\n`)
				: process.stderr.write(`ca-wizard: ${message}\n${fix ? `  fix: ${fix}\n` : ''}`),
		async close() {
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
		},
	};
}

export async function runWizardCommand(options: WizardCommandOptions): Promise<number> {
	const cwd = process.cwd();
	const workDir = resolve(options.workdir ?? join(cwd, 'ca-wizard-work'));
	const session = await openSession(options);
	// Everything else loads after the first frame is on screen: the journey, Maven, the XML parser.
	const [{connectTarget, TargetError}, {RunLedger}, {runJourney}, {journeyFiles, journeyTools, sleep}] = await Promise.all([
		import('./connect-target.js'),
		import('../wizard/ledger.js'),
		import('../wizard/journey/run-journey.js'),
		import('./journey-deps.js'),
	]);
	let connection: Connection | undefined;
	let releaseWorkDir: (() => void) | undefined;
	let outcome: 'completed' | 'stopped' | 'cancelled' = 'stopped';
	let summary: string[] | undefined;
	try {
		// Two runs on one folder would overwrite each other's ledger: one at a time.
		releaseWorkDir = lockFolder(workDir, {role: 'work folder', holder: 'another ca-wizard run', alternative: 'pass another folder with --workdir DIR'});
		connection = await connectTarget(options, workDir);
		const ledger = await RunLedger.open(join(workDir, 'ca-wizard-run.json'));
		const result: JourneyResult = await runJourney(
			{aws: connection.aws, host: session.host, tools: journeyTools, files: journeyFiles, ledger, sleep},
			{
				target: connection.kind,
				workDir,
				cwd,
				...(options.project ? {projectDir: resolve(options.project)} : {}),
				settingsPath: resolve(connection.settingsPath),
				// IAM changes take seconds to minutes to reach an EC2 instance; the sandbox's are instant.
				credentialWaitMs: connection.kind === 'sandbox' ? 15_000 : 180_000,
				pollIntervalMs: connection.kind === 'sandbox' ? 500 : 5_000,
				signal: session.signal,
				...(connection.restartHint ? {sandboxRestart: connection.restartHint} : {}),
			},
		);
		outcome = result.status;
		summary = result.facts.summary;
		return result.status === 'completed' ? 0 : result.status === 'cancelled' ? 130 : 1;
	} catch (error) {
		if (session.signal.aborted) {
			outcome = 'cancelled';
			return 130;
		}
		if (error instanceof NoAnswerError) {
			session.fail(error.message);
			return 2;
		}
		const known = error instanceof TargetError || error instanceof AwsFailure || (error instanceof Error && ['SandboxError', 'LedgerError', 'FolderInUseError'].includes(error.name));
		if (!known) throw error;
		session.fail((error as Error).message, (error as {fix?: string}).fix);
		return 1;
	} finally {
		// Plain and JSON hosts have printed the summary already; the screens' copy follows them.
		await session.close(outcome, canPrompt(options) ? summary : undefined);
		await connection?.close();
		releaseWorkDir?.();
	}
}
