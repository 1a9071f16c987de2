import {Box, Text, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';
import {useState} from 'react';
import type {ConfirmQuestion, Question, SelectQuestion, TextQuestion} from '../wizard/questions.js';

/** What a prompt sends: the host decides what each intent means for the journey. */
export interface PromptIntents {
	onAnswer(value: string | boolean): void;
	/** Esc, only called when the question allows going back. */
	onBack(): void;
	/** q, where q is not something the user types. */
	onQuit(): void;
}

export interface PromptProps extends PromptIntents {
	question: Question;
}

/** The waiting question: its message and detail, then a list, a text field or yes/no. Enter takes the default. */
export function Prompt({question, ...intents}: PromptProps) {
	return (
		<Box flexDirection="column">
			<Text bold>
				<Text color="green">?</Text> {question.message}
			</Text>
			{question.detail ? <Text dimColor>{question.detail}</Text> : null}
			<QuestionInput question={question} {...intents} />
		</Box>
	);
}

function QuestionInput({question, ...intents}: PromptProps) {
	switch (question.kind) {
		case 'select':
			return <SelectPrompt question={question} {...intents} />;
		case 'text':
			return <TextPrompt question={question} {...intents} />;
		case 'confirm':
			return <ConfirmPrompt question={question} {...intents} />;
	}
}

const customKey = '\u0000custom';

function SelectPrompt({question, onAnswer, onBack, onQuit}: PromptIntents & {question: SelectQuestion}) {
	const {choices, custom} = question;
	const [typing, setTyping] = useState(custom !== undefined && choices.length === 0);
	const listed = choices.findIndex(choice => choice.value === question.default);
	const items = choices.map(choice => ({key: choice.value, value: choice.value, label: choice.hint ? `${choice.label}  (${choice.hint})` : choice.label}));
	if (custom) items.push({key: customKey, value: customKey, label: custom.label});
	// Where the highlight is, so that leaving the custom field returns to the same item.
	const [highlighted, setHighlighted] = useState(listed !== -1 ? listed : custom ? items.length - 1 : 0);
	useInput((input, key) => {
		if (key.escape) {
			if (typing && choices.length > 0) setTyping(false);
			else if (question.canGoBack) onBack();
		} else if (input === 'q' && !typing) {
			onQuit();
		}
	});
	if (typing && custom) {
		return <TextField placeholder={listed === -1 ? question.default : custom.default} validate={custom.validate} onSubmit={onAnswer} />;
	}
	return (
		<SelectInput
			items={items}
			initialIndex={highlighted}
			onHighlight={item => setHighlighted(items.findIndex(candidate => candidate.key === item.key))}
			onSelect={item => (item.key === customKey ? setTyping(true) : onAnswer(item.value))}
		/>
	);
}

function TextPrompt({question, onAnswer, onBack}: PromptIntents & {question: TextQuestion}) {
	useInput((_input, key) => {
		if (key.escape && question.canGoBack) onBack();
	});
	return <TextField placeholder={question.default} validate={question.validate} onSubmit={onAnswer} />;
}

interface TextFieldProps {
	/** Shown while the field is empty, and taken by Enter then. */
	placeholder: string;
	validate: ((value: string) => string | undefined) | undefined;
	onSubmit(value: string): void;
}

/** A text field that says, as the user types, why the value would be refused; Enter on an empty field takes the placeholder. */
function TextField({placeholder, validate, onSubmit}: TextFieldProps) {
	const [value, setValue] = useState('');
	const effective = value === '' ? placeholder : value;
	const problem = validate?.(effective);
	return (
		<Box flexDirection="column">
			<Box>
				<Text color="cyan">{'› '}</Text>
				<TextInput value={value} placeholder={placeholder} onChange={setValue} onSubmit={() => problem === undefined && onSubmit(effective)} />
			</Box>
			{problem ? <Text color="red">{problem}</Text> : null}
		</Box>
	);
}

function ConfirmPrompt({question, onAnswer, onBack, onQuit}: PromptIntents & {question: ConfirmQuestion}) {
	useInput((input, key) => {
		const letter = input.toLowerCase();
		if (key.return) onAnswer(question.default);
		else if (letter === 'y') onAnswer(true);
		else if (letter === 'n') onAnswer(false);
		else if (key.escape && question.canGoBack) onBack();
		else if (letter === 'q') onQuit();
	});
	return <Text color="cyan">{question.default ? '› (Y/n)' : '› (y/N)'}</Text>;
}
