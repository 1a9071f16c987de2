import {assertNever, CliError, exitCodes} from '../errors.js';
import {refusedValue} from '../text/refused-value.js';
import {chosenValues, yesOrNo, type Question} from '../wizard/questions.js';

// What counts as an answer to a question, for every host: a screen's choice, a flag's text or
// --yes all pass through checkAnswer, so the same value is accepted or refused everywhere.

export type CheckedAnswer = {ok: true; value: string | boolean} | {ok: false; problem: string};

/** Accepts a typed value (from a screen) or a flag's text; says why when it is not acceptable. */
export function checkAnswer(question: Question, raw: string | boolean): CheckedAnswer {
	switch (question.kind) {
		case 'confirm': {
			if (typeof raw === 'boolean') return {ok: true, value: raw};
			const value = yesOrNo(raw);
			return value === undefined ? {ok: false, problem: 'answer yes or no'} : {ok: true, value};
		}
		case 'text': {
			if (typeof raw !== 'string') return {ok: false, problem: 'type some text'};
			const problem = question.validate?.(raw);
			return problem === undefined ? {ok: true, value: raw} : {ok: false, problem};
		}
		case 'select': {
			if (typeof raw !== 'string') return {ok: false, problem: 'choose one of the choices'};
			if (question.choices.some(choice => choice.value === raw)) return {ok: true, value: raw};
			if (question.custom) {
				const problem = question.custom.validate(raw);
				return problem === undefined ? {ok: true, value: raw} : {ok: false, problem};
			}
			return {ok: false, problem: `choose one of ${question.choices.map(choice => choice.value).join(', ')}`};
		}
		case 'multiselect': {
			if (typeof raw !== 'string') return {ok: false, problem: 'choose any of the choices'};
			const values = chosenValues(raw);
			const problem = values.length === 0 ? undefined : question.validate(raw);
			if (problem !== undefined) return {ok: false, problem};
			const unknown = values.filter(value => !question.choices.some(choice => choice.value === value));
			if (unknown.length > 0)
				return {
					ok: false,
					problem: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among ${question.choices.map(choice => choice.value).join(', ')}`,
				};
			return {ok: true, value: values.join(',')};
		}
		default:
			return assertNever(question);
	}
}

/** Why a host without a terminal could not answer: stable codes, a message that names the flag. */
export class NoAnswerError extends CliError {
	declare readonly code: 'NoTerminal' | 'BadFlag';
	constructor(
		code: 'NoTerminal' | 'BadFlag',
		readonly questionId: string,
		message: string,
	) {
		// Like a wrong option: the command line did not say enough, so it exits as a usage error.
		super(code, message, undefined, {exitCode: exitCodes.usage});
	}
}

export interface FlagAnswers {
	/** Flag values by question id (`--domain x` → {domain: 'x'}). */
	answers: Record<string, string>;
	/** --yes: take each question's default when no flag answers it. */
	yes: boolean;
}

/** Answers a question with no one to ask: its flag, else its default under --yes, else an error naming the flag. */
export function answerFromFlags(question: Question, options: FlagAnswers): {value: string | boolean; from: 'flag' | 'default'} {
	const raw = Object.hasOwn(options.answers, question.id) ? options.answers[question.id] : undefined;
	if (raw !== undefined) {
		const checked = checkAnswer(question, raw);
		if (!checked.ok) throw new NoAnswerError('BadFlag', question.id, refusedValue(question.id, raw, checked.problem));
		return {value: checked.value, from: 'flag'};
	}
	if (options.yes) return {value: question.default, from: 'default'};
	throw new NoAnswerError('NoTerminal', question.id, `No terminal to ask "${question.message}": pass --${question.id} VALUE, or --yes to take the defaults.`);
}
