import {describe, expect, it} from 'vitest';
import {createInkHost, WizardQuit} from '../../source/host/ink-host.js';
import {createViewStore} from '../../source/host/view-store.js';
import {goBack, type Question} from '../../source/wizard/questions.js';

const domain: Question = {
	kind: 'select',
	id: 'domain',
	message: 'Use an existing domain, or create one?',
	choices: [{value: 'a', label: 'a'}],
	default: 'a',
	custom: {label: 'Create…', default: 'my-domain', validate: value => (/^[a-z][a-z0-9-]+$/.test(value) ? undefined : 'lower-case letters, digits and hyphens')},
	canGoBack: true,
};
const confirm: Question = {kind: 'confirm', id: 'write-settings', message: 'Write it?', default: true};

function setup() {
	const store = createViewStore();
	const host = createInkHost(store);
	return {store, host};
}

describe('createInkHost', () => {
	it('turns events into view state', () => {
		const {store, host} = setup();
		let changes = 0;
		store.subscribe(() => changes++);
		host.notify({type: 'step', step: 'domain', status: 'active'});
		expect(store.getState().active).toBe('domain');
		expect(changes).toBe(1);
	});

	it('shows the question and resolves with the screen’s answer', async () => {
		const {store, host} = setup();
		const answer = host.ask(domain);
		expect(store.getState().question).toBe(domain);
		expect(host.answer('Bad Name')).toBe(false);
		expect(store.getState().question).toBe(domain);
		expect(host.answer('new-domain')).toBe(true);
		await expect(answer).resolves.toBe('new-domain');
		expect(store.getState().question).toBeUndefined();
		expect(host.answer('a')).toBe(false);
	});

	it('resolves with goBack on Esc only where the question allows it', async () => {
		const {host} = setup();
		const first = host.ask(confirm);
		expect(host.back()).toBe(false);
		host.answer(false);
		await expect(first).resolves.toBe(false);
		const second = host.ask(domain);
		expect(host.back()).toBe(true);
		await expect(second).resolves.toBe(goBack);
	});

	it('refuses a second question while one waits', async () => {
		const {host} = setup();
		const first = host.ask(confirm);
		await expect(host.ask(domain)).rejects.toThrow(/still waits/);
		host.answer(true);
		await expect(first).resolves.toBe(true);
	});

	it('quit aborts the signal, refuses the waiting question and every later one', async () => {
		const {store, host} = setup();
		const waiting = host.ask(confirm);
		host.quit();
		await expect(waiting).rejects.toBeInstanceOf(WizardQuit);
		expect(host.signal.aborted).toBe(true);
		expect(host.signal.reason).toBeInstanceOf(WizardQuit);
		expect(store.getState()).toMatchObject({quitting: true, question: undefined});
		await expect(host.ask(confirm)).rejects.toBeInstanceOf(WizardQuit);
	});
});
