import {describe, expect, it} from 'vitest';
import type {PackageRow, WizardEvent} from '../../source/wizard/events.js';
import type {Question} from '../../source/wizard/questions.js';
import {exampleSummary} from '../helpers/example-summary.js';
import {instancesFixAccount, tokenFixAccount} from '../../source/wizard/fix-account.js';
import {initialViewState, mavenTailSize, notesPerStep, reduceView, startsTyping, type ViewAction, type ViewState} from '../../source/wizard/view-state.js';

function apply(actions: ViewAction[], state: ViewState = initialViewState): ViewState {
	return actions.reduce(reduceView, state);
}

function events(...list: WizardEvent[]): ViewAction[] {
	return list.map(event => ({type: 'event', event}));
}

function row(name: string, patch: Partial<PackageRow> = {}): PackageRow {
	return {name, namespace: 'org.example', format: 'maven', latestVersion: '1.0', publish: '', upstream: '', state: 'seen', ...patch};
}

const confirm: Question = {kind: 'confirm', id: 'create-access', message: 'Create?', default: true};

describe('reduceView', () => {
	it('starts with every step pending, preflight shown, nothing asked', () => {
		expect(initialViewState.active).toBe('preflight');
		expect(Object.values(initialViewState.steps).every(step => step.status === 'pending')).toBe(true);
		expect(initialViewState.question).toBeUndefined();
		expect(initialViewState.maven).toEqual({tail: [], total: 0});
	});

	it('follows step statuses and shows the last step made active, also when the journey goes back', () => {
		let state = apply(
			events(
				{type: 'step', step: 'preflight', status: 'active'},
				{type: 'step', step: 'preflight', status: 'done'},
				{type: 'step', step: 'domain', status: 'active'},
			),
		);
		expect(state.active).toBe('domain');
		expect(state.steps.preflight.status).toBe('done');
		state = apply(events({type: 'step', step: 'domain', status: 'pending'}, {type: 'step', step: 'preflight', status: 'active'}), state);
		expect(state.active).toBe('preflight');
		expect(state.steps.domain.status).toBe('pending');
		expect(state.steps.preflight.status).toBe('active');
	});

	it('keeps notes, facts, resources, policy, diffs and progress per step', () => {
		const state = apply(
			events(
				{type: 'note', step: 'domain', tone: 'success', message: 'Using domain d.'},
				{
					type: 'facts',
					step: 'preflight',
					facts: [
						{label: 'Account', value: '1'},
						{label: 'Region', value: 'us-east-1'},
					],
				},
				{type: 'facts', step: 'preflight', facts: [{label: 'Region', value: 'eu-west-1', tone: 'warn'}]},
				{type: 'resource', step: 'domain', resource: {kind: 'domain', name: 'd'}, reused: false},
				{type: 'resource', step: 'domain', resource: {kind: 'domain', name: 'd', arn: 'arn:d'}, reused: true},
				{type: 'policy', step: 'access', name: 'p', document: '{}', explanations: ['why']},
				{type: 'diff', step: 'settings', path: 'settings.xml', lines: ['+a']},
				{type: 'diff', step: 'settings', path: 'settings.xml', lines: ['+b']},
				{type: 'progress', step: 'domain', message: 'Creating…'},
				{type: 'progress', step: 'domain', message: 'Created', done: true},
			),
		);
		expect(state.steps.domain.notes).toEqual([{tone: 'success', message: 'Using domain d.'}]);
		expect(state.steps.preflight.facts).toEqual([
			{label: 'Account', value: '1'},
			{label: 'Region', value: 'eu-west-1', tone: 'warn'},
		]);
		expect(state.steps.domain.resources).toEqual([{resource: {kind: 'domain', name: 'd', arn: 'arn:d'}, reused: true}]);
		expect(state.steps.access.policy).toEqual({name: 'p', document: '{}', explanations: ['why']});
		expect(state.steps.settings.diffs).toEqual([{path: 'settings.xml', lines: ['+b']}]);
		expect(state.steps.domain.progress).toEqual({message: 'Created', done: true});
		expect(state.steps.repository).toBe(initialViewState.steps.repository);
	});

	it('caps notes per step', () => {
		const notes = Array.from({length: notesPerStep + 5}, (_, index): WizardEvent => ({type: 'note', step: 'token', tone: 'info', message: `n${index}`}));
		const state = apply(events(...notes));
		expect(state.steps.token.notes).toHaveLength(notesPerStep);
		expect(state.steps.token.notes.at(-1)?.message).toBe(`n${notesPerStep + 4}`);
	});

	it("keeps only Maven's latest lines, and counts them all", () => {
		const lines = Array.from({length: 40}, (_, index): WizardEvent => ({type: 'maven-output', line: `line ${index}\r`}));
		const state = apply(events(...lines));
		expect(state.maven.total).toBe(40);
		expect(state.maven.tail).toHaveLength(mavenTailSize);
		expect(state.maven.tail[0]).toBe(`line ${40 - mavenTailSize}`);
		expect(state.maven.tail.at(-1)).toBe('line 39');
	});

	it('merges package rows, the newest on top', () => {
		const state = apply(
			events({type: 'package', row: row('a')}, {type: 'package', row: row('b')}, {type: 'package', row: row('a', {state: 'confirmed', latestVersion: '2.0'})}),
		);
		expect(state.packages.map(p => `${p.name} ${p.latestVersion} ${p.state}`)).toEqual(['a 2.0 confirmed', 'b 1.0 seen']);
	});

	it('holds the problem until its step runs again', () => {
		const problem = {code: 'AccessDenied', message: 'No.', fix: 'Ask.'};
		let state = apply(
			events({type: 'step', step: 'token', status: 'active'}, {type: 'problem', step: 'token', problem}, {type: 'step', step: 'token', status: 'failed'}),
		);
		expect(state.problem).toEqual({step: 'token', problem});
		expect(state.steps.token.status).toBe('failed');
		state = apply(events({type: 'step', step: 'token', status: 'active'}), state);
		expect(state.problem).toBeUndefined();
	});

	it('holds the waiting question until it is answered, counting questions', () => {
		let state = apply([{type: 'question', question: confirm}]);
		expect(state.question).toBe(confirm);
		expect(state.asked).toBe(1);
		state = apply([{type: 'answered'}, {type: 'question', question: confirm}], state);
		expect(state.asked).toBe(2);
		state = reduceView(state, {type: 'answered'});
		expect(state.question).toBeUndefined();
		expect(reduceView(state, {type: 'answered'})).toBe(state);
	});

	it('records the summary, the terminal size and quitting', () => {
		const state = apply([{type: 'event', event: {type: 'summary', summary: exampleSummary}}, {type: 'resize', columns: 120, rows: 50}, {type: 'quit'}]);
		expect(state.summary).toEqual(exampleSummary);
		expect(state.terminal).toEqual({columns: 120, rows: 50});
		expect(state.quitting).toBe(true);
		expect(reduceView(state, {type: 'resize', columns: 120, rows: 50})).toBe(state);
	});

	it('never changes the state it is given', () => {
		const frozen = structuredClone(initialViewState);
		apply(
			events({type: 'step', step: 'domain', status: 'active'}, {type: 'note', step: 'domain', tone: 'info', message: 'x'}, {type: 'maven-output', line: 'y'}),
		);
		expect(initialViewState).toEqual(frozen);
	});
});

