import type {WizardHost} from '../wizard/host.js';
import {goBack, type Answer, type GoBack, type Question} from '../wizard/questions.js';
import {checkAnswer} from './answers.js';
import type {ViewStore} from './view-store.js';
import {CliError, exitCodes} from '../errors.js';

/** The user pressed q or Ctrl-C: the journey stops, a waiting question is refused with this. */
export class WizardQuit extends CliError {
	constructor() {
		super('Quit', 'Stopped at your request.', undefined, {exitCode: exitCodes.cancelled});
	}
}

/** The Ink UI's host: events go to the view store, and the screens' intents answer the journey. */
export interface InkHost extends WizardHost {
	/** The screen's answer to the waiting question; false (and nothing happens) when it is not acceptable. */
	answer(value: string | boolean): boolean;
	/** Esc: the waiting question resolves with goBack when it allows it; false otherwise. */
	back(): boolean;
	/** q or Ctrl-C: aborts `signal` and refuses the waiting question with WizardQuit. */
	quit(): void;
	/** Aborted by quit(): give it to the journey so its AWS calls and Maven stop too. */
	readonly signal: AbortSignal;
}

interface Waiting {
	question: Question;
	resolve(value: string | boolean | GoBack): void;
	reject(error: Error): void;
}

export function createInkHost(store: ViewStore): InkHost {
	const controller = new AbortController();
	let waiting: Waiting | undefined;

	function take(): Waiting | undefined {
		const current = waiting;
		waiting = undefined;
		if (current) store.dispatch({type: 'answered'});
		return current;
	}

	return {
		signal: controller.signal,
		notify(event) {
			store.dispatch({type: 'event', event});
		},
		ask<Q extends Question>(question: Q): Promise<Answer<Q> | GoBack> {
			if (controller.signal.aborted) return Promise.reject(new WizardQuit());
			if (waiting) return Promise.reject(new Error(`Asked "${question.id}" while "${waiting.question.id}" still waits for an answer.`));
			return new Promise<Answer<Q> | GoBack>((resolve, reject) => {
				waiting = {question, resolve: resolve as Waiting['resolve'], reject};
				store.dispatch({type: 'question', question});
			});
		},
		answer(value) {
			if (!waiting) return false;
			const checked = checkAnswer(waiting.question, value);
			if (!checked.ok) return false;
			take()?.resolve(checked.value);
			return true;
		},
		back() {
			if (!waiting?.question.canGoBack) return false;
			take()?.resolve(goBack);
			return true;
		},
		quit() {
			if (controller.signal.aborted) return;
			store.dispatch({type: 'quit'});
			const error = new WizardQuit();
			controller.abort(error);
			take()?.reject(error);
		},
	};
}
