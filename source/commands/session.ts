import process from 'node:process';
import {describeFailure, failureEvent, failureLines, type Failure} from '../errors.js';
import type {FlagAnswers} from '../host/answers.js';
import {withFlagAnswers} from '../host/flag-answers.js';
import {loadScreens} from '../host/production-react.js';
import {createJsonHost} from '../host/json-host.js';
import {createPlainHost} from '../host/plain-host.js';
import type {WizardHost} from '../wizard/host.js';
import {createRunTracker, type RunEnding} from '../wizard/run-result.js';
import type {Left} from '../wizard/view-state.js';
import {plainJsonLine} from '../text/plain-text.js';

// What any command that talks to the user opens: the Ink screens at a terminal, plain or JSON
// lines otherwise; the signals that cancel; and the one way a failure is shown in each.

export interface SessionOptions {
	json: boolean;
	/** Flag answers and --yes: they answer questions on every host, the interactive one included. */
	flags: FlagAnswers;
}

export interface Session {
	host: WizardHost;
	/** Aborted by q or Ctrl-C (without a terminal, SIGTERM ends the process at once). */
	signal: AbortSignal;
	/** Shows a failure that happened outside the host's own events, with its fix; returns it. */
	fail(error: unknown): Failure;
	/**
	 * Ends the session, however the run ended: with --json the stream's last line is the `result`
	 * event (exactly one). `after` (the summary, or a dry run's plan) is printed as plain lines
	 * once the screens are gone, ready to copy.
	 */
	close(ending: RunEnding, after?: string[], left?: Left): Promise<void>;
}

/**
 * The build's live view (Maven's lines, the package table) is drawn at most four times a
 * second: a frame of the whole screen costs Ink about 10 ms of CPU, and at Ink's own rate the
 * screens took a third as much CPU as Maven did. A key or a question is still drawn at once.
 */
const progressFrameMs = 250;

/** Interactive only with a person at a terminal: pipes, CI and --json never wait for keys. */
export function canPrompt(options: Pick<SessionOptions, 'json'>, env: NodeJS.ProcessEnv = process.env): boolean {
	return !options.json && Boolean(process.stdin.isTTY && process.stdout.isTTY) && env['CI'] !== 'true' && env['CI'] !== '1';
}

/** Mounts the screens (interactive) or a line host, before anything slow happens: the first frame comes first. */
export async function openSession(options: SessionOptions): Promise<Session> {
	if (canPrompt(options)) {
		const [{createViewStore}, {createInkHost}, {renderApp, finishApp}] = await loadScreens(() =>
			Promise.all([import('../host/view-store.js'), import('../host/ink-host.js'), import('../app.js')]),
		);
		const store = createViewStore(undefined, {progressFrameMs});
		const inkHost = createInkHost(store);
		const ink = renderApp({store, host: inkHost});
		let failure: string | undefined;
		return {
			host: withFlagAnswers(inkHost, options.flags),
			signal: inkHost.signal,
			fail(error) {
				const described = describeFailure(error);
				// Written after the screens unmount: a frame drawn just before unmounting may never show.
				failure = failureLines(described);
				return described;
			},
			async close({outcome}, after, left) {
				// The last frame says how the run ended, without key hints, and where its failure is printed.
				await finishApp(ink, store, outcome, {failureBelow: failure !== undefined, ...(left ? {left} : {})});
				if (after) process.stdout.write(`\n${after.join('\n')}\n`);
				if (failure) process.stderr.write(failure);
			},
		};
	}
	const controller = new AbortController();
	const tracker = createRunTracker();
	let resultWritten = false;
	const writeResult = (ending: RunEnding) => {
		if (!options.json || resultWritten) return;
		resultWritten = true;
		process.stdout.write(plainJsonLine(tracker.result(ending)));
	};
	// Ctrl-C cancels: the run stops where it is, says how to undo, and ends with 130. It is heard
	// all along (a once-listener would be gone while the signal is handled, and the work folder's
	// lock would end the process as if nobody listened). A call that never answers may not hear
	// the abort: a second Ctrl-C, like SIGTERM, ends the process at once, after the result.
	const endNow = (signal: NodeJS.Signals) => {
		writeResult({outcome: 'cancelled', exitCode: 128 + (signal === 'SIGINT' ? 2 : 15)}); // as the shell reports a death by signal
		stopListening();
		process.kill(process.pid, signal); // the work folder's lock, if held, is released by its own listener first
	};
	const onSignal = (signal: NodeJS.Signals) => {
		if (signal === 'SIGINT' && !controller.signal.aborted) controller.abort();
		else endNow(signal);
	};
	const stopListening = () => {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	const lines = options.json ? createJsonHost({out: process.stdout, ...options.flags}) : createPlainHost({out: process.stdout, ...options.flags});
	// Every event passes the tracker on its way out: the result event is read off the stream itself.
	const host: WizardHost = {
		notify(event) {
			tracker.observe(event);
			lines.notify(event);
		},
		ask: question => lines.ask(question),
	};
	return {
		host,
		signal: controller.signal,
		fail(error) {
			const described = describeFailure(error);
			tracker.failed(described);
			if (options.json) process.stdout.write(plainJsonLine(failureEvent(described)));
			else process.stderr.write(failureLines(described));
			return described;
		},
		async close(ending) {
			stopListening();
			writeResult(ending);
		},
	};
}
