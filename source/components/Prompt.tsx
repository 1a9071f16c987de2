import {Box, Text, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';
import {useState} from 'react';
import {assertNever} from '../errors.js';
import {chosenValues, type ConfirmQuestion, type MultiSelectQuestion, type Question, type SelectQuestion, type TextQuestion} from '../wizard/questions.js';
import {gutterRows, rowCount, wrapRows} from './text-rows.js';
import {Rows} from './Rows.js';

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
	const hint = choices[highlighted]?.hint;
	return (
		<Box flexDirection="column">
			<SelectInput
				items={items}
				initialIndex={highlighted}
				limit={listedChoices}
				indicatorComponent={Pointer}
				itemComponent={Label}
				onHighlight={item => setHighlighted(items.findIndex(candidate => candidate.key === item.key))}
				onSelect={item => (item.key === customKey ? onTyping(true) : onAnswer(item.value))}
			/>
			{hint ? <Rows rows={gutterRows(hint, columns, ' '.repeat(indent), ' '.repeat(indent), {dim: true})} /> : null}
		</Box>
	);
}

/** The list's pointer: never squeezed by a long label. */
function Pointer({isSelected = false}: {isSelected?: boolean}) {
	return (
		<Box width={indent} flexShrink={0}>
			<Text color="cyan">{isSelected ? '❯' : ' '}</Text>
		</Box>
	);
}

/** A choice's label on one row; the highlighted one's hint is shown under the list. */
function Label({isSelected = false, label}: {isSelected?: boolean; label: string}) {
	return (
		<Text color={isSelected ? 'cyan' : undefined} wrap="truncate-end">
			{label}
		</Text>
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
				<TextInput value={value} placeholder={placeholder} onChange={setValue} onSubmit={() => problem === undefined && onSubmit(effective)} />
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
	const [highlighted, setHighlighted] = useState(0);
	const [picked, setPicked] = useState(() => new Set(chosenValues(question.default)));
	useInput((input, key) => {
		if (key.upArrow) setHighlighted(index => (index + choices.length - 1) % choices.length);
		else if (key.downArrow) setHighlighted(index => (index + 1) % choices.length);
		else if (input === ' ') {
			const value = choices[highlighted]?.value;
			if (value === undefined) return;
			setPicked(current => {
				const next = new Set(current);
				if (!next.delete(value)) next.add(value);
				return next;
			});
		} else if (key.return)
			onAnswer(
				choices
					.filter(choice => picked.has(choice.value))
					.map(choice => choice.value)
					.join(','),
			);
		else if (key.escape && question.canGoBack) onBack();
	});
	// The window of listed choices keeps the highlighted one in view.
	const first = Math.min(Math.max(0, highlighted - listedChoices + 1), Math.max(0, choices.length - listedChoices));
	const hint = choices[highlighted]?.hint;
	return (
		<Box flexDirection="column">
			{choices.slice(first, first + listedChoices).map((choice, offset) => {
				const selected = first + offset === highlighted;
				return (
					<Box key={choice.value}>
						<Pointer isSelected={selected} />
						<Text color={selected ? 'cyan' : undefined} wrap="truncate-end">
							{picked.has(choice.value) ? '[x] ' : '[ ] '}
							{choice.label}
						</Text>
					</Box>
				);
			})}
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
