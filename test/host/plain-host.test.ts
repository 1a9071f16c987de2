import {describe, expect, it} from 'vitest';
import {NoAnswerError} from '../../source/host/answers.js';
import {createPlainHost} from '../../source/host/plain-host.js';
import {instancesQuestion} from '../../source/wizard/instance-choice.js';
import type {WizardEvent} from '../../source/wizard/events.js';
import type {Question} from '../../source/wizard/questions.js';
import {summaryText} from '../../source/wizard/summary-lines.js';
import {exampleSummary} from '../helpers/example-summary.js';
import {refusedMessage, refusedToken} from '../helpers/refused-token.js';

const domain: Question = {
	kind: 'select',
	id: 'domain',
	message: 'Use an existing domain, or create one?',
	choices: [
		{value: 'shared', label: 'shared', hint: 'yours'},
		{value: 'other', label: 'other'},
	],
	default: 'shared',
	custom: {
		label: 'Create…',
		default: 'my-domain',
		validate: value => (/^[a-z][a-z0-9-]+$/.test(value) ? undefined : 'use lower-case letters, digits and hyphens.'),
	},
};
const local: Question = {
	kind: 'select',
	id: 'local-repository',
	message: 'Which local repository?',
	choices: [
		{value: 'throwaway', label: 'A throwaway folder'},
		{value: 'user', label: '~/.m2'},
	],
	default: 'throwaway',
};
const description: Question = {
	kind: 'text',
	id: 'description',
	message: 'Describe the repository',
	default: 'Maven packages',
	validate: value => (value.length > 10 ? 'at most 10 characters' : undefined),
};
const upstream: Question = {kind: 'confirm', id: 'upstream', message: 'Connect to Maven Central?', default: true};

function setup(answers: Record<string, string> = {}, yes = false) {
	let text = '';
	const host = createPlainHost({out: {write: chunk => (text += chunk)}, answers, yes});
	return {host, output: () => text};
}

