import {assertNever} from '../errors.js';
import {
	resourceNouns,
	type CreatedResource,
	type Fact,
	type PackageRow,
	type Problem,
	type PublishedEvent,
	type VerifiedEvent,
	type ProgressTone,
	type ResourceKind,
	type StepStatus,
	type Summary,
	type WizardEvent,
} from './events.js';
import {mergeRow} from './package-table.js';
import type {Plan} from './plan.js';
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
	/** This note tells what an automatic fix did ("what just happened"): the step's line keeps it whole. */
	account?: true;
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
	/** A finished line that is not a success: nothing found (info), or refused (failed). */
	tone?: ProgressTone;
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

/** One line about a finished step, kept above the screen once the step is done. */
export interface StepResult {
	step: StepId;
	/** What the step achieved: its last success note, else what it created or reused. */
	result: string;
	/** Shown whole, wrapped, never cut: the account of an automatic fix (the lesson of the manual IAM detour). */
	whole?: boolean;
}

/** How the run ended, as the CLI reports it right before it unmounts the screens. */
export type Outcome = 'completed' | 'stopped' | 'cancelled';

/** What a run that ended early leaves: 'created' (kept; how to resume and undo are printed below the screens), 'nothing' (how to resume is), or 'unsaid'. */
export type Left = 'created' | 'nothing' | 'unsaid';

export interface ViewState {
	steps: Record<StepId, StepView>;
	/** The step whose screen is shown: the last one the journey made active. */
	active: StepId;
	/** Maven's latest lines (at most mavenTailSize) and how many it printed in all. */
	maven: {tail: string[]; total: number};
	/** The package table's rows, merged by package: see package-table.ts. */
	packages: PackageRow[];
	/** How many packages the repository holds, once the build step has counted them: more than the rows when it held some already. */
	packageCount: number | undefined;
	/** The problem that stopped a step, until that step runs again or completes. */
	problem: {step: StepId; problem: Problem} | undefined;
	/** The question waiting for an answer, if any. */
	question: Question | undefined;
	/** How many questions were asked: a fresh prompt per question, even when one is asked twice. */
	asked: number;
	/** The publish step's package as the repository listed it, and the check of its download. */
	publish: {published?: PublishedEvent; verified?: VerifiedEvent};
	/** Set when the summary step reports it. */
	summary: Summary | undefined;
	/** Set when a dry run's summary step reports its plan. */
	plan: Plan | undefined;
	terminal: {columns: number; rows: number};
	/** The user asked to quit; the journey is being stopped. */
	quitting: boolean;
	/** Set once the run is over: no question, no keys, no hints any more. */
	finished: Outcome | undefined;
	/** The run ended on a failure the CLI prints below the screens once they are gone (not a problem event of a step). */
	failureBelow: boolean;
	/** What a run that ended early leaves, said in its last line: something created (kept), nothing, or unsaid (it ended before its journey began). */
	left: Left;
	/** The user is typing into a text field (a text question, or a list's "new name" item): letters are text, not keys. */
	typing: boolean;
	/** `v` shows the step's long text (the policy, the settings change) in full, scrolled to `offset` rows. */
	fullText: {open: boolean; offset: number};
	/** One line per finished step, in step order. */
	log: StepResult[];
}

export type ViewAction =
	| {type: 'event'; event: WizardEvent}
	| {type: 'question'; question: Question}
	| {type: 'answered'}
	| {type: 'resize'; columns: number; rows: number}
	| {type: 'quit'}
	| {type: 'typing'; typing: boolean}
	| {type: 'full-text'; open: boolean}
	| {type: 'scroll'; offset: number}
	| {type: 'finished'; outcome: Outcome; failureBelow?: boolean; left?: Left};

const emptyStep: StepView = {status: 'pending', notes: [], facts: [], resources: [], policy: undefined, diffs: [], progress: undefined};

export const initialViewState: ViewState = {
	steps: Object.fromEntries(stepIds.map(id => [id, emptyStep])) as Record<StepId, StepView>,
	active: 'preflight',
	maven: {tail: [], total: 0},
	packages: [],
	packageCount: undefined,
	problem: undefined,
	question: undefined,
	asked: 0,
	publish: {},
	summary: undefined,
	plan: undefined,
	terminal: {columns: 80, rows: 24},
	quitting: false,
	finished: undefined,
	failureBelow: false,
	left: 'unsaid',
	typing: false,
	fullText: {open: false, offset: 0},
	log: [],
};

const closedText = {open: false, offset: 0};

/** Whether a question opens on a text field: a text question, or a list with nothing to choose but a new name. */
export function startsTyping(question: Question): boolean {
	return question.kind === 'text' || (question.kind === 'select' && question.custom !== undefined && question.choices.length === 0);
}

export function reduceView(state: ViewState, action: ViewAction): ViewState {
	switch (action.type) {
		case 'event':
			return reduceEvent(state, action.event);
		case 'question':
			return {...state, question: action.question, asked: state.asked + 1, typing: startsTyping(action.question)};
		case 'answered': {
			if (!state.question) return state;
			// Answering at the step that reported a problem (e.g. choosing a fix) puts that problem behind.
			const problem = state.problem?.step === state.active ? undefined : state.problem;
			return {...state, question: undefined, typing: false, fullText: closedText, problem};
		}
		case 'resize':
			if (action.columns === state.terminal.columns && action.rows === state.terminal.rows) return state;
			return {...state, terminal: {columns: action.columns, rows: action.rows}};
		case 'quit':
			return state.quitting ? state : {...state, quitting: true, typing: false};
		case 'typing':
			return action.typing === state.typing || !state.question ? state : {...state, typing: action.typing};
		case 'full-text':
			return action.open === state.fullText.open ? state : {...state, fullText: {open: action.open, offset: 0}};
		case 'scroll': {
			const offset = Math.max(0, Math.floor(action.offset));
			return !state.fullText.open || offset === state.fullText.offset ? state : {...state, fullText: {open: true, offset}};
		}
		case 'finished':
			return {
				...state,
				finished: action.outcome,
				failureBelow: action.failureBelow ?? false,
				left: action.left ?? 'unsaid',
				question: undefined,
				typing: false,
				fullText: closedText,
			};
		default:
			return assertNever(action);
	}
}

