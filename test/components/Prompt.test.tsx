import {keys, renderInk, waitFor} from '../helpers/render.js';
import {describe, expect, it, vi} from 'vitest';
import {Prompt} from '../../source/components/Prompt.js';
import type {ConfirmQuestion, Question, SelectQuestion, TextQuestion} from '../../source/wizard/questions.js';

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

function renderPrompt(question: Question) {
	const intents = {onAnswer: vi.fn(), onBack: vi.fn(), onQuit: vi.fn()};
	return {...renderInk(<Prompt question={question} {...intents} />), ...intents};
}

describe('Prompt: select', () => {
	it('shows the message, the detail, hints, and highlights the default', () => {
		const prompt = renderPrompt(select);
		expect(prompt.frame()).toBe(['? Use an existing domain, or create one?', 'A domain holds repositories.', '  alpha  (yours)', '❯ beta', '  Create a new domain…'].join('\n'));
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

	it('the custom item opens a text field that validates as you type; Enter on it empty takes its default', async () => {
		const prompt = renderPrompt(select);
		await prompt.press(keys.down, keys.enter);
		await prompt.waitForText('› my-domain');
		await prompt.press('Bad');
		await prompt.waitForText('Use 2–50 lower-case letters, digits and hyphens.');
		await prompt.press(keys.enter);
		expect(prompt.onAnswer).not.toHaveBeenCalled();
		await prompt.press(keys.backspace, keys.backspace, keys.backspace);
		await waitFor(() => expect(prompt.frame()).not.toContain('Use 2–50'));
		await prompt.press(keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('my-domain');
	});

	it('a typed custom name is the answer', async () => {
		const prompt = renderPrompt(select);
		await prompt.press(keys.down, keys.enter, 'team-domain', keys.enter);
		expect(prompt.onAnswer).toHaveBeenCalledExactlyOnceWith('team-domain');
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
		expect(prompt.onBack).not.toHaveBeenCalled();
		await prompt.press(keys.escape);
		await waitFor(() => expect(prompt.onBack).toHaveBeenCalledOnce());
	});

	it('Esc does nothing where going back is not allowed; q quits', async () => {
		const prompt = renderPrompt({...select, canGoBack: false});
		await prompt.press(keys.escape, 'q');
		await waitFor(() => expect(prompt.onQuit).toHaveBeenCalledOnce());
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

	it('q is a letter here, not quit', async () => {
		const prompt = renderPrompt(text);
		await prompt.press('q');
		await prompt.waitForText('› q');
		expect(prompt.onQuit).not.toHaveBeenCalled();
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
