import {Box, Text, useInput} from 'ink';
import {useReducer, useRef, useState} from 'react';
import {assertNever} from '../errors.js';
import {chosenValues, type ConfirmQuestion, type MultiSelectQuestion, type Question, type SelectQuestion, type TextQuestion} from '../wizard/questions.js';
import {gutterRows, rowCount, wrapRows} from './text-rows.js';
import {Rows} from './Rows.js';
import {SelectList, type SelectItem, type SelectListProps} from './SelectList.js';
import {LineInput} from './LineInput.js';

/** What a prompt sends: the host decides what each intent means for the journey. q (quit) is the app's key, not the prompt's. */
export interface PromptIntents {
	onAnswer(value: string | boolean): void;
	/** Esc, only called when the question allows going back. */
	onBack(): void;
	/** The text field opened or closed: while it is open, letters are text, not keys. */
	onTyping(typing: boolean): void;
}

export interface PromptProps extends PromptIntents {
	question: Question;
	/** The terminal's width, which a choice's hint is wrapped to. */
	columns: number;
	/** Whether the text field is open (see startsTyping in view-state for where a question starts). */
	typing: boolean;
}

/** A list shows this many choices at most, and scrolls through the rest. */
const listedChoices = 7;
/** Hints and list items sit two columns in, after the pointer. */
const indent = 2;
/** Why a typed value is refused takes at most this many rows. */
const problemRows = 2;

/** The waiting question: its message and detail, then a list, a text field or yes/no. Enter takes the default. */
export function Prompt({question, ...rest}: PromptProps) {
	return (
		<Box flexDirection="column">
			<Text bold>
				<Text color="green">?</Text> {question.message}
			</Text>
			{question.detail ? <Text dimColor>{question.detail}</Text> : null}
			<QuestionInput question={question} {...rest} />
		</Box>
	);
}

/** Rows the prompt takes in `columns`, whichever choice is highlighted. */
export function promptHeight(question: Question, typing: boolean, columns: number): number {
	const head = rowCount(`? ${question.message}`, columns) + (question.detail ? rowCount(question.detail, columns) : 0);
	switch (question.kind) {
		case 'confirm':
			return head + 1;
		case 'text':
			return head + 1 + (question.validate ? problemRows : 0);
		case 'select': {
			if (typing) return head + 1 + problemRows;
			const items = question.choices.length + (question.custom ? 1 : 0);
			const hint = Math.max(0, ...question.choices.map(choice => (choice.hint ? rowCount(choice.hint, columns - indent) : 0)));
			return head + Math.min(items, listedChoices) + hint;
		}
		case 'multiselect': {
			const hint = Math.max(0, ...question.choices.map(choice => (choice.hint ? rowCount(choice.hint, columns - indent) : 0)));
			return head + Math.min(question.choices.length, listedChoices) + hint;
		}
		default:
			return assertNever(question);
	}
}

function QuestionInput({question, ...rest}: PromptProps) {
	switch (question.kind) {
		case 'select':
			return <SelectPrompt question={question} {...rest} />;
		case 'text':
			return <TextPrompt question={question} {...rest} />;
		case 'confirm':
			return <ConfirmPrompt question={question} {...rest} />;
		case 'multiselect':
			return <MultiSelectPrompt question={question} {...rest} />;
		default:
			return assertNever(question);
	}
}

const customKey = '\u0000custom';

function SelectPrompt({question, typing, columns, onAnswer, onBack, onTyping}: Omit<PromptProps, 'question'> & {question: SelectQuestion}) {
	const {choices, custom} = question;
	const listed = choices.findIndex(choice => choice.value === question.default);
	const items = choices.map(choice => ({key: choice.value, value: choice.value, label: choice.label}));
	if (custom) items.push({key: customKey, value: customKey, label: custom.label});
	// Where the highlight is, so that leaving the custom field returns to the same item.
	const [highlighted, setHighlighted] = useState(listed !== -1 ? listed : custom ? items.length - 1 : 0);
	useInput((_input, key) => {
		if (!key.escape) return;
		if (typing && choices.length > 0) onTyping(false);
		else if (question.canGoBack) onBack();
	});
	if (typing && custom) {
		return <TextField placeholder={listed === -1 ? question.default : custom.default} validate={custom.validate} columns={columns} onSubmit={onAnswer} />;
	}
	return (
		<HintedList
			items={items.map(item => ({...item, hint: choices.find(choice => choice.value === item.value)?.hint}))}
			initialIndex={highlighted}
			columns={columns}
			onHighlight={setHighlighted}
			onSelect={index => (items[index]?.key === customKey ? onTyping(true) : onAnswer(items[index]?.value ?? question.default))}
		/>
	);
}

