import type {WizardEvent} from './events.js';
import type {Answer, GoBack, Question} from './questions.js';

/**
 * All interaction goes through one host: the Ink UI, a --yes/no-TTY host that answers from
 * flags and defaults, and a --json host are three implementations; the journey never knows
 * which one it talks to.
 */
export interface WizardHost {
	notify(event: WizardEvent): void;
	/** Resolves with the answer, or `goBack` when the user pressed Esc at a question that allows it. */
	ask<Q extends Question>(question: Q): Promise<Answer<Q> | GoBack>;
}
