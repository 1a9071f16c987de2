import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {steps, type StepId} from '../wizard/steps.js';
import type {Note, Progress, StepView} from '../wizard/view-state.js';
import {Spinner} from './Spinner.js';
import {Rows} from './Rows.js';
import {gutterRows, rowCount, wrapRows, type Row} from './text-rows.js';

const noteMark: Record<Note['tone'], {mark: string; color?: string}> = {
	info: {mark: 'ℹ', color: 'blue'},
	success: {mark: '✔', color: 'green'},
	warning: {mark: '⚠', color: 'yellow'},
};

/** How much of the frame's own text fits: the concept's first rows (all of them, or none), which notes, the progress line. */
export interface FramePlan {
	/** Rows of the concept, wrapped: when fewer than it takes, the last one shown ends in "…" (and `v` shows it whole). */
	concept: number;
	/** The notes shown, by their index in the step's notes (in their order), or all of them. */
	notes: 'all' | readonly number[];
	progress: boolean;
	gap: 0 | 1;
}

/**
 * In the Build step the spinner waits this long for a frame before drawing one: Maven's lines are
 * drawn every two seconds there (a new package row within one), and a spinner drawing the whole screen
 * every 300 ms in between was most of the wizard's frames during the build (issue 11 goal 4a).
 */
const buildSpinnerIdleMs = 2000;

const roomy: FramePlan = {concept: Number.POSITIVE_INFINITY, notes: 'all', progress: true, gap: 1};

export interface StepFrameProps {
	id: StepId;
	view: StepView;
	/** The terminal's width, which the concept is wrapped to. */
	columns: number;
	plan?: FramePlan;
	/** A question waits: an unfinished progress line is not spinning then, the step waits for the user. */
	waiting?: boolean;
	children?: ReactNode;
}

/** What every screen shares: the step's title and concept, its own content, then progress and notes. */
export function StepFrame({id, view, columns, plan = roomy, waiting = false, children}: StepFrameProps) {
	const {concept} = steps[id];
	// Rows, not one wrapping <Text>: Ink does not measure a text again when only its wrap mode changes.
	const conceptRows = firstRows(paragraphRows(concept, columns), plan.concept);
	return (
		<Box flexDirection="column" gap={plan.gap}>
			<Box flexDirection="column">
				<Text bold color="cyan">
					{steps[id].title}
				</Text>
				{conceptRows.map((row, index) => (
					<Text key={index} dimColor wrap="truncate-end">
						{row}
					</Text>
				))}
			</Box>
			{children}
			<Activity
				view={view}
				columns={columns}
				notes={plan.notes}
				progress={plan.progress}
				waiting={waiting}
				spinnerIdle={id === 'build' ? buildSpinnerIdleMs : undefined}
			/>
		</Box>
	);
}

function Activity({
	view,
	columns,
	notes,
	waiting,
	spinnerIdle,
	...shows
}: {
	view: StepView;
	columns: number;
	notes: FramePlan['notes'];
	progress: boolean;
	waiting: boolean;
	spinnerIdle: number | undefined;
}) {
	const progress = shows.progress ? view.progress : undefined;
	const shown = notes === 'all' ? view.notes : view.notes.filter((_, index) => notes.includes(index));
	if (!progress && shown.length === 0) return null;
	return (
		<Box flexDirection="column">
			{shown.map((note, index) => (
				<Rows key={index} rows={noteRows(note, columns)} />
			))}
			{progress ? (
				<Text>
					<ProgressMark progress={progress} running={view.status === 'active' && !waiting} spinnerIdle={spinnerIdle} /> {progress.message}
				</Text>
			) : null}
		</Box>
	);
}

/** ✔ for a success only: a search that found nothing is neutral, a refusal is a ✖. */
function ProgressMark({progress, running, spinnerIdle}: {progress: Progress; running: boolean; spinnerIdle: number | undefined}) {
	if (progress.done && progress.tone === 'failed') return <Text color="red">✖</Text>;
	if (progress.done && progress.tone === 'info') return <Text color="blue">ℹ</Text>;
	if (progress.done) return <Text color="green">✔</Text>;
	if (running) return <Spinner {...(spinnerIdle === undefined ? {} : {idle: spinnerIdle})} />;
	return <Text dimColor>·</Text>;
}

/** Rows the concept takes in full. */
export function conceptHeight(id: StepId, columns: number): number {
	return rowCount(steps[id].concept, columns);
}

/** The first `count` rows; when some are left out, the last one shown says so with "…". */
function firstRows(rows: string[], count: number): string[] {
	if (rows.length <= count) return rows;
	const shown = rows.slice(0, Math.max(0, count));
	const last = shown.pop();
	return last === undefined ? [] : [...shown, `${last.trimEnd()}…`];
}

/** A paragraph wrapped as Ink would, without the space a wrapped row would start with. */
export function paragraphRows(text: string, columns: number): string[] {
	return wrapRows(text, columns).map((row, index) => (index > 0 ? row.replace(/^ /, '') : row));
}

/** A note under its mark, wrapped so that its later rows line up with its first. */
function noteRows(note: Note, columns: number): Row[] {
	const {mark, color} = noteMark[note.tone];
	return gutterRows(note.message, columns, `${mark} `, '  ', {}).map(row => (row.gutter === '  ' ? row : {...row, ...(color ? {gutterColor: color} : {})}));
}

export function noteHeight(note: Note, columns: number): number {
	return noteRows(note, columns).length;
}

export function progressHeight(progress: Progress | undefined, columns: number): number {
	return progress ? rowCount(`✔ ${progress.message}`, columns) : 0;
}
