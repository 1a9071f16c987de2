import {Box, Text} from 'ink';
import type {StepStatus} from '../wizard/events.js';
import {stepIds, stepIndex, steps, type StepId} from '../wizard/steps.js';

const marks: Record<StepStatus, {mark: string; color?: string}> = {
	pending: {mark: '○'},
	active: {mark: '●', color: 'cyan'},
	done: {mark: '✔', color: 'green'},
	skipped: {mark: '–'},
	failed: {mark: '✖', color: 'red'},
};

export interface StepRailProps {
	steps: Record<StepId, {status: StepStatus}>;
	active: StepId;
}

/** Every step with its status, the shown one in bold: always on screen, wrapping on narrow terminals. */
export function StepRail({steps: views, active}: StepRailProps) {
	return (
		<Box flexDirection="column">
			<Text dimColor>
				ca-wizard · step {stepIndex(active) + 1} of {stepIds.length}
			</Text>
			<Box flexWrap="wrap" columnGap={2}>
				{stepIds.map(id => {
					const {status} = views[id];
					const {mark, color} = marks[status];
					const shown = id === active;
					return (
						<Text key={id} color={color} bold={shown} dimColor={!shown && status === 'pending'}>
							{mark} {steps[id].title}
						</Text>
					);
				})}
			</Box>
		</Box>
	);
}
