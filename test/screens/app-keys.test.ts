import {keys, renderWizard, waitFor} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {finishApp} from '../../source/app.js';
import {reachStep} from './journey-fixtures.js';
import {WizardQuit} from '../../source/host/ink-host.js';
import type {Question} from '../../source/wizard/questions.js';
import {exampleSummary} from '../helpers/example-summary.js';

const lastLine = (frame: string) => frame.trimEnd().split('\n').at(-1);

it('q quits when no question waits', async () => {
	const wizard = renderWizard([{type: 'step', step: 'domain', status: 'active'}]);
	await wizard.waitForText('q quit');
	await wizard.press('q');
	await waitFor(() => expect(wizard.host.signal.aborted).toBe(true));
	await wizard.waitForText('stopping…');
});

it('q quits at a list and at a yes/no question, and the question is refused', async () => {
	const questions: Question[] = [
		{kind: 'select', id: 'project-choice', message: 'Which project?', choices: [{value: 'demo', label: 'The demo'}], default: 'demo'},
		{kind: 'confirm', id: 'upstream', message: 'Connect?', default: true},
	];
	for (const question of questions) {
		const wizard = renderWizard([{type: 'step', step: 'preflight', status: 'active'}]);
		const refused = expect(wizard.host.ask(question)).rejects.toBeInstanceOf(WizardQuit);
		await wizard.waitForText(question.message);
		await wizard.press('q');
		await refused;
		await wizard.waitForText('stopping…');
	}
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

it('after a quit, the last frame says plainly what happened and offers no keys', async () => {
	const wizard = renderWizard([{type: 'step', step: 'upstream', status: 'active'}]);
	void wizard.host.ask({kind: 'confirm', id: 'upstream', message: 'Connect?', default: true}).catch(() => {});
	await wizard.waitForText('Connect?');
	await wizard.press('q');
	await wizard.waitForText('stopping…');
	wizard.store.dispatch({type: 'finished', outcome: 'cancelled', left: 'created'});
	const frame = await wizard.waitForText('Stopped.');
	expect(lastLine(frame)).toBe('Stopped. What was created is kept; below: how to resume or undo it.');
	expect(frame).not.toContain('quit');
	expect(frame).not.toContain('stopping');
});

it('finishApp draws the ending before it unmounts', async () => {
	const wizard = renderWizard([{type: 'step', step: 'domain', status: 'active'}]);
	await wizard.waitForText('q quit');
	await wizard.press('q');
	await finishApp(wizard.instance, wizard.store, 'cancelled', {left: 'nothing'});
	expect(lastLine(wizard.frame())).toBe('Stopped. Nothing was created; below: how to resume.');
});

it('a run that stopped at a problem keeps the problem and ends without key hints', async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'settings', status: 'active'},
		{type: 'problem', step: 'settings', problem: {code: 'SettingsDeclined', message: 'settings.xml was left as it was.', fix: 'Run ca-wizard again.'}},
		{type: 'step', step: 'settings', status: 'failed'},
	]);
	wizard.store.dispatch({type: 'finished', outcome: 'stopped'});
	const frame = await wizard.waitForText('Stopped at the problem above.');
	expect(frame).toContain('✖ settings.xml was left as it was. [SettingsDeclined]');
	expect(frame).not.toContain('q quit');
});

it('a run that stopped on a failure printed after the screens points below, not above, and claims nothing it does not know', async () => {
	const wizard = renderWizard([{type: 'step', step: 'preflight', status: 'active'}], {columns: 80, rows: 24});
	await wizard.waitForText('q quit');
	// It ended before its journey began (the offline offer declined, no region): nothing to say it kept.
	await finishApp(wizard.instance, wizard.store, 'stopped', {failureBelow: true});
	const frame = wizard.frame();
	expect(lastLine(frame)).toBe('Stopped at the problem below.');
	expect(frame).not.toContain('kept');
	expect(frame).not.toContain('above');
	for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
});

it("at 80×24 a run stopped at a step's problem points above, and the problem is there, above it", async () => {
	const wizard = renderWizard(
		[
			...reachStep('token'),
			{
				type: 'problem',
				step: 'token',
				problem: {code: 'TokenRefused', message: 'The build host may not ask for a token', fix: "Fix the build host's access, then run ca-wizard again."},
			},
			{type: 'step', step: 'token', status: 'failed'},
		],
		{columns: 80, rows: 24},
	);
	await wizard.waitForText('q quit');
	await finishApp(wizard.instance, wizard.store, 'stopped', {left: 'created'});
	const lines = wizard.frame().split('\n');
	// The line wraps at 80 columns: its two rows read as one.
	expect(lines.slice(-2).join(' ')).toBe('Stopped at the problem above. What was created is kept; below: how to resume or undo it.');
	expect(lines.findIndex(line => line.includes('✖ The build host may not ask for a token'))).toBeLessThan(lines.length - 2);
	expect(lines.length).toBeLessThan(24);
	for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
});

it('a stopped run with no problem anywhere points nowhere', async () => {
	const wizard = renderWizard([{type: 'step', step: 'preflight', status: 'active'}]);
	await wizard.waitForText('q quit');
	wizard.store.dispatch({type: 'finished', outcome: 'stopped'});
	await waitFor(() => expect(lastLine(wizard.frame())).toBe('Stopped.'));
});

it('a completed run ends on its summary, with no key hints', async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'summary', status: 'active'},
		{type: 'summary', summary: exampleSummary},
		{type: 'step', step: 'summary', status: 'done'},
	]);
	await wizard.waitForText('q quit');
	wizard.store.dispatch({type: 'finished', outcome: 'completed'});
	await waitFor(() => expect(wizard.frame()).not.toContain('q quit'));
	expect(lastLine(wizard.frame())).toBe('Commands are printed below the screen, ready to copy.');
	await wizard.press('q');
	expect(wizard.host.signal.aborted).toBe(false);
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
