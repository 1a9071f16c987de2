import process from 'node:process';
import {describeFailure, failureLines} from '../errors.js';
import {withFlagAnswers} from '../host/flag-answers.js';
import {createInkHost} from '../host/ink-host.js';
import {createViewStore} from '../host/view-store.js';
import {finishApp, renderApp} from '../app.js';
import type {Session, SessionOptions} from './session.js';

// The session at a terminal: the Ink screens. Only session.ts imports this, and only at a terminal:
// nothing else ever loads Ink or React.

export function openInkSession(options: SessionOptions): Session {
	const store = createViewStore();
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