function TextPrompt({question, columns, onAnswer, onBack}: Omit<PromptProps, 'question'> & {question: TextQuestion}) {
	useInput((_input, key) => {
		if (key.escape && question.canGoBack) onBack();
	});
	return <TextField placeholder={question.default} validate={question.validate} columns={columns} onSubmit={onAnswer} />;
}

interface TextFieldProps {
	/** Shown while the field is empty, and taken by Enter then. */
	placeholder: string;
	validate: ((value: string) => string | undefined) | undefined;
	columns: number;
	onSubmit(value: string): void;
}

/** A text field that says, as the user types, why the value would be refused; Enter on an empty field takes the placeholder. */
function TextField({placeholder, validate, columns, onSubmit}: TextFieldProps) {
	const [value, setValue] = useState('');
	const effective = value === '' ? placeholder : value;
	const problem = validate?.(effective);
	return (
		<Box flexDirection="column">
			<Box>
				<Text color="cyan">{'› '}</Text>
				{/* What Enter submits is the field's own value at that key: a burst's earlier keys count. */}
				<LineInput
					placeholder={placeholder}
					onChange={setValue}
					onSubmit={typed => {
						const submitted = typed === '' ? placeholder : typed;
						if (validate?.(submitted) === undefined) onSubmit(submitted);
					}}
				/>
			</Box>
			{problem ? <Rows rows={limitRows(wrapRows(problem, columns), problemRows).map(text => ({text, color: 'red'}))} /> : null}
		</Box>
	);
}

function ConfirmPrompt({question, onAnswer, onBack}: Omit<PromptProps, 'question'> & {question: ConfirmQuestion}) {
	useInput((input, key) => {
		const letter = input.toLowerCase();
		if (key.return) onAnswer(question.default);
		else if (letter === 'y') onAnswer(true);
		else if (letter === 'n') onAnswer(false);
		else if (key.escape && question.canGoBack) onBack();
	});
	return <Text color="cyan">{question.default ? '› (Y/n)' : '› (y/N)'}</Text>;
}

/** A list with a mark per choice: Space picks or drops the highlighted one, Enter takes what is picked (nothing is an answer too). */
function MultiSelectPrompt({question, columns, onAnswer, onBack}: Omit<PromptProps, 'question'> & {question: MultiSelectQuestion}) {
	const {choices} = question;
	// A ref, like the list's highlight: a Space and an Enter in one burst see each other.
	const picked = useRef(new Set(chosenValues(question.default)));
	const [, render] = useReducer((count: number) => count + 1, 0);
	useInput((_input, key) => {
		if (key.escape && question.canGoBack) onBack();
	});
	const items = choices.map(choice => ({key: choice.value, label: `${picked.current.has(choice.value) ? '[x]' : '[ ]'} ${choice.label}`, hint: choice.hint}));
	return (
		<HintedList
			items={items}
			initialIndex={0}
			columns={columns}
			onToggle={index => {
				const value = choices[index]?.value;
				if (value !== undefined && !picked.current.delete(value)) picked.current.add(value);
				render();
			}}
			onSelect={() =>
				onAnswer(
					choices
						.filter(choice => picked.current.has(choice.value))
						.map(choice => choice.value)
						.join(','),
				)
			}
		/>
	);
}

/** The list, and under it the highlighted item's hint (wrapped, dimmed). */
function HintedList({
	items,
	initialIndex,
	columns,
	onHighlight,
	...rest
}: Omit<SelectListProps, 'items' | 'limit' | 'indent' | 'onHighlight'> & {
	items: Array<SelectItem & {hint?: string | undefined}>;
	columns: number;
	onHighlight?(index: number): void;
}) {
	const [highlighted, setHighlighted] = useState(initialIndex);
	const hint = items[highlighted]?.hint;
	return (
		<Box flexDirection="column">
			<SelectList
				items={items}
				initialIndex={initialIndex}
				limit={listedChoices}
				indent={indent}
				onHighlight={index => {
					setHighlighted(index);
					onHighlight?.(index);
				}}
				{...rest}
			/>
			{hint ? <Rows rows={gutterRows(hint, columns, ' '.repeat(indent), ' '.repeat(indent), {dim: true})} /> : null}
		</Box>
	);
}

/** At most `most` rows: the last one takes the rest of the text, cut with "…" where it ends. */
function limitRows(rows: string[], most: number): string[] {
	if (rows.length <= most) return rows;
	return [
		...rows.slice(0, most - 1),
		rows
			.slice(most - 1)
			.join('')
			.trimStart(),
	];
}
