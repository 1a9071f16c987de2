import {keys, renderInk, waitFor} from '../helpers/render.js';
import {useState} from 'react';
import {describe, expect, it, vi} from 'vitest';
import {Prompt, type PromptIntents} from '../../source/components/Prompt.js';
import type {ConfirmQuestion, MultiSelectQuestion, Question, SelectQuestion, TextQuestion} from '../../source/wizard/questions.js';
import {startsTyping} from '../../source/wizard/view-state.js';

const nameRule = (value: string) => (/^[a-z][a-z0-9-]{1,49}$/.test(value) ? undefined : 'Use 2–50 lower-case letters, digits and hyphens.');

const select: SelectQuestion = {
	kind: 'select',
	id: 'domain',
	message: 'Use an existing domain, or create one?',
	detail: 'A domain holds repositories.',
	choices: [
		{value: 'alpha', label: 'alpha', hint: 'yours'},
		{value: 'beta', label: 'beta'},
	],
	default: 'beta',
	custom: {label: 'Create a new domain…', default: 'my-domain', validate: nameRule},
	canGoBack: true,
};
const text: TextQuestion = {kind: 'text', id: 'description', message: 'Describe the repository', default: 'maven-packages', validate: nameRule};
const confirm: ConfirmQuestion = {kind: 'confirm', id: 'upstream', message: 'Connect to Maven Central?', default: true};

/** The prompt as the app holds it: the typing state lives outside, the prompt asks to change it. */
function Holder({question, intents}: {question: Question; intents: PromptIntents}) {
	const [typing, setTyping] = useState(startsTyping(question));
	return (
		<Prompt
			question={question}
			columns={100}
			typing={typing}
			{...intents}
			onTyping={value => {
				intents.onTyping(value);
				setTyping(value);
			}}
		/>
	);
}

function renderPrompt(question: Question) {
	const intents = {onAnswer: vi.fn(), onBack: vi.fn(), onTyping: vi.fn()};
	return {...renderInk(<Holder question={question} intents={intents} />), ...intents};
}

