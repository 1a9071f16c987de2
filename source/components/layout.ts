import type {StepResult, ViewState} from '../wizard/view-state.js';
import {bannerDetailRows, bannerHeight} from './ErrorBanner.js';
import {endingLine, keyHints, type FullTextStatus, type ProblemPlace} from './KeyHints.js';
import {promptHeight} from './Prompt.js';
import type {ScreenBody} from './Rows.js';
import {fullTextRows} from './full-text.js';
import {conceptHeight, noteHeight, progressHeight, type FramePlan} from './StepFrame.js';
import {logEntryHeight} from './StepLog.js';
import {stepRailHeight} from './StepRail.js';
import {rowCount, type Row} from './text-rows.js';

// The whole frame must fit the terminal: once Ink draws more rows than the terminal has, it
// clears the screen on every frame and the top (the step rail) scrolls away. So each frame is
// planned from the terminal's size, in order of what matters: the rail, the question and the
// key hints always; then the problem, the warnings before a question, the step's own content,
// the concept, spacing, older notes and the log of finished steps, each as far as rows remain.
// What is cut there, `v` shows whole (full-text.ts).

export interface ScreenPlan {
	frame: FramePlan;
	/** How many of the latest finished-step lines to show. */
	log: number;
	/** Rows for each of the body's parts, in the body's order. */
	parts: number[];
	/** Whether the problem's banner shows (not while `v` shows the problem in its text). */
	banner: boolean;
	/** Rows for the problem's details. */
	bannerDetails: number;
	/** Whether `v` has something to show, or shows it now. */
	fullText: FullTextStatus;
	/** While `v` shows the long text: the rows of its window. */
	window: number | undefined;
	/** What `v` shows: the step's whole text (see full-text.ts). */
	text: Row[];
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
	const text = fullTextRows(state, body, columns);
	const question = state.quitting ? undefined : state.question;
	const asking = question !== undefined;
	// `v` shows the problem inside its text, whole: no banner beside it.
	const open = state.fullText.open;
	const problem = open ? undefined : state.problem?.problem;

	budget.need(stepRailHeight(columns));
	budget.need(bottomLineHeight(state, columns));
	if (question) budget.need(promptHeight(question, state.typing, columns));
	if (problem) budget.need(bannerHeight(problem, columns));
	budget.need(1); // the step's title
	const details = problem ? bannerDetailRows(problem, columns).length : 0;
	// Sections of the app (rail, log, screen, problem, prompt, hints) and blocks of the screen, each one gap apart.
	const sections = (log: boolean) =>
		1 + (log ? 1 : 0) + 1 + (problem ? 1 : 0) + (asking ? 1 : 0) + (endingLine(state.finished, problemPlace(state), state.left) === '' ? 0 : 1);

	if (open) {
		// Between the app's sections, and between the title and the window.
		const gaps = sections(false) - 1 + 1;
		const gap = budget.left >= text.length + gaps ? 1 : 0;
		const window = Math.max(3, Math.min(text.length, budget.left - gap * gaps));
		return {frame: {concept: 0, notes: [], progress: false, gap}, log: 0, parts: [], banner: false, bannerDetails: 0, fullText: 'open', window, text};
	}

	const {parts} = body;
	const grants = parts.map(part => budget.need(part.min));
	const progress = progressHeight(view.progress, columns);
	const notes = view.notes.map(note => noteHeight(note, columns));
	const shown = new Set<number>();
	const warnings = view.notes.flatMap((note, index) => (note.tone === 'warning' ? [index] : []));
	// Warnings bear on the waiting question: they are on screen before it, whatever else gives way.
	if (asking && warnings.length > 0 && budget.takeAll(sum(warnings.map(index => notes[index] ?? 0)))) for (const index of warnings) shown.add(index);
	// What the step does now: its progress, else its latest note. A problem's details come first: they say more.
	let activity = false;
	const latest = notes.length - 1;
	const now = progress > 0 ? progress : shown.has(latest) ? 0 : (notes[latest] ?? 0);
	const showNow = () => {
		activity = now > 0 && budget.takeAll(now);
		if (activity && progress === 0) shown.add(latest);
	};
	if (!problem) showNow();
	const bannerDetails = budget.take(details);
	if (problem) showNow();
	const finished = finishedSteps(state);
	// The latest finished steps, newest first, each whole or not at all: an account is never cut.
	const logHeights = finished.map(entry => logEntryHeight(entry, columns)).reverse();
	const moreLog = (log: number) => {
		while (log < logHeights.length && budget.takeAll(logHeights[log] ?? 0)) log++;
		return log;
	};
	let log = logHeights.length > 0 && budget.takeAll(logHeights[0] ?? 0) ? 1 : 0;
	// The explanation before the body's larger share: a long policy is cut first (and `v` shows it all).
	const concept = conceptHeight(state.active, columns);
	const conceptShown = budget.take(concept);
	// The body then gets up to half the terminal, so that a long policy leaves room for the rest.
	budget.left -= share(parts, grants, Math.min(budget.left, Math.floor(rows / 2) - sum(grants)));

	const blocks = 1 + grants.filter(rows => rows > 0).length + (activity || shown.size > 0 ? 1 : 0);
	const gap = budget.takeAll(sections(log > 0) - 1 + blocks - 1) ? 1 : 0;
	if (activity) {
		// Earlier notes too, newest first, while they fit.
		for (let index = latest; index >= 0; index--) {
			if (shown.has(index)) continue;
			if (!budget.takeAll(notes[index] ?? 0)) break;
			shown.add(index);
		}
	}
	if (log > 0) log = moreLog(log);
	budget.left -= share(parts, grants, budget.left);

	const cut =
		parts.some((part, index) => part.long && (grants[index] ?? 0) < part.want) ||
		conceptShown < concept ||
		warnings.some(index => !shown.has(index)) ||
		finished.some((entry, index) => entry.whole && index < finished.length - log) ||
		bannerDetails < details;
	return {
		frame: {concept: conceptShown, notes: [...shown].sort((a, b) => a - b), progress: activity && progress > 0, gap},
		log,
		parts: grants,
		banner: problem !== undefined,
		bannerDetails,
		fullText: cut ? 'cut' : 'none',
		window: undefined,
		text,
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
function bottomLineHeight(state: ViewState, columns: number): number {
	const ending = endingLine(state.finished, problemPlace(state), state.left);
	if (ending !== undefined) return ending === '' ? 0 : rowCount(ending, columns);
	// Any screen may have text that `v` opens: counted with its hint.
	const fullText = state.fullText.open ? 'open' : 'cut';
	return rowCount(
		keyHints({question: state.question, typing: state.typing, quitting: state.quitting, finished: state.finished, fullText}).join(' · '),
		columns,
	);
}
