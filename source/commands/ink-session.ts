import process from 'node:process';
import type {Instance} from 'ink';
import {describeFailure, failureLines} from '../errors.js';
import {withFlagAnswers} from '../host/flag-answers.js';
import {listenForStop} from '../process/stop-signals.js';
import {createInkHost, type InkHost} from '../host/ink-host.js';
import {createViewStore, type ViewStore} from '../host/view-store.js';
import {initialViewState} from '../wizard/view-state.js';
import {dismissApp, finishApp, renderApp} from '../app.js';
import type {Session, SessionOptions} from './session.js';

// The session at a terminal: the Ink screens. Only session.ts imports this, and only at a terminal:
// nothing else ever loads Ink or React.

/**
 * The build's live view (Maven's lines, the package table) is drawn at most this often: one React render per frame, not
 * per log line. Once a second still reads as live (the table grows by a handful of rows each time); each frame is CPU
 * taken from Maven (issue 11 goal 4a): 7-10 ms of mostly cold code, and with the JIT work it sets off, twice a second
 * was about a quarter of the wizard's CPU during the demo build (measured alternately: ~190 -> ~140 ms at 120x40).
 */
const progressFrameMs = 1000;
/** Maven's lines and the count alone (no new row) are drawn at most this often. */
const quietFrameMs = 2000;

/** The screens on the terminal, not yet given to a run: the wizard's first frame, drawn before the command line is read. */
export interface Screens {
	store: ViewStore;
	host: InkHost;
	ink: Instance;
}

export function mountScreens(): Screens {
	// Sized to the terminal from the first frame on: drawn for 80 columns, it would be drawn again at once, wrapped anew.
	const {columns, rows} = process.stdout;
	const store = createViewStore(columns > 0 && rows > 0 ? {...initialViewState, terminal: {columns, rows}} : initialViewState, {progressFrameMs, quietFrameMs});
	const host = createInkHost(store);
	return {store, host, ink: renderApp({store, host})};
}

/** Takes the screens away, leaving nothing on the terminal: the command line asked for something else (help, or a mistake to print). */
export function dismissScreens(screens: Screens): void {
	dismissApp(screens.ink);
}

/** A run's session on screens already mounted: the flags answer its questions from here on. */
export function sessionOnScreens({store, host: inkHost, ink}: Screens, options: SessionOptions): Session {
	let failure: string | undefined;
	// q and Ctrl-C are keys at the screens. A signal (kill, or the terminal closing) is heard too:
	// SIGINT quits as Ctrl-C does and a second ends at once, as SIGTERM and SIGHUP do; Ink's exit
	// hook then restores the terminal as the process goes. The run record is already on disk.
	const stopListening = listenForStop((signal, endBy) => {
		if (signal === 'SIGINT' && !inkHost.signal.aborted) inkHost.quit();
		else endBy(signal);
	});
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
			stopListening();
			// The last frame says how the run ended, without key hints, and where its failure is printed.
			await finishApp(ink, store, outcome, {failureBelow: failure !== undefined, ...(left ? {left} : {})});
			if (after) process.stdout.write(`\n${after.join('\n')}\n`);
			if (failure) process.stderr.write(failure);
		},
	};
}
