import {renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';
import type {WizardEvent} from '../../source/wizard/events.js';
import {tokenFixAccount} from '../../source/wizard/fix-account.js';
import {exampleSummary} from '../helpers/example-summary.js';
import {reachStep, settingsEvents, tokenEvents, writeSettings} from './journey-fixtures.js';

// "What just happened" after the token step's fix, at 80×24: in full on the token screen, then
// as the token step's line in the log (the wait first: the row is cut at the edge), and in the summary.

const changedAt = new Date('2026-12-02T10:00:00Z');
const account = tokenFixAccount(
	['attached policy ca-wizard-codeartifact-read-ca-wizard-demo to role build-host-role'],
	changedAt,
	new Date(changedAt.getTime() + 7_000),
);
const told: WizardEvent = {type: 'note', step: 'token', tone: 'success', ...account};
const size = {columns: 80, rows: 24};

it('tells the account in full on the token screen once the token is granted', async () => {
	const wizard = renderWizard(
		[
			...tokenEvents.filter(event => event.type !== 'problem'),
			{type: 'progress', step: 'token', message: 'The build host got a token', done: true},
			{type: 'note', step: 'token', tone: 'success', message: 'Token valid until 2026-12-02 22:00 UTC (12 h). It is never shown or written anywhere.'},
			told,
		],
		size,
	);
	const frame = await wizard.waitForText('then granted.');
	expect(frame.replace(/\s+/g, ' ')).toContain(
		"✔ Attached policy ca-wizard-codeartifact-read-ca-wizard-demo to role build-host-role. The build host's credentials carried the new permission after 7 s; the token was then granted.",
	);
	expect(wizard.height()).toBeLessThan(size.rows);
});

it('keeps the whole account in sight, wrapped, as the token step’s line while the next step asks', async () => {
	const wizard = renderWizard([...reachStep('token'), told, ...settingsEvents.slice(reachStep('token').length - 1)], size);
	void wizard.host.ask(writeSettings);
	const frame = await wizard.waitForText('? Write this change');
	expect(frame).toContain(
		"✔ Token check — Attached policy ca-wizard-codeartifact-read-ca-wizard-demo to\n  role build-host-role. The build host's credentials carried the new permission\n  after 7 s; the token was then granted.",
	);
	expect(frame).not.toContain('…\n');
	expect(wizard.height()).toBeLessThan(size.rows);

	await wizard.press('v');
	const open = await wizard.waitForText('v close');
	expect(open.replace(/\s+/g, ' ')).toContain(`✔ Token check — ${account.message}`);
	expect(wizard.height()).toBeLessThan(size.rows);
});

it('says it again, whole, in the summary', async () => {
	const wizard = renderWizard([...reachStep('summary'), {type: 'summary', summary: {...exampleSummary, happened: [account.message]}}], size);
	const frame = await wizard.waitForText('What the automatic fix did');
	expect(frame).toContain(
		"What the automatic fix did:\n  Attached policy ca-wizard-codeartifact-read-ca-wizard-demo to role\n  build-host-role. The build host's credentials carried the new permission after\n  7 s; the token was then granted.",
	);
	expect(wizard.height()).toBeLessThan(size.rows);
});

it('while it waits for the fix to take, says what it did in words, not as a resource kind', async () => {
	const wizard = renderWizard(
		[
			...tokenEvents.filter(event => event.type !== 'problem'),
			{
				type: 'resource',
				step: 'token',
				resource: {
					kind: 'role-policy-attachment',
					name: 'ca-wizard-codeartifact-read-ca-wizard-demo → build-host-role',
					details: {role: 'build-host-role', policyArn: 'arn:aws:iam::549480709600:policy/ca-wizard-codeartifact-read-ca-wizard-demo'},
				},
				reused: false,
			},
			{type: 'progress', step: 'token', message: 'Waiting for the build host to be granted a token…'},
		],
		size,
	);
	const frame = await wizard.waitForText('Waiting for the build host');
	expect(frame).toContain('+ Attached policy ca-wizard-codeartifact-read-ca-wizard-demo to role\n  build-host-role');
	expect(frame).not.toContain('role-policy-attachment');
	expect(wizard.height()).toBeLessThan(size.rows);
});

it('two steps later (the build, at 80×24), where the Maven output takes the rows, v shows the account first', async () => {
	const wizard = renderWizard(
		[
			...reachStep('token'),
			told,
			...reachStep('build').slice(-4),
			{type: 'progress', step: 'build', message: 'Running mvn compile…'},
			...Array.from({length: 20}, (_, index): WizardEvent => ({type: 'maven-output', line: `[INFO] line ${index}`})),
		],
		size,
	);
	const frame = await wizard.waitForText('Running mvn compile');
	expect(wizard.height()).toBeLessThan(size.rows);
	const whole = `✔ Token check — ${account.message}`;
	expect(frame).not.toContain('✔ Token check —');
	expect(frame).toContain('v view all');
	await wizard.press('v');
	const open = await wizard.waitForText('v close');
	expect(open.replace(/\s+/g, ' ')).toContain(`Build ${whole}`);
	expect(wizard.height()).toBeLessThan(size.rows);
});
