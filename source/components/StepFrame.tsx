import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {steps, type StepId} from '../wizard/steps.js';
import type {Note, StepView} from '../wizard/view-state.js';
import {Spinner} from './Spinner.js';

const noteMark: Record<Note['tone'], {mark: string; color?: string}> = {
	info: {mark: 'ℹ', color: 'blue'},
	success: {mark: '✔', color: 'green'},
	warning: {mark: '⚠', color: 'yellow'},
};

export interface StepFrameProps {
	id: StepId;
	view: StepView;
	children?: ReactNode;
}

/** What every screen shares: the step's title and concept, its own content, then progress and notes. */
export function StepFrame({id, view, children}: StepFrameProps) {
	return (
		<Box flexDirection="column" gap={1}>
			<Box flexDirection="column">
				<Text bold color="cyan">
					{steps[id].title}
				</Text>
				<Text dimColor>{steps[id].concept}</Text>
			</Box>
			{children}
			<Activity view={view} />
		</Box>
	);
}

function Activity({view}: {view: StepView}) {
	const {progress, notes} = view;
	if (!progress && notes.length === 0) return null;
	return (
		<Box flexDirection="column">
			{notes.map((note, index) => (
				<Text key={index}>
					<Text color={noteMark[note.tone].color}>{noteMark[note.tone].mark}</Text> {note.message}
				</Text>
			))}
			{progress ? (
				<Text>
					<ProgressMark done={progress.done} running={view.status === 'active'} /> {progress.message}
				</Text>
			) : null}
		</Box>
	);
}

function ProgressMark({done, running}: {done: boolean; running: boolean}) {
	if (done) return <Text color="green">✔</Text>;
	if (running) return <Spinner />;
	return <Text dimColor>·</Text>;
}
