import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {steps, type StepId} from '../wizard/steps.js';
import type {Note, Progress, StepView} from '../wizard/view-state.js';
import {Spinner} from './Spinner.js';
import {rowCount, wrapRows} from './text-rows.js';

const noteMark: Record<Note['tone'], {mark: string; color?: string}> = {
	info: {mark: 'ℹ', color: 'blue'},
	success: {mark: '✔', color: 'green'},
	warning: {mark: '⚠', color: 'yellow'},
};

/** How much of the frame's own text fits: the concept in full, on one line, or not at all; the latest notes; the progress line. */
export interface FramePlan {
	concept: 'full' | 'line' | 'none';
	notes: number;
	progress: boolean;
	gap: 0 | 1;
}

const roomy: FramePlan = {concept: 'full', notes: Number.POSITIVE_INFINITY, progress: true, gap: 1};

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
	const conceptRows = plan.concept === 'full' ? paragraphRows(concept, columns) : plan.concept === 'line' ? [concept] : [];
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
			<Activity view={view} notes={plan.notes} progress={plan.progress} waiting={waiting} />
		</Box>
	);
}

function Activity({view, notes, waiting, ...shows}: {view: StepView; notes: number; progress: boolean; waiting: boolean}) {
	const progress = shows.progress ? view.progress : undefined;
	const shown = notes > 0 ? view.notes.slice(-notes) : [];
	if (!progress && shown.length === 0) return null;
	return (
		<Box flexDirection="column">
			{shown.map((note, index) => (
				<Text key={index}>
					<Text color={noteMark[note.tone].color}>{noteMark[note.tone].mark}</Text> {note.message}
				</Text>
			))}
			{progress ? (
				<Text>
					<ProgressMark progress={progress} running={view.status === 'active' && !waiting} /> {progress.message}
				</Text>
			) : null}
		</Box>
	);
}

/** ✔ for a success only: a search that found nothing is neutral, a refusal is a ✖. */
function ProgressMark({progress, running}: {progress: Progress; running: boolean}) {
	if (progress.done && progress.tone === 'failed') return <Text color="red">✖</Text>;
	if (progress.done && progress.tone === 'info') return <Text color="blue">ℹ</Text>;
	if (progress.done) return <Text color="green">✔</Text>;
	if (running) return <Spinner />;
	return <Text dimColor>·</Text>;
}

/** Rows the concept takes in full. */
export function conceptHeight(id: StepId, columns: number): number {
	return rowCount(steps[id].concept, columns);
}

/** A paragraph wrapped as Ink would, without the space a wrapped row would start with. */
function paragraphRows(text: string, columns: number): string[] {
	return wrapRows(text, columns).map((row, index) => (index > 0 ? row.replace(/^ /, '') : row));
}

export function noteHeight(note: Note, columns: number): number {
	return rowCount(`${noteMark[note.tone].mark} ${note.message}`, columns);
}

export function progressHeight(progress: Progress | undefined, columns: number): number {
	return progress ? rowCount(`✔ ${progress.message}`, columns) : 0;
}