describe('createPlainHost', () => {
	it('answers from flags: a choice value, a new name that passes validate, text, yes/no/true/false', async () => {
		const {host, output} = setup({domain: 'other', 'local-repository': 'user', description: 'short', upstream: 'no'});
		await expect(host.ask(domain)).resolves.toBe('other');
		await expect(host.ask(local)).resolves.toBe('user');
		await expect(host.ask(description)).resolves.toBe('short');
		await expect(host.ask(upstream)).resolves.toBe(false);
		for (const [word, value] of [
			['yes', true],
			['TRUE', true],
			['false', false],
		] as const) {
			await expect(setup({upstream: word}).host.ask(upstream)).resolves.toBe(value);
		}
		await expect(setup({domain: 'brand-new'}).host.ask(domain)).resolves.toBe('brand-new');
		expect(output()).toContain('? Which local repository? ~/.m2 (--local-repository)\n');
		expect(output()).toContain('? Connect to Maven Central? no (--upstream)\n');
	});

	it('takes the defaults with --yes, and a flag still wins', async () => {
		const {host, output} = setup({upstream: 'false'}, true);
		await expect(host.ask(domain)).resolves.toBe('shared');
		await expect(host.ask(description)).resolves.toBe('Maven packages');
		await expect(host.ask(upstream)).resolves.toBe(false);
		expect(output()).toContain('? Use an existing domain, or create one? shared (default)\n');
	});

	it('refuses at once, naming the flag, when nothing answers', async () => {
		const {host} = setup();
		const refused = host.ask(domain);
		await expect(refused).rejects.toBeInstanceOf(NoAnswerError);
		await expect(refused).rejects.toThrow('No terminal to ask "Use an existing domain, or create one?": pass --domain VALUE, or --yes to take the defaults.');
		await expect(host.ask(upstream)).rejects.toMatchObject({code: 'NoTerminal', questionId: 'upstream'});
	});

	it('refuses a flag the question does not accept, saying why', async () => {
		await expect(setup({domain: 'Bad Name'}, true).host.ask(domain)).rejects.toThrow(
			'--domain "Bad Name" is not accepted: use lower-case letters, digits and hyphens.',
		);
		await expect(setup({'local-repository': 'elsewhere'}).host.ask(local)).rejects.toThrow(
			'--local-repository "elsewhere" is not accepted: choose one of throwaway, user.',
		);
		await expect(setup({description: 'far too long'}).host.ask(description)).rejects.toMatchObject({code: 'BadFlag'});
		await expect(setup({upstream: 'maybe'}).host.ask(upstream)).rejects.toThrow('--upstream "maybe" is not accepted: answer yes or no.');
	});

	it('answers a multi-choice with the listed values, or none by default, and refuses one not listed', async () => {
		const instances = instancesQuestion(
			['i-0aaaaaaaaaaaaaaa1', 'i-0aaaaaaaaaaaaaaa2'].map(instanceId => ({instanceId, state: 'running', missing: []})),
			'ca-wizard-build-host',
		);
		const {host, output} = setup({instances: 'i-0aaaaaaaaaaaaaaa2,i-0aaaaaaaaaaaaaaa1'});
		await expect(host.ask(instances)).resolves.toBe('i-0aaaaaaaaaaaaaaa2,i-0aaaaaaaaaaaaaaa1');
		expect(output()).toContain('(--instances)\n');
		const byDefault = setup({}, true);
		await expect(byDefault.host.ask(instances)).resolves.toBe('');
		expect(byDefault.output()).toContain('? Which EC2 build hosts should get access to the repository? none (default)\n');
		await expect(setup({instances: 'i-0aaaaaaaaaaaaaaa3'}).host.ask(instances)).rejects.toThrow(
			'--instances "i-0aaaaaaaaaaaaaaa3" is not accepted: i-0aaaaaaaaaaaaaaa3 is not among i-0aaaaaaaaaaaaaaa1, i-0aaaaaaaaaaaaaaa2.',
		);
	});

	it("prints a countdown's progress once, not once per tick; a new message is printed again", () => {
		const {host, output} = setup();
		for (const left of [15, 14, 13])
			host.notify({type: 'progress', step: 'token', message: `Waiting for the change to reach the build host (up to ${left} s more)…`});
		host.notify({type: 'progress', step: 'token', message: 'The build host got a token', done: true});
		expect(output()).toBe('  Waiting for the change to reach the build host (up to 15 s more)…\n  The build host got a token\n');
	});

	it('prints events as plain lines, without colours or spinners', () => {
		const {host, output} = setup();
		const events: WizardEvent[] = [
			{type: 'step', step: 'domain', status: 'active'},
			{type: 'progress', step: 'domain', message: 'Creating domain d…'},
			{type: 'progress', step: 'domain', message: 'Creating domain d…'},
			{type: 'resource', step: 'domain', resource: {kind: 'domain', name: 'd', arn: 'arn:d'}, reused: false},
			{type: 'note', step: 'domain', tone: 'warning', message: 'Careful.'},
			{type: 'facts', step: 'domain', facts: [{label: 'Owner', value: '111122223333'}]},
			{type: 'step', step: 'domain', status: 'done'},
			{type: 'maven-output', line: '\u001b[0m[INFO] \u001b[1mBUILD SUCCESS\u001b[m'},
			{type: 'package', row: {name: 'junit', namespace: 'junit', format: 'maven', latestVersion: '4.13.2', publish: '', upstream: '', state: 'seen'}},
			{
				type: 'package',
				row: {name: 'junit', namespace: 'junit', format: 'maven', latestVersion: '4.13.2', publish: 'BLOCK', upstream: 'ALLOW', state: 'confirmed'},
			},
			{
				type: 'package',
				row: {name: 'junit', namespace: 'junit', format: 'maven', latestVersion: '4.13.2', publish: 'BLOCK', upstream: 'ALLOW', state: 'confirmed'},
			},
			{type: 'warning', step: 'token', problem: {code: 'denied-token', message: 'Refused.', details: ['AWS said no.']}},
			{type: 'fixed', step: 'token', code: 'denied-token', fix: 'Attach the policy to build-host-role'},
			{type: 'problem', step: 'token', problem: {code: 'AccessDenied', message: 'No token.', fix: 'Attach the policy.', details: ['first']}},
			{type: 'summary', summary: exampleSummary},
		];
		for (const event of events) host.notify(event);
		expect(output()).toBe(
			[
				'',
				'[2/10] Domain',
				'  Creating domain d…',
				'  created domain d (arn:d)',
				'  warning: Careful.',
				'  Owner: 111122223333',
				'[2/10] Domain: done',
				'  | [INFO] BUILD SUCCESS',
				'  package junit:junit 4.13.2 is in the repository',
				// A refusal the run fixed is a warning with its fix; only what stops the run is an error.
				'warning [denied-token]: Refused.',
				'    AWS said no.',
				'  fixed [denied-token]: Attach the policy to build-host-role',
				'error [AccessDenied]: No token.',
				'  fix: Attach the policy.',
				'    first',
				'',
				...summaryText(exampleSummary),
				'',
			].join('\n'),
		);
		expect(output()).not.toMatch(/\u001B/);
	});

	it("prints AWS's own error under the plain explanation, word for word", () => {
		const {host, output} = setup();
		host.notify(refusedToken);
		expect(output().split('\n')).toEqual([
			'error [denied-token]: No token.',
			'    Role r may not call it.',
			`    AccessDeniedException: ${refusedMessage}`,
			'',
		]);
	});
});
