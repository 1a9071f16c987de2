import type {CreatedResource, Fact, PackageRow, Problem, StepStatus, WizardEvent} from './events.js';
import {mergeRow} from './package-table.js';
import type {Question} from './questions.js';
import {stepIds, type StepId} from './steps.js';

// What the Ink screens show, as one pure reducer over the journey's events and the host's
// questions: the screens render this state and nothing else.

/** How many of Maven's latest lines the view keeps; the screen shows fewer. */
export const mavenTailSize = 12;
/** Notes kept per step: a retried step should not grow without end. */
export const notesPerStep = 20;

export interface Note {
	tone: 'info' | 'success' | 'warning';
	message: string;
}

export interface ResourceView {
	resource: CreatedResource;
	reused: boolean;
}

export interface PolicyView {
	name: string;
	document: string;
	explanations: string[];
}

export interface FileDiff {
	path: string;
	lines: string[];
}

export interface Progress {
	message: string;
	done: boolean;
}

export interface StepView {
	status: StepStatus;
	notes: Note[];
	facts: Fact[];
	resources: ResourceView[];
	policy: PolicyView | undefined;
	diffs: FileDiff[];
	progress: Progress | undefined;
}

export interface ViewState {
	steps: Record<StepId, StepView>;
	/** The step whose screen is shown: the last one the journey made active. */
	active: StepId;
	/** Maven's latest lines (at most mavenTailSize) and how many it printed in all. */
	maven: {tail: string[]; total: number};
	/** The package table's rows, merged by package: see package-table.ts. */
	packages: PackageRow[];
	/** The problem that stopped a step, until that step runs again or completes. */
	problem: {step: StepId; problem: Problem} | undefined;
	/** The question waiting for an answer, if any. */
	question: Question | undefined;
	/** How many questions were asked: a fresh prompt per question, even when one is asked twice. */
	asked: number;
	summary: string[];
	terminal: {columns: number; rows: number};
	/** The user asked to quit; the journey is being stopped. */
	quitting: boolean;
}

export type ViewAction =
	| {type: 'event'; event: WizardEvent}
	| {type: 'question'; question: Question}
	| {type: 'answered'}
	| {type: 'resize'; columns: number; rows: number}
	| {type: 'quit'};

const emptyStep: StepView = {status: 'pending', notes: [], facts: [], resources: [], policy: undefined, diffs: [], progress: undefined};

export const initialViewState: ViewState = {
	steps: Object.fromEntries(stepIds.map(id => [id, emptyStep])) as Record<StepId, StepView>,
	active: 'preflight',
	maven: {tail: [], total: 0},
	packages: [],
	problem: undefined,
	question: undefined,
	asked: 0,
	summary: [],
	terminal: {columns: 80, rows: 24},
	quitting: false,
};

export function reduceView(state: ViewState, action: ViewAction): ViewState {
	switch (action.type) {
		case 'event':
			return reduceEvent(state, action.event);
		case 'question':
			return {...state, question: action.question, asked: state.asked + 1};
		case 'answered':
			return state.question ? {...state, question: undefined} : state;
		case 'resize':
			if (action.columns === state.terminal.columns && action.rows === state.terminal.rows) return state;
			return {...state, terminal: {columns: action.columns, rows: action.rows}};
		case 'quit':
			return state.quitting ? state : {...state, quitting: true};
	}
}

function reduceEvent(state: ViewState, event: WizardEvent): ViewState {
	switch (event.type) {
		case 'step': {
			const next = updateStep(state, event.step, step => ({...step, status: event.status}));
			// A step that runs again or gets past its problem (the token step, after a fix) clears it.
			const problem = state.problem?.step === event.step && (event.status === 'active' || event.status === 'done') ? undefined : state.problem;
			if (event.status !== 'active') return {...next, problem};
			return {...next, active: event.step, problem};
		}
		case 'note':
			return updateStep(state, event.step, step => ({...step, notes: [...step.notes, {tone: event.tone, message: event.message}].slice(-notesPerStep)}));
		case 'facts':
			return updateStep(state, event.step, step => ({...step, facts: replaceOrAppend(step.facts, event.facts, fact => fact.label)}));
		case 'resource': {
			const view: ResourceView = {resource: event.resource, reused: event.reused};
			return updateStep(state, event.step, step => ({...step, resources: replaceOrAppend(step.resources, [view], r => `${r.resource.kind}\u0000${r.resource.name}`)}));
		}
		case 'policy':
			return updateStep(state, event.step, step => ({...step, policy: {name: event.name, document: event.document, explanations: event.explanations}}));
		case 'diff':
			return updateStep(state, event.step, step => ({...step, diffs: replaceOrAppend(step.diffs, [{path: event.path, lines: event.lines}], d => d.path)}));
		case 'progress':
			return updateStep(state, event.step, step => ({...step, progress: {message: event.message, done: event.done ?? false}}));
		case 'maven-output':
			return {...state, maven: {tail: [...state.maven.tail, event.line.replace(/\r$/, '')].slice(-mavenTailSize), total: state.maven.total + 1}};
		case 'package':
			return {...state, packages: mergeRow(state.packages, event.row)};
		case 'problem':
			return {...state, problem: {step: event.step, problem: event.problem}};
		case 'summary':
			return {...state, summary: event.lines};
	}
}

function updateStep(state: ViewState, id: StepId, update: (step: StepView) => StepView): ViewState {
	return {...state, steps: {...state.steps, [id]: update(state.steps[id])}};
}

/** Items with a known key replace the old one in place; new keys go to the end. */
function replaceOrAppend<T>(items: T[], incoming: T[], key: (item: T) => string): T[] {
	const result = [...items];
	for (const item of incoming) {
		const index = result.findIndex(existing => key(existing) === key(item));
		if (index === -1) result.push(item);
		else result[index] = item;
	}
	return result;
}

