import {constants} from 'node:os';
import process from 'node:process';
import {describeFailure, failureEvent, failureLines} from '../errors.js';
import {createJsonHost} from '../host/json-host.js';
import {createPlainHost} from '../host/plain-host.js';
import type {WizardHost} from '../wizard/host.js';
import {createRunTracker, type RunEnding} from '../wizard/run-result.js';
import {plainJsonLine} from '../text/plain-text.js';
import {listenForStop} from '../process/stop-signals.js';
import type {Session, SessionOptions} from './session.js';

// The session without a terminal, or with --json: plain lines or JSON lines, never waiting for keys.

export function openLineSession(options: SessionOptions): Session {
	const controller = new AbortController();
	const tracker = createRunTracker();
	let resultWritten = false;
	const writeResult = (ending: RunEnding) => {
		if (!options.json || resultWritten) return;
		resultWritten = true;
		process.stdout.write(plainJsonLine(tracker.result(ending)));
	};
	// Ctrl-C cancels: the run stops where it is, says how to undo, and ends with 130. A call that
	// never answers may not hear the abort: a second Ctrl-C, like SIGTERM or SIGHUP, ends the
	// process at once, after the result.
	const stopListening = listenForStop((signal, endBy) => {
		if (signal === 'SIGINT' && !controller.signal.aborted) controller.abort();
		else {
			writeResult({outcome: 'cancelled', exitCode: 128 + constants.signals[signal]}); // as the shell reports a death by signal
			endBy(signal);
		}
	});
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
