import type {WizardHost} from '../wizard/host.js';
import type {Answer, GoBack, Question} from '../wizard/questions.js';
import {answerFromFlags, type FlagAnswers} from './answers.js';
import {plainJsonLine} from '../text/plain-text.js';
import type {TextSink} from './plain-host.js';

// --json: one JSON object per line for every event, and an "answer" line for every question
// (answered from flags or defaults, exactly as the plain host does). No string carries escape codes.

export interface JsonHostOptions extends FlagAnswers {
	out: TextSink;
}

export function createJsonHost(options: JsonHostOptions): WizardHost {
	const line = (value: object) => options.out.write(plainJsonLine(value));
	return {
		notify(event) {
			line(event);
		},
		async ask<Q extends Question>(question: Q): Promise<Answer<Q> | GoBack> {
			const {value, from} = answerFromFlags(question, options);
			line({type: 'answer', id: question.id, message: question.message, value, from});
			return value as Answer<Q>;
		},
	};
}
