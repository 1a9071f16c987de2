import {describe, expect, it} from 'vitest';
import type {PackageRow, WizardEvent} from '../../source/wizard/events.js';
import type {Question} from '../../source/wizard/questions.js';
import {initialViewState, mavenTailSize, notesPerStep, reduceView, type ViewAction, type ViewState} from '../../source/wizard/view-state.js';

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
		let state = apply(events({type: 'step', step: 'preflight', status: 'active'}, {type: 'step', step: 'preflight', status: 'done'}, {type: 'step', step: 'domain', status: 'active'}));
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
				{type: 'facts', step: 'preflight', facts: [{label: 'Account', value: '1'}, {label: 'Region', value: 'us-east-1'}]},
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
		const state = apply(events({type: 'package', row: row('a')}, {type: 'package', row: row('b')}, {type: 'package', row: row('a', {state: 'confirmed', latestVersion: '2.0'})}));
		expect(state.packages.map(p => `${p.name} ${p.latestVersion} ${p.state}`)).toEqual(['a 2.0 confirmed', 'b 1.0 seen']);
	});

	it('holds the problem until its step runs again', () => {
		const problem = {code: 'AccessDenied', message: 'No.', fix: 'Ask.'};
		let state = apply(events({type: 'step', step: 'token', status: 'active'}, {type: 'problem', step: 'token', problem}, {type: 'step', step: 'token', status: 'failed'}));
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
		const state = apply([{type: 'event', event: {type: 'summary', lines: ['Done.']}}, {type: 'resize', columns: 120, rows: 50}, {type: 'quit'}]);
		expect(state.summary).toEqual(['Done.']);
		expect(state.terminal).toEqual({columns: 120, rows: 50});
		expect(state.quitting).toBe(true);
		expect(reduceView(state, {type: 'resize', columns: 120, rows: 50})).toBe(state);
	});

	it('never changes the state it is given', () => {
		const frozen = structuredClone(initialViewState);
		apply(events({type: 'step', step: 'domain', status: 'active'}, {type: 'note', step: 'domain', tone: 'info', message: 'x'}, {type: 'maven-output', line: 'y'}));
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