function reduceEvent(state: ViewState, event: WizardEvent): ViewState {
	switch (event.type) {
		case 'step': {
			const next = updateStep(state, event.step, step => ({...step, status: event.status}));
			// A step that runs again or gets past its problem (the token step, after a fix) clears it.
			const problem = state.problem?.step === event.step && (event.status === 'active' || event.status === 'done') ? undefined : state.problem;
			const log = logStep(state.log, event.step, event.status === 'done' ? stepResult(next.steps[event.step]) : undefined);
			if (event.status !== 'active') return {...next, problem, log};
			return {...next, active: event.step, problem, log, fullText: event.step === state.active ? state.fullText : closedText};
		}
		case 'note': {
			const note: Note = {tone: event.tone, message: event.message, ...(event.happened ? {account: true as const} : {})};
			return updateStep(state, event.step, step => ({...step, notes: [...step.notes, note].slice(-notesPerStep)}));
		}
		case 'facts':
			return updateStep(state, event.step, step => ({...step, facts: replaceOrAppend(step.facts, event.facts, fact => fact.label)}));
		case 'resource': {
			const view: ResourceView = {resource: event.resource, reused: event.reused};
			return updateStep(state, event.step, step => ({
				...step,
				resources: replaceOrAppend(step.resources, [view], r => `${r.resource.kind}\u0000${r.resource.name}`),
			}));
		}
		case 'policy':
			return updateStep(state, event.step, step => ({...step, policy: {name: event.name, document: event.document, explanations: event.explanations}}));
		case 'diff':
			return updateStep(state, event.step, step => ({...step, diffs: replaceOrAppend(step.diffs, [{path: event.path, lines: event.lines}], d => d.path)}));
		case 'progress':
			return updateStep(state, event.step, step => ({
				...step,
				progress: {message: event.message, done: event.done ?? false, ...(event.done && event.tone ? {tone: event.tone} : {})},
			}));
		case 'maven-output':
			return {...state, maven: {tail: [...state.maven.tail, event.line.replace(/\r$/, '')].slice(-mavenTailSize), total: state.maven.total + 1}};
		case 'package':
			return {...state, packages: mergeRow(state.packages, event.row)};
		case 'package-count':
			return {...state, packageCount: event.count};
		// A warning shows in the same box: the fix to choose follows it, and answering puts it behind.
		case 'problem':
		case 'warning':
			return {...state, problem: {step: event.step, problem: event.problem}};
		case 'fixed':
			return state; // the token step's own success note says so on screen
		case 'published':
			return {...state, publish: {published: event}};
		case 'verified':
			return {...state, publish: {...state.publish, verified: event}};
		case 'summary':
			return {...state, summary: event.summary};
		case 'plan':
			return {...state, plan: event.plan};
		default:
			return assertNever(event);
	}
}

/** The log with `step`'s line set (in step order), or removed when the step is no longer done. */
function logStep(log: StepResult[], step: StepId, result: Omit<StepResult, 'step'> | undefined): StepResult[] {
	const others = log.filter(entry => entry.step !== step);
	if (result === undefined) return others.length === log.length ? log : others;
	return [...others, {step, ...result}].sort((a, b) => stepIds.indexOf(a.step) - stepIds.indexOf(b.step));
}

/** Kinds that only join two others: named only when nothing else was made. */
const glue = new Set<ResourceKind>(['role-policy-attachment', 'instance-profile-role']);

/**
 * A finished step in a few words: the first sentence of its last success note, else what it
 * made or reused, else its last finished progress. After an automatic fix, the whole account
 * instead (what changed, how long the credentials took): it is the step's lesson, kept whole.
 */
function stepResult(view: StepView): Omit<StepResult, 'step'> {
	const success = view.notes.findLast(note => note.tone === 'success');
	if (success?.account) return {result: success.message, whole: true};
	if (success) return {result: lowerFirst(firstSentence(success.message))};
	const made = describeResources(view.resources);
	if (made) return {result: made};
	return {result: view.progress?.done && !view.progress.tone ? lowerFirst(firstSentence(view.progress.message)) : ''};
}

function describeResources(resources: ResourceView[]): string {
	const phrase = (reused: boolean) => {
		const mine = resources.filter(view => view.reused === reused).map(view => view.resource);
		const [only] = mine;
		if (only && mine.length === 1) return `${resourceNouns[only.kind]} ${only.name}`;
		const shown = mine.some(resource => !glue.has(resource.kind)) ? mine.filter(resource => !glue.has(resource.kind)) : mine;
		return [...new Set(shown.map(resource => resourceNouns[resource.kind]))].join(', ');
	};
	const created = phrase(false);
	const reused = phrase(true);
	return [created && `created ${created}`, reused && `reused ${reused}`].filter(Boolean).join('; ');
}

function firstSentence(text: string): string {
	return (/^(.+?)\.(?:\s|$)/.exec(text)?.[1] ?? text).trim();
}

/** 'Token valid…' → 'token valid…', but 'BUILD SUCCESS' and 'CodeArtifact' stay as they are. */
function lowerFirst(text: string): string {
	return /^[A-Z][a-z]/.test(text) && !/^[A-Z][a-z]+[A-Z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
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