describe('a problem that its step gets past', () => {
	it('is cleared when the step completes (the token step after a fix)', () => {
		let state = reduceView(initialViewState, {type: 'event', event: {type: 'step', step: 'token', status: 'active'}});
		state = reduceView(state, {type: 'event', event: {type: 'problem', step: 'token', problem: {code: 'denied-token', message: 'refused'}}});
		expect(state.problem?.problem.code).toBe('denied-token');
		state = reduceView(state, {type: 'event', event: {type: 'step', step: 'token', status: 'done'}});
		expect(state.problem).toBeUndefined();
	});

	it('stays when the step failed', () => {
		let state = reduceView(initialViewState, {type: 'event', event: {type: 'problem', step: 'build', problem: {code: 'BuildFailed', message: 'failed'}}});
		state = reduceView(state, {type: 'event', event: {type: 'step', step: 'build', status: 'failed'}});
		expect(state.problem?.problem.code).toBe('BuildFailed');
	});
});

// Journey events and the host's actions share no type names: a test lists them together.
const viewActions = new Set<string>(['event', 'question', 'answered', 'resize', 'quit', 'typing', 'full-text', 'scroll', 'finished']);

function run(...actions: Array<ViewAction | WizardEvent>): ViewState {
	return actions.reduce<ViewState>(
		(state, action) => reduceView(state, viewActions.has(action.type) ? (action as ViewAction) : {type: 'event', event: action as WizardEvent}),
		initialViewState,
	);
}

