import {Box, Text} from 'ink';
import {steps} from '../wizard/steps.js';
import type {StepResult} from '../wizard/view-state.js';

/** One line per finished step, so what it found or made stays in sight: the latest `rows` of them. */
export function StepLog({log, rows}: {log: StepResult[]; rows: number}) {
	const shown = rows > 0 ? log.slice(-rows) : [];
	if (shown.length === 0) return null;
	return (
		<Box flexDirection="column">
			{shown.map(({step, result}) => (
				<Text key={step} wrap="truncate-end">
					<Text color="green">✔</Text> {steps[step].title}
					{result ? <Text dimColor> — {result}</Text> : null}
				</Text>
			))}
		</Box>
	);
}
