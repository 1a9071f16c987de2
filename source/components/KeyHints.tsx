import {Text} from 'ink';
import type {Question} from '../wizard/questions.js';

export interface KeyHintsProps {
	question: Question | undefined;
	quitting: boolean;
}

/** One dim line that says which keys do what right now. */
export function KeyHints({question, quitting}: KeyHintsProps) {
	return <Text dimColor>{keyHints(question, quitting).join(' · ')}</Text>;
}

export function keyHints(question: Question | undefined, quitting: boolean): string[] {
	if (quitting) return ['stopping…'];
	const back = question?.canGoBack ? ['Esc back'] : [];
	switch (question?.kind) {
		case undefined:
			return ['q quit'];
		case 'select':
			return ['↑↓ choose', 'Enter select', ...back, 'q quit'];
		case 'text':
			return ['Enter accept', ...back, 'Ctrl-C quit'];
		case 'confirm':
			return ['y/n', `Enter ${question.default ? 'yes' : 'no'}`, ...back, 'q quit'];
	}
}