const fix: Question = {
	kind: 'select',
	id: 'token-fix',
	message: 'How should the wizard fix this?',
	choices: [{value: 'attach', label: 'Attach'}],
	default: 'attach',
};
const name: Question = {
	kind: 'select',
	id: 'domain',
	message: 'Name the new domain',
	choices: [],
	default: 'demo',
	custom: {label: 'New…', default: 'demo', validate: () => undefined},
};
const refused: WizardEvent = {type: 'problem', step: 'token', problem: {code: 'denied-token', message: 'Refused.', fix: 'Attach the policy.'}};

describe('a problem and the answer at its step', () => {
	it('goes once the user answers a question at its step (the fix is chosen)', () => {
		const asked = run({type: 'step', step: 'token', status: 'active'}, refused, {type: 'question', question: fix});
		expect(asked.problem?.step).toBe('token');
		expect(run({type: 'step', step: 'token', status: 'active'}, refused, {type: 'question', question: fix}, {type: 'answered'}).problem).toBeUndefined();
	});

	it('stays when the question belongs to another step', () => {
		const state = run(
			{type: 'step', step: 'preflight', status: 'active'},
			{type: 'problem', step: 'domain', problem: {code: 'X', message: 'x'}},
			{type: 'question', question: fix},
			{type: 'answered'},
		);
		expect(state.problem?.step).toBe('domain');
	});

	it('goes when its step runs again or completes, and stays when the step failed', () => {
		const failed = run({type: 'step', step: 'token', status: 'active'}, refused, {type: 'step', step: 'token', status: 'failed'});
		expect(failed.problem?.step).toBe('token');
		expect(reduceView(failed, {type: 'event', event: {type: 'step', step: 'token', status: 'active'}}).problem).toBeUndefined();
		expect(run({type: 'step', step: 'token', status: 'active'}, refused, {type: 'step', step: 'token', status: 'done'}).problem).toBeUndefined();
	});
});

describe('typing', () => {
	it('starts with a text field for text questions and lists with nothing to choose', () => {
		expect(startsTyping(name)).toBe(true);
		expect(startsTyping(fix)).toBe(false);
		expect(startsTyping({kind: 'text', id: 't', message: 'm', default: ''})).toBe(true);
		expect(run({type: 'question', question: name}).typing).toBe(true);
		expect(run({type: 'question', question: fix}).typing).toBe(false);
	});

	it('follows the prompt, and ends with the answer', () => {
		const typing = run({type: 'question', question: fix}, {type: 'typing', typing: true});
		expect(typing.typing).toBe(true);
		expect(reduceView(typing, {type: 'answered'}).typing).toBe(false);
		expect(run({type: 'typing', typing: true}).typing).toBe(false);
	});
});

describe('the long text (v)', () => {
	it('opens at the top, scrolls, and closes with the answer or another step', () => {
		const open = run(
			{type: 'step', step: 'access', status: 'active'},
			{type: 'question', question: fix},
			{type: 'full-text', open: true},
			{type: 'scroll', offset: 7},
		);
		expect(open.fullText).toEqual({open: true, offset: 7});
		expect(reduceView(open, {type: 'scroll', offset: -3}).fullText).toEqual({open: true, offset: 0});
		expect(reduceView(open, {type: 'answered'}).fullText).toEqual({open: false, offset: 0});
		expect(reduceView(open, {type: 'event', event: {type: 'step', step: 'token', status: 'active'}}).fullText.open).toBe(false);
		expect(run({type: 'scroll', offset: 4}).fullText).toEqual({open: false, offset: 0});
	});
});

