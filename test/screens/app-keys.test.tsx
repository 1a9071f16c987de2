import {keys, renderWizard, waitFor} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {WizardQuit} from '../../source/host/ink-host.js';

it('q quits when no question waits', async () => {
	const wizard = renderWizard([{type: 'step', step: 'domain', status: 'active'}]);
	await wizard.waitForText('q quit');
	await wizard.press('q');
	await waitFor(() => expect(wizard.host.signal.aborted).toBe(true));
	await wizard.waitForText('stopping…');
});

it('Ctrl-C quits even in a text field, and the waiting question is refused', async () => {
	const wizard = renderWizard([{type: 'step', step: 'repository', status: 'active'}]);
	const answer = wizard.host.ask({kind: 'text', id: 'description', message: 'Describe the repository', default: ''});
	await wizard.waitForText('Describe the repository');
	await wizard.press('q');
	await wizard.waitForText('› q');
	expect(wizard.host.signal.aborted).toBe(false);
	const refused = expect(answer).rejects.toBeInstanceOf(WizardQuit);
	await wizard.press(keys.ctrlC);
	await refused;
	await wizard.waitForText('stopping…');
	expect(wizard.frame()).not.toContain('Describe the repository');
});

it('Esc does nothing where the question does not allow going back', async () => {
	const wizard = renderWizard([{type: 'step', step: 'access', status: 'active'}]);
	const answer = wizard.host.ask({kind: 'confirm', id: 'create-access', message: 'Create them?', default: true});
	await wizard.waitForText('Create them?');
	await wizard.press(keys.escape, 'n');
	await expect(answer).resolves.toBe(false);
});

it('asking the same question twice starts from a fresh prompt', async () => {
	const wizard = renderWizard([{type: 'step', step: 'repository', status: 'active'}]);
	const question = {kind: 'text', id: 'description', message: 'Describe the repository', default: 'libs'} as const;
	const first = wizard.host.ask(question);
	await wizard.waitForText('› libs');
	await wizard.press('abc', keys.enter);
	await expect(first).resolves.toBe('abc');
	const second = wizard.host.ask(question);
	await wizard.waitForText('› libs');
	await wizard.press(keys.enter);
	await expect(second).resolves.toBe('libs');
});
