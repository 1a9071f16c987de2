import {Text} from 'ink';
import {memo} from 'react';
import {assertNever} from '../errors.js';
import type {Question} from '../wizard/questions.js';
import type {Left, Outcome} from '../wizard/view-state.js';

/** Where the problem that stopped the run is: in the banner above the last line, printed below the screen once it is gone, or nowhere. */
export type ProblemPlace = 'above' | 'below' | 'none';

/** Whether the screen has a long text that `v` opens: 'cut' while part of it is hidden, 'open' while all of it shows. */
export type FullTextStatus = 'none' | 'cut' | 'open';

export interface KeyHintsProps {
	question: Question | undefined;
	/** A text field has the keys: letters are text, only Enter, Esc and Ctrl-C do something. */
	typing: boolean;
	quitting: boolean;
	finished: Outcome | undefined;
	/** Where the ending line points for a stopped run; nowhere by default. */
	problem?: ProblemPlace;
	/** What a run that ended early leaves (the ending line says only what is true). */
	left?: Left;
	fullText: FullTextStatus;
}

/** The last line: which keys do what right now, or, once the run is over, how it ended. Rendered again only when one of those changes. */
export const KeyHints = memo(function KeyHints(props: KeyHintsProps) {
	const ending = endingLine(props.finished, props.problem, props.left);
	if (ending !== undefined) return ending ? <Text>{ending}</Text> : null;
	return <Text dimColor>{keyHints(props).join(' · ')}</Text>;
});

/**
 * What the last frame says once the run is over ('' for nothing); undefined while it runs. A
 * stopped run points at its problem, and says what it leaves only when that is known: the
 * commands that resume or undo it are printed below the screens (a full screen would drop them).
 */
export function endingLine(finished: Outcome | undefined, problem: ProblemPlace = 'none', left: Left = 'unsaid'): string | undefined {
	switch (finished) {
		case undefined:
			return undefined;
		case 'completed':
			return '';
		case 'cancelled':
			return `Stopped.${leftWords(left)}`;
		case 'stopped':
			return `Stopped${problem === 'above' ? ' at the problem above' : problem === 'below' ? ' at the problem below' : ''}.${leftWords(left)}`;
		default:
			return assertNever(finished);
	}
}

function leftWords(left: Left): string {
	switch (left) {
		case 'created':
			return ' What was created is kept; below: how to resume or undo it.';
		case 'nothing':
			return ' Nothing was created; below: how to resume.';
		case 'unsaid':
			return '';
		default:
			return assertNever(left);
	}
}

export function keyHints({question, typing, quitting, finished, fullText}: KeyHintsProps): string[] {
	if (finished) return [];
	if (quitting) return ['stopping…'];
	const back = question?.canGoBack ? ['Esc back'] : [];
	if (typing) {
		// In a list's "new name" field, Esc returns to the list.
		const leave = question?.kind === 'select' && question.choices.length > 0 ? ['Esc back'] : back;
		return ['Enter accept', ...leave, 'Ctrl-C quit'];
	}
	// PgUp/PgDn scroll the open view on every screen; the arrows too, unless a list takes them.
	const scroll = fullText === 'open' ? [listTakesArrows(question) ? 'PgUp/PgDn scroll' : '↑↓ PgUp/PgDn scroll', 'v close'] : [];
	const view = fullText === 'cut' ? ['v view all'] : [];
	switch (question?.kind) {
		case undefined:
			return [...scroll, ...view, 'q quit'];
		case 'select':
			return [...scroll, '↑↓ choose', 'Enter select', ...view, ...back, 'q quit'];
		case 'text':
			return ['Enter accept', ...back, 'Ctrl-C quit'];
		case 'confirm':
			return [...scroll, 'y/n', `Enter ${question.default ? 'yes' : 'no'}`, ...view, ...back, 'q quit'];
		case 'multiselect':
			return [...scroll, '↑↓ choose', 'Space pick', 'Enter accept', ...view, ...back, 'q quit'];
		default:
			return assertNever(question);
	}
}

/** A list to choose from (one or several) moves its highlight with the arrows: they do not scroll the open view then. */
export function listTakesArrows(question: Question | undefined): boolean {
	return question?.kind === 'select' || question?.kind === 'multiselect';
}
