import {keys, renderWizard, waitFor} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {goBack, type SelectQuestion} from '../../source/wizard/questions.js';

const question: SelectQuestion = {
	kind: 'select',
	id: 'domain',
	message: 'Use an existing domain, or create one?',
	choices: [{value: 'shared', label: 'shared', hint: 'yours'}],
	default: 'shared',
	custom: {
		label: 'Create a new domain…',
		default: 'my-domain',
		validate: value => (/^[a-z][a-z0-9-]+$/.test(value) ? undefined : 'Lower-case letters, digits and hyphens only.'),
	},
	canGoBack: true,
};

function domainStep() {
	return renderWizard([
		{type: 'step', step: 'preflight', status: 'done'},
		{type: 'step', step: 'domain', status: 'active'},
		{type: 'progress', step: 'domain', message: '1 domain found', done: true},
	]);
}

const lastLine = (frame: string) => frame.trimEnd().split('\n').at(-1);

it('Enter takes the highlighted default, and the journey gets it', async () => {
	const wizard = domainStep();
	const answer = wizard.host.ask(question);
	const frame = await wizard.waitForText('? Use an existing domain, or create one?');
	expect(frame).toContain('A CodeArtifact domain groups repositories');
	expect(frame).toContain('✔ 1 domain found');
	expect(frame).toContain('❯ shared\n  Create a new domain…\n  yours');
	await wizard.press(keys.enter);
	await expect(answer).resolves.toBe('shared');
	await wizard.waitForText('q quit');
	expect(wizard.frame()).not.toContain('? Use an existing domain');
});

it('a new name typed into the custom field is the answer', async () => {
	const wizard = domainStep();
	const answer = wizard.host.ask(question);
	await wizard.waitForText('Create a new domain…');
	await wizard.press(keys.down, keys.enter, 'team-artifacts', keys.enter);
	await expect(answer).resolves.toBe('team-artifacts');
});

it('while a name is typed the keys say so, and q is a letter, not quit', async () => {
	const wizard = domainStep();
	const answer = wizard.host.ask(question);
	expect(lastLine(await wizard.waitForText('Create a new domain…'))).toBe('↑↓ choose · Enter select · Esc back · q quit');
	await wizard.press(keys.down, keys.enter);
	await wizard.waitForText('› my-domain');
	expect(lastLine(wizard.frame())).toBe('Enter accept · Esc back · Ctrl-C quit');
	await wizard.press('q');
	await wizard.waitForText('› q');
	expect(wizard.host.signal.aborted).toBe(false);
	await wizard.press(keys.escape);
	await wizard.waitForText('❯ Create a new domain…');
	expect(lastLine(wizard.frame())).toBe('↑↓ choose · Enter select · Esc back · q quit');
	const refused = expect(answer).rejects.toThrow('Stopped');
	await wizard.press('q');
	await waitFor(() => expect(wizard.host.signal.aborted).toBe(true));
	await refused;
});

it('a list with nothing to choose opens on the name, with the typing keys', async () => {
	const wizard = domainStep();
	const answer = wizard.host.ask({...question, message: 'Name the new domain', choices: [], default: 'ca-wizard-demo'});
	const frame = await wizard.waitForText('› ca-wizard-demo');
	expect(lastLine(frame)).toBe('Enter accept · Esc back · Ctrl-C quit');
	await wizard.press(keys.enter);
	await expect(answer).resolves.toBe('ca-wizard-demo');
});

it('Esc goes back', async () => {
	const wizard = domainStep();
	const answer = wizard.host.ask(question);
	await wizard.waitForText('Esc back');
	await wizard.press(keys.escape);
	await expect(answer).resolves.toBe(goBack);
});

it('shows the domain it created', async () => {
	const wizard = domainStep();
	wizard.host.notify({
		type: 'resource',
		step: 'domain',
		resource: {kind: 'domain', name: 'my-domain', arn: 'arn:aws:codeartifact:us-east-1:1:domain/my-domain'},
		reused: false,
	});
	await wizard.waitForText('+ Created domain my-domain');
});