describe('Prompt: select', () => {
	it('shows the message, the detail and the labels, and highlights the default', () => {
		const prompt = renderPrompt(select);
		expect(prompt.frame()).toBe(
			['? Use an existing domain, or create one?', 'A domain holds repositories.', '  alpha', '❯ beta', '  Create a new domain…'].join('\n'),
		);
	});

	it("shows the highlighted choice's hint on its own line under the list", async () => {
		const prompt = renderPrompt(select);
		await prompt.press(keys.up);
		await prompt.waitForText('❯ alpha');
		expect(prompt.frame().split('\n').slice(2)).toEqual(['❯ alpha', '  beta', '  Create a new domain…', '  yours']);
	});

	it('a long label stays on one row, its pointer and space intact, and a long hint wraps under the list', () => {
		const long: SelectQuestion = {
			kind: 'select',
			id: 'token-fix',
			message: 'How should the wizard fix this?',
			choices: [
				{
					value: 'attach',
					label: 'Attach the CodeArtifact read policy to role build-host-role (recommended) and carry on with the journey',
					hint: 'Adds only the token and read permissions to the role this host already uses; everything build-host-role can do today stays as it is.',
				},
				{value: 'stop', label: 'Stop here; I will fix it myself'},
			],
			default: 'attach',
		};
		const lines = renderPrompt(long).frame().split('\n');
		expect(lines[1]).toMatch(/^❯ Attach the CodeArtifact read policy .*…$/);
		expect(lines[2]).toBe('  Stop here; I will fix it myself');
		expect(lines.slice(3).join(' ').replace(/\s+/g, ' ').trim()).toBe(long.choices[0]!.hint);
		expect(lines.slice(3).every(line => line.startsWith('  '))).toBe(true);
	});

	it('Enter takes the highlighted default', async () => {
		const prompt = renderPrompt(select);
		await prompt.press(keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('beta');
	});

	it('arrows move the highlight', async () => {
		const prompt = renderPrompt(select);
		await prompt.press(keys.up, keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('alpha');
	});

	it('the custom item opens a text field (and says so) that validates as you type; Enter on it empty takes its default', async () => {
		const prompt = renderPrompt(select);
		await prompt.press(keys.down, keys.enter);
		await prompt.waitForText('› my-domain');
		expect(prompt.onTyping).toHaveBeenLastCalledWith(true);
		await prompt.press('Bad');
		await prompt.waitForText('Use 2–50 lower-case letters, digits and hyphens.');
		await prompt.press(keys.enter);
		expect(prompt.onAnswer).not.toHaveBeenCalled();
		await prompt.press(keys.backspace, keys.backspace, keys.backspace);
		await waitFor(() => expect(prompt.frame()).not.toContain('Use 2–50'));
		await prompt.press(keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('my-domain');
	});

	it('a typed custom name is the answer, q included', async () => {
		const prompt = renderPrompt(select);
		await prompt.press(keys.down, keys.enter, 'team-q', keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('team-q');
	});

	it('with no choices it asks for the name at once, offering the default', async () => {
		const prompt = renderPrompt({...select, choices: [], default: 'my-domain'});
		await prompt.waitForText('› my-domain');
		await prompt.press(keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('my-domain');
	});

	it('Esc leaves the custom field for the list, then goes back', async () => {
		const prompt = renderPrompt(select);
		await prompt.press(keys.down, keys.enter);
		await prompt.waitForText('› my-domain');
		await prompt.press(keys.escape);
		await prompt.waitForText('❯ Create a new domain…');
		expect(prompt.onTyping).toHaveBeenLastCalledWith(false);
		expect(prompt.onBack).not.toHaveBeenCalled();
		await prompt.press(keys.escape);
		await waitFor(() => expect(prompt.onBack).toHaveBeenCalledOnce());
	});

	it('Esc does nothing where going back is not allowed', async () => {
		const prompt = renderPrompt({...select, canGoBack: false});
		await prompt.press(keys.escape);
		expect(prompt.onBack).not.toHaveBeenCalled();
	});
});

describe('Prompt: text', () => {
	it('Enter on the empty field takes the default', async () => {
		const prompt = renderPrompt(text);
		expect(prompt.frame()).toBe('? Describe the repository\n› maven-packages');
		await prompt.press(keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('maven-packages');
	});

	it('says why a value is refused as it is typed, and sends it once it is acceptable', async () => {
		const prompt = renderPrompt(text);
		await prompt.press('X');
		await prompt.waitForText('Use 2–50 lower-case letters');
		await prompt.press(keys.enter);
		expect(prompt.onAnswer).not.toHaveBeenCalled();
		await prompt.press(keys.backspace, 'libs', keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('libs');
	});

	it('a long reason wraps onto a second row, and no further', async () => {
		const rule =
			'Domain name is too short (1 character). Domain names have 2–50 characters: lower-case letters, digits and hyphens, starting with a letter, and they are unique in the account and the region, so pick one that no other team in this account already uses.';
		const prompt = renderPrompt({...text, validate: value => (value.length < 2 ? rule : undefined)});
		await prompt.press('q');
		const frame = await prompt.waitForText('Domain name is too short');
		const lines = frame.split('\n');
		expect(lines.slice(2)).toHaveLength(2);
		expect(lines[2]).toMatch(/^Domain name is too short .* Domain names have/);
		expect(lines[3]).toMatch(/…$/);
	});

	it('q is a letter here', async () => {
		const prompt = renderPrompt(text);
		await prompt.press('q');
		await prompt.waitForText('› q');
	});
});

describe('Prompt: confirm', () => {
	it('shows the default, and Enter takes it', async () => {
		const prompt = renderPrompt(confirm);
		expect(prompt.frame()).toBe('? Connect to Maven Central?\n› (Y/n)');
		await prompt.press(keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith(true);
	});

	it('y and n answer; a default of no shows (y/N)', async () => {
		const prompt = renderPrompt({...confirm, default: false});
		expect(prompt.frame()).toContain('(y/N)');
		await prompt.press('n');
		expect(prompt.onAnswer).toHaveBeenLastCalledWith(false);
		await prompt.press('Y');
		expect(prompt.onAnswer).toHaveBeenLastCalledWith(true);
	});

	it('Esc goes back when allowed', async () => {
		const prompt = renderPrompt({...confirm, canGoBack: true});
		await prompt.press(keys.escape);
		await waitFor(() => expect(prompt.onBack).toHaveBeenCalledOnce());
	});
});

// Keys that arrive together — held Backspace, pasted text, arrows over SSH — as one read from the terminal.
describe('Prompt: keys in one burst count one by one', () => {
	it('a burst of Backspaces erases, and never types U+007F', async () => {
		const prompt = renderPrompt(text);
		await prompt.press('libs');
		await prompt.waitForText('› libs');
		await prompt.press(keys.backspace.repeat(3));
		await prompt.waitForText('› l');
		expect(prompt.frame()).not.toContain('U+007F');
		await prompt.press(keys.backspace.repeat(5) + 'ab' + keys.backspace + 'pi');
		await prompt.waitForText('› api');
		expect(prompt.frame()).not.toMatch(/U\+|Use 2–50/);
	});

	it('pasted text with its Enter is the answer, with every character', async () => {
		const prompt = renderPrompt(text);
		await prompt.press('team-libs\r');
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('team-libs');
	});

	it('arrows that arrive together all move the highlight, and an Enter among them takes where they reached', async () => {
		const many: SelectQuestion = {
			kind: 'select',
			id: 'repository',
			message: 'Which repository?',
			choices: ['one', 'two', 'three', 'four', 'five'].map(value => ({value, label: value})),
			default: 'one',
		};
		const prompt = renderPrompt(many);
		await prompt.press(keys.down.repeat(3));
		await prompt.waitForText('❯ four');
		await prompt.press(keys.up + keys.up + keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('two');
	});

	it('the custom field opened by Enter takes the rest of the burst as its text', async () => {
		const prompt = renderPrompt(select);
		await prompt.press(keys.down + keys.enter);
		await prompt.waitForText('› my-domain');
		await prompt.press('team-q' + keys.backspace + 'z\r');
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('team-z');
	});
});

describe('Prompt: multiselect', () => {
	const hosts: MultiSelectQuestion = {
		kind: 'multiselect',
		id: 'instances',
		message: 'Which instances should get access?',
		choices: ['i-1', 'i-2', 'i-3'].map(value => ({value, label: value})),
		default: '',
		validate: () => undefined,
	};

	it('Space picks and drops, Enter takes what is picked — keys in one burst included', async () => {
		const prompt = renderPrompt(hosts);
		expect(prompt.frame()).toContain('❯ [ ] i-1');
		await prompt.press(' ' + keys.down + keys.down + ' ' + keys.up + ' ' + ' ');
		await prompt.waitForText('[x] i-3');
		expect(prompt.frame()).toContain('[x] i-1');
		await prompt.press(keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('i-1,i-3');
	});

	it('Enter with nothing picked is an answer too', async () => {
		const prompt = renderPrompt(hosts);
		await prompt.press(' ' + ' ' + keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('');
	});
});
