// Every prompt of the journey is a Question with a stable id; the id is also its command-line
// flag and its key in --json output, so --yes, no-TTY and scripted runs answer the same
// questions the screens show.

export interface Choice<V extends string = string> {
	value: V;
	label: string;
	hint?: string;
}

interface QuestionBase<I extends string> {
	/** Stable id, e.g. 'domain'. Its flag is `--${id}`. */
	id: I;
	/** What the user is asked, one line. */
	message: string;
	/** Longer explanation shown under the prompt, optional. */
	detail?: string;
	/** Whether Esc (back) is allowed at this prompt: only while the step has created nothing. */
	canGoBack?: boolean;
}

export interface SelectQuestion<I extends string = string, V extends string = string> extends QuestionBase<I> {
	kind: 'select';
	choices: Choice<V>[];
	default: V;
	/**
	 * An extra last item that lets the user type a value of their own (e.g. "Create a new
	 * domain…"); the answer is then the typed value. A flag may name any value that passes
	 * `validate`, listed or not.
	 */
	custom?: {label: string; default: string; validate: (value: string) => string | undefined};
}

export interface TextQuestion<I extends string = string> extends QuestionBase<I> {
	kind: 'text';
	default: string;
	/** Returns a message naming the rule when the value is not acceptable, as the user types. */
	validate?: (value: string) => string | undefined;
}

export interface ConfirmQuestion<I extends string = string> extends QuestionBase<I> {
	kind: 'confirm';
	default: boolean;
}

/**
 * Several of a list, or none. Its answer is the chosen values joined with commas ('' for none),
 * written the same way as its flag's value (`--ID a,b`, or `--ID none`).
 */
export interface MultiSelectQuestion<I extends string = string> extends QuestionBase<I> {
	kind: 'multiselect';
	choices: Choice[];
	/** The values chosen at first, joined with commas; '' for none. */
	default: string;
	/** Checks the written form of an answer (a flag's value) before its values are looked for among the choices. */
	validate: (value: string) => string | undefined;
}

export type Question = SelectQuestion | TextQuestion | ConfirmQuestion | MultiSelectQuestion;

export type Answer<Q extends Question> = Q extends SelectQuestion<string, infer V> ? V : Q extends TextQuestion | MultiSelectQuestion ? string : boolean;

/** The values of a multi-select answer ('' and 'none' are none). */
export function chosenValues(answer: string): string[] {
	return answer === 'none' ? [] : [...new Set(answer.split(',').map(value => value.trim()))].filter(value => value !== '');
}

/** What a host returns when the user pressed Esc instead of answering. */
export const goBack = Symbol('go back');
export type GoBack = typeof goBack;

const yes = new Set(['yes', 'y', 'true']);
const no = new Set(['no', 'n', 'false']);

/** A yes/no answer typed as a word (a flag's value): true, false, or undefined when it is neither. */
export function yesOrNo(word: string): boolean | undefined {
	const normalized = word.trim().toLowerCase();
	return yes.has(normalized) ? true : no.has(normalized) ? false : undefined;
}