describe('finished', () => {
	it('records how the run ended, and nothing waits any more', () => {
		const state = run({type: 'question', question: name}, {type: 'quit'}, {type: 'finished', outcome: 'cancelled'});
		expect(state).toMatchObject({finished: 'cancelled', quitting: true, question: undefined, typing: false});
	});
});

describe('the log of finished steps', () => {
	it("keeps a finished step's first sentence of its last success note", () => {
		const state = run(
			{type: 'step', step: 'token', status: 'active'},
			{type: 'progress', step: 'token', message: 'The build host got a token', done: true},
			{type: 'note', step: 'token', tone: 'success', message: 'Token valid until 2026-01-01T10:39:00.000Z (12 h). It is never shown or written anywhere.'},
			{type: 'step', step: 'token', status: 'done'},
		);
		expect(state.log).toEqual([{step: 'token', result: 'token valid until 2026-01-01T10:39:00.000Z (12 h)'}]);
	});

	it('else what the step created or reused, naming a single resource', () => {
		const made = (kind: 'iam-policy' | 'iam-role' | 'role-policy-attachment' | 'instance-profile' | 'instance-profile-role', reused = false): WizardEvent => ({
			type: 'resource',
			step: 'access',
			resource: {kind, name: kind},
			reused,
		});
		const access = run(
			{type: 'step', step: 'access', status: 'active'},
			made('iam-policy'),
			made('iam-role'),
			made('role-policy-attachment'),
			made('instance-profile'),
			made('instance-profile-role'),
			{type: 'step', step: 'access', status: 'done'},
		);
		expect(access.log).toEqual([{step: 'access', result: 'created policy, role, instance profile'}]);
		const mixed = run({type: 'step', step: 'access', status: 'active'}, made('iam-policy', true), made('iam-role'), {
			type: 'step',
			step: 'access',
			status: 'done',
		});
		expect(mixed.log[0]?.result).toBe('created role iam-role; reused policy iam-policy');
		const domain = run(
			{type: 'step', step: 'domain', status: 'active'},
			{type: 'resource', step: 'domain', resource: {kind: 'domain', name: 'demo'}, reused: false},
			{type: 'step', step: 'domain', status: 'done'},
		);
		expect(domain.log[0]?.result).toBe('created domain demo');
	});

	it("keeps an automatic fix's account whole, on the build host or for other instances: it is the step's lesson", () => {
		const changedAt = new Date('2026-12-02T10:00:00Z');
		for (const account of [
			tokenFixAccount(['attached policy p to role r'], changedAt, new Date(changedAt.getTime() + 8_000)),
			instancesFixAccount(['attached policy p to role r'], changedAt, true),
		]) {
			const state = run(
				{type: 'step', step: 'token', status: 'active'},
				{type: 'note', step: 'token', tone: 'success', ...account},
				{type: 'step', step: 'token', status: 'done'},
			);
			expect(state.log).toEqual([{step: 'token', result: account.message, whole: true}]);
		}
	});

	it('stays in step order, and a step that runs again leaves it', () => {
		const done = (step: 'preflight' | 'domain'): WizardEvent[] => [
			{type: 'step', step, status: 'active'},
			{type: 'note', step, tone: 'success', message: `${step} ok.`},
			{type: 'step', step, status: 'done'},
		];
		const state = run(...done('preflight'), ...done('domain'));
		expect(state.log.map(entry => entry.step)).toEqual(['preflight', 'domain']);
		const back = reduceView(state, {type: 'event', event: {type: 'step', step: 'domain', status: 'pending'}});
		expect(back.log.map(entry => entry.step)).toEqual(['preflight']);
		const again = run(...done('domain'), ...done('preflight'));
		expect(again.log.map(entry => entry.step)).toEqual(['preflight', 'domain']);
		expect(again.log[1]?.result).toBe('domain ok');
	});
});
