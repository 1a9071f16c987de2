import type {WizardHost} from '../wizard/host.js';
import type {Answer, GoBack, Question} from '../wizard/questions.js';
import {answerFromFlags, type FlagAnswers} from './answers.js';

/**
 * Flags answer their questions on any host, the interactive one included: `--domain x` skips
 * that prompt, `--yes` every prompt; the rest still go to the person at the terminal.
 */
export function withFlagAnswers(host: WizardHost, flags: FlagAnswers): WizardHost {
	return {
		notify: event => host.notify(event),
		async ask<Q extends Question>(question: Q): Promise<Answer<Q> | GoBack> {
			if (!flags.yes && !Object.hasOwn(flags.answers, question.id)) return host.ask(question);
			return answerFromFlags(question, flags).value as Answer<Q>;
		},
	};
}
