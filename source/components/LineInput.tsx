import {Text, useInput} from 'ink';
import {useReducer, useRef} from 'react';
import {keyActions} from './key-actions.js';

export interface LineInputProps {
	/** Shown dimmed while the field is empty. */
	placeholder: string;
	onChange(value: string): void;
	/** Enter, with the value as it is after every key before it, even in one burst. */
	onSubmit(value: string): void;
}

interface Field {
	value: string[]; // code points, so the cursor never splits one
	cursor: number;
}

/**
 * One line of text input. Its state lives in a ref, changed as each key is read: several keys
 * in one burst (pasted text, held Backspace, keys over a slow link) each see the one before, and
 * Enter submits what is typed so far. Rendering follows.
 */
export function LineInput({placeholder, onChange, onSubmit}: LineInputProps) {
	const field = useRef<Field>({value: [], cursor: 0});
	const [, render] = useReducer((count: number) => count + 1, 0);
	useInput((input, key) => {
		const state = field.current;
		const before = state.value.join('');
		for (const action of keyActions(input, key)) {
			switch (action.kind) {
				case 'text': {
					const added = [...action.text];
					state.value.splice(state.cursor, 0, ...added);
					state.cursor += added.length;
					break;
				}
				case 'erase':
					if (state.cursor > 0) state.value.splice(--state.cursor, 1);
					break;
				case 'left':
					state.cursor = Math.max(0, state.cursor - 1);
					break;
				case 'right':
					state.cursor = Math.min(state.value.length, state.cursor + 1);
					break;
				case 'home':
					state.cursor = 0;
					break;
				case 'end':
					state.cursor = state.value.length;
					break;
				case 'enter':
					if (state.value.join('') !== before) onChange(state.value.join(''));
					onSubmit(state.value.join(''));
					return;
				case 'up':
				case 'down':
				case 'page-up':
				case 'page-down':
				case 'other':
					break;
			}
		}
		if (state.value.join('') !== before) onChange(state.value.join(''));
		render();
	});
	const {value, cursor} = field.current;
	if (value.length === 0)
		return (
			<Text>
				<Text inverse>{placeholder.charAt(0) || ' '}</Text>
				<Text dimColor>{placeholder.slice(1)}</Text>
			</Text>
		);
	return (
		<Text>
			{value.slice(0, cursor).join('')}
			<Text inverse>{value[cursor] ?? ' '}</Text>
			{value.slice(cursor + 1).join('')}
		</Text>
	);
}
