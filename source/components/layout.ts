import type {StepResult, ViewState} from '../wizard/view-state.js';
import {bannerDetailRows, bannerHeight} from './ErrorBanner.js';
import {endingLine, keyHints, type FullTextStatus, type ProblemPlace} from './KeyHints.js';
import {promptHeight} from './Prompt.js';
import type {ScreenBody} from './Rows.js';
import {conceptHeight, noteHeight, progressHeight, type FramePlan} from './StepFrame.js';
import {stepRailHeight} from './StepRail.js';
import {rowCount} from './text-rows.js';

// The whole frame must fit the terminal: once Ink draws more rows than the terminal has, it
// clears the screen on every frame and the top (the step rail) scrolls away. So each frame is
// planned from the terminal's size, in order of what matters: the rail, the question and the
// key hints always; then the problem, the step's own content, spacing, the concept, older
// notes and the log of finished steps, each as far as rows remain.

export interface ScreenPlan {
	frame: FramePlan;
	/** How many of the latest finished-step lines to show. */
	log: number;
	/** Rows for each of the body's parts, in the body's order. */
	parts: number[];
	/** Rows for the problem's details. */
	bannerDetails: number;
	/** Whether `v` has something to show, or shows it now. */
	fullText: FullTextStatus;
	/** While `v` shows the long text: the rows of its window. */
	window: number | undefined;
}

/** Rows taken in order of importance; what comes first is shown even when it does not fit. */
class RowBudget {
	constructor(public left: number) {}

	/** Takes `rows` whatever is left (for what must be on screen). */
	need(rows: number): number {
		this.left -= rows;
		return rows;
	}

	/** Takes up to `rows`; returns how many it got. */
	take(rows: number): number {
		const got = Math.max(0, Math.min(rows, this.left));
		this.left -= got;
		return got;
	}

	/** Takes `rows` only when all of them fit. */
	takeAll(rows: number): boolean {
		if (rows > this.left) return false;
		this.left -= rows;
		return true;
	}
}

/** The finished steps' lines above the screen: not the shown step's own, its screen says more. */
export function finishedSteps(state: ViewState): StepResult[] {
	return state.log.filter(entry => entry.step !== state.active);
}

/** The banner (above the last line) shows a step's problem; a failure outside the steps is printed below once the screens are gone. */
export function problemPlace(state: ViewState): ProblemPlace {
	return state.problem ? 'above' : state.failureBelow ? 'below' : 'none';
}

export function planScreen(state: ViewState, body: ScreenBody): ScreenPlan {
	const {columns, rows} = state.terminal;
	const view = state.steps[state.active];
	// Ink keeps the cursor on the row below the frame: a frame as tall as the terminal would scroll it.
	const budget = new RowBudget(rows - 1);
	const fullText = state.fullText.open ? body.fullText : undefined;
	const question = state.quitting ? undefined : state.question;
	const asking = question !== undefined;
	const problem = state.problem?.problem;

	budget.need(stepRailHeight(columns));
	budget.need(bottomLineHeight(state, body, columns));
	if (question) budget.need(promptHeight(question, state.typing, columns));
	if (problem) budget.need(bannerHeight(problem, columns));
	budget.need(1); // the step's title
	const details = problem ? bannerDetailRows(problem, columns).length : 0;
	// Sections of the app (rail, log, screen, problem, prompt, hints) and blocks of the screen, each one gap apart.
	const sections = (log: boolean) =>
		1 + (log ? 1 : 0) + 1 + (problem ? 1 : 0) + (asking ? 1 : 0) + (endingLine(state.finished, problemPlace(state)) === '' ? 0 : 1);

	if (fullText) {
		const bannerDetails = budget.take(details);
		// Between the app's sections, and between the title and the window.
		const gaps = sections(false) - 1 + 1;
		const gap = budget.left >= fullText.length + gaps ? 1 : 0;
		const window = Math.max(3, Math.min(fullText.length, budget.left - gap * gaps));
		return {frame: {concept: 'none', notes: 0, progress: false, gap}, log: 0, parts: [], bannerDetails, fullText: 'open', window};
	}

	const {parts} = body;
	const grants = parts.map(part => budget.need(part.min));
	const progress = progressHeight(view.progress, columns);
	const notes = view.notes.map(note => noteHeight(note, columns));
	// What the step does now: its progress, else its latest note. A problem's details come first: they say more.
	let shownNotes = 0;
	let activity = false;
	const now = progress > 0 ? progress : (notes.at(-1) ?? 0);
	const showNow = () => {
		activity = now > 0 && budget.takeAll(now);
		if (activity && progress === 0) shownNotes = 1;
	};
	if (!problem) showNow();
	const bannerDetails = budget.take(details);
	if (problem) showNow();
	const finished = finishedSteps(state).length;
	let log = budget.take(Math.min(1, finished));
	// The body first gets up to half the terminal, so that a long policy leaves room for the rest.
	budget.left -= share(parts, grants, Math.min(budget.left, Math.floor(rows / 2) - sum(grants)));

	const blocks = 1 + grants.filter(rows => rows > 0).length + (activity ? 1 : 0);
	const gap = budget.takeAll(sections(log > 0) - 1 + blocks - 1) ? 1 : 0;
	const concept = conceptHeight(state.active, columns);
	const conceptShown = budget.takeAll(concept) ? 'full' : budget.take(1) === 1 ? 'line' : 'none';
	if (activity) {
		// Earlier notes too, newest first, while they fit.
		for (const height of notes.slice(0, notes.length - shownNotes).reverse()) {
			if (!budget.takeAll(height)) break;
			shownNotes++;
		}
	}
	if (log > 0) log += budget.take(finished - log);
	budget.left -= share(parts, grants, budget.left);

	const cut = parts.some((part, index) => part.long && (grants[index] ?? 0) < part.want);
	return {
		frame: {concept: conceptShown, notes: shownNotes, progress: activity && progress > 0, gap},
		log,
		parts: grants,
		bannerDetails,
		fullText: cut ? 'cut' : 'none',
		window: undefined,
	};
}

/** Gives up to `rows` more rows to the parts, by priority, each up to what it wants; returns how many it gave. */
function share(parts: ScreenBody['parts'], grants: number[], rows: number): number {
	let left = Math.max(0, rows);
	const order = parts.map((part, index) => ({part, index})).sort((a, b) => (a.part.priority ?? 0) - (b.part.priority ?? 0));
	for (const {part, index} of order) {
		const granted = grants[index] ?? 0;
		const more = Math.max(0, Math.min(left, part.want - granted));
		grants[index] = granted + more;
		left -= more;
	}
	return Math.max(0, rows) - left;
}

function sum(values: number[]): number {
	return values.reduce((total, value) => total + value, 0);
}

/** The key hints (or, once the run is over, how it ended), at their longest. */
function bottomLineHeight(state: ViewState, body: ScreenBody, columns: number): number {
	const ending = endingLine(state.finished, problemPlace(state));
	if (ending !== undefined) return ending === '' ? 0 : rowCount(ending, columns);
	const fullText = body.fullText ? (state.fullText.open ? 'open' : 'cut') : 'none';
	return rowCount(
		keyHints({question: state.question, typing: state.typing, quitting: state.quitting, finished: state.finished, fullText}).join(' · '),
		columns,
	);
}
