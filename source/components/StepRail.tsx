import {Box, Text} from 'ink';
import {memo} from 'react';
import type {StepStatus} from '../wizard/events.js';
import {stepIds, stepIndex, steps, type StepId} from '../wizard/steps.js';
import {textWidth} from './text-rows.js';

const marks: Record<StepStatus, {mark: string; color?: string}> = {
	pending: {mark: '○'},
	active: {mark: '●', color: 'cyan'},
	done: {mark: '✔', color: 'green'},
	skipped: {mark: '–'},
	failed: {mark: '✖', color: 'red'},
};

const itemGap = 2;

/** Rows the rail takes in `columns`: its title, then the steps wrapped as Ink wraps them. */
export function stepRailHeight(columns: number): number {
	let rows = 1;
	let used = 0;
	for (const id of stepIds) {
		const width = textWidth(`● ${steps[id].title}`);
		if (used > 0 && used + itemGap + width > columns) {
			rows++;
			used = 0;
		}
		used += (used > 0 ? itemGap : 0) + width;
	}
	return rows + 1;
}

export interface StepRailProps {
	steps: Record<StepId, {status: StepStatus}>;
	active: StepId;
}

/**
 * Every step with its status, the shown one in bold: always on screen, wrapping on narrow terminals.
 * Rendered again only when a step's status or the shown step changes, not on each frame of a build.
 */
export const StepRail = memo(function StepRail({steps: views, active}: StepRailProps) {
	return (
		<Box flexDirection="column">
			<Text dimColor>
				ca-wizard · step {stepIndex(active) + 1} of {stepIds.length}
			</Text>
			<Box flexWrap="wrap" columnGap={itemGap}>
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
});
