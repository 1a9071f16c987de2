import process from 'node:process';
import {describeFailure, failureEvent, failureLines, type Failure} from '../errors.js';
import type {FlagAnswers} from '../host/answers.js';
import {withFlagAnswers} from '../host/flag-answers.js';
import {createJsonHost} from '../host/json-host.js';
import {createPlainHost} from '../host/plain-host.js';
import type {WizardHost} from '../wizard/host.js';

// What any command that talks to the user opens: the Ink screens at a terminal, plain or JSON
// lines otherwise; the signals that cancel; and the one way a failure is shown in each.

export interface SessionOptions {
	json: boolean;
	/** Flag answers and --yes: they answer questions on every host, the interactive one included. */
	flags: FlagAnswers;
}

export interface Session {
	host: WizardHost;
	/** Aborted by q, Ctrl-C or SIGTERM. */
	signal: AbortSignal;
	/** Shows a failure that happened outside the host's own events, with its fix; returns it. */
	fail(error: unknown): Failure;
	/** Ends the session; `after` (the summary, or a dry run's plan) is printed as plain lines once the screens are gone, ready to copy. */
	close(outcome: 'completed' | 'stopped' | 'cancelled', after?: string[]): Promise<void>;
}

/** Interactive only with a person at a terminal: pipes, CI and --json never wait for keys. */
export function canPrompt(options: Pick<SessionOptions, 'json'>, env: NodeJS.ProcessEnv = process.env): boolean {
	return !options.json && Boolean(process.stdin.isTTY && process.stdout.isTTY) && env['CI'] !== 'true' && env['CI'] !== '1';
}

/** Mounts the screens (interactive) or a line host, before anything slow happens: the first frame comes first. */
export async function openSession(options: SessionOptions): Promise<Session> {
	if (canPrompt(options)) {
		const [{createViewStore}, {createInkHost}, {renderApp, finishApp}] = await Promise.all([
			import('../host/view-store.js'),
			import('../host/ink-host.js'),
			import('../app.js'),
		]);
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
			async close(outcome, after) {
				// The last frame says how the run ended, without key hints, and where its failure is printed.
				await finishApp(ink, store, outcome, {failureBelow: failure !== undefined});
				if (after) process.stdout.write(`\n${after.join('\n')}\n`);
				if (failure) process.stderr.write(failure);
			},
		};
	}
	const controller = new AbortController();
	const onSignal = () => controller.abort();
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const host = options.json ? createJsonHost({out: process.stdout, ...options.flags}) : createPlainHost({out: process.stdout, ...options.flags});
	return {
		host,
		signal: controller.signal,
		fail(error) {
			const described = describeFailure(error);
			if (options.json) process.stdout.write(`${JSON.stringify(failureEvent(described))}\n`);
			else process.stderr.write(failureLines(described));
			return described;
		},
		async close() {
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
		},
	};
}
