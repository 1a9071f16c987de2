import {Box, Text, useInput} from 'ink';
import {useReducer, useRef} from 'react';
import {keyActions} from './key-actions.js';

export interface SelectItem {
	key: string;
	label: string;
}

export interface SelectListProps {
	items: readonly SelectItem[];
	initialIndex: number;
	/** Rows the list shows at most; it scrolls through the rest. */
	limit: number;
	/** Columns the pointer takes before each label. */
	indent: number;
	onHighlight(index: number): void;
	/** Space, in a list where several can be picked: picks or drops the highlighted item. */
	onToggle?(index: number): void;
	onSelect(index: number): void;
}

/**
 * A list to choose from with the arrows (or j/k, or the item's number), Enter to take it. The
 * highlight lives in a ref, moved as each key is read, so arrows that arrive together all count
 * and an Enter in the same burst takes the item they reached.
 */
export function SelectList({items, initialIndex, limit, indent, onHighlight, onToggle, onSelect}: SelectListProps) {
	const highlight = useRef(initialIndex);
	const [, render] = useReducer((count: number) => count + 1, 0);
	useInput((input, key) => {
		const before = highlight.current;
		const move = (to: number) => {
			highlight.current = (to + items.length) % items.length;
		};
		for (const action of keyActions(input, key)) {
			if (action.kind === 'up') move(highlight.current - 1);
			else if (action.kind === 'down') move(highlight.current + 1);
			else if (action.kind === 'text') {
				for (const character of action.text) {
					if (character === ' ' && onToggle) onToggle(highlight.current);
					else if (character === 'k') move(highlight.current - 1);
					else if (character === 'j') move(highlight.current + 1);
					else if (/^[1-9]$/.test(character) && Number(character) <= items.length) highlight.current = Number(character) - 1;
				}
			} else if (action.kind === 'enter') {
				if (highlight.current !== before) onHighlight(highlight.current);
				onSelect(highlight.current);
				return;
			}
		}
		if (highlight.current !== before) onHighlight(highlight.current);
		render();
	});
	const index = highlight.current;
	// The window keeps the highlight in view, moving only when it would leave it.
	const start = Math.min(Math.max(0, index - limit + 1), Math.max(0, items.length - limit));
	return (
		<Box flexDirection="column">
			{items.slice(start, start + limit).map((item, offset) => {
				const selected = start + offset === index;
				return (
					<Box key={item.key}>
						<Box width={indent} flexShrink={0}>
							<Text color="cyan">{selected ? '❯' : ' '}</Text>
						</Box>
						<Text color={selected ? 'cyan' : undefined} wrap="truncate-end">
							{item.label}
						</Text>
					</Box>
				);
			})}
		</Box>
	);
}
