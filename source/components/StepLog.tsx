import {Box, Text} from 'ink';
import {memo} from 'react';
import {steps} from '../wizard/steps.js';
import type {StepResult} from '../wizard/view-state.js';
import {Rows} from './Rows.js';
import {gutterRows, type Row} from './text-rows.js';

interface StepLogProps {
	log: StepResult[];
	rows: number;
	columns: number;
}

/**
 * One line per finished step, so what it found or made stays in sight: the latest `rows` of them.
 * Rendered again only when an entry, the rows or the width change: the log is filtered anew on each frame.
 */
export const StepLog = memo(function StepLog({log, rows, columns}: StepLogProps) {
	const shown = rows > 0 ? log.slice(-rows) : [];
	if (shown.length === 0) return null;
	return (
		<Box flexDirection="column">
			{shown.map(entry =>
				entry.whole ? (
					<Rows key={entry.step} rows={wholeEntryRows(entry, columns)} />
				) : (
					<Text key={entry.step} wrap="truncate-end">
						<Text color="green">✔</Text> {steps[entry.step].title}
						{entry.result ? <Text dimColor> — {entry.result}</Text> : null}
					</Text>
				),
			)}
		</Box>
	);
}, sameLog);

function sameLog(before: StepLogProps, after: StepLogProps): boolean {
	return (
		before.rows === after.rows &&
		before.columns === after.columns &&
		before.log.length === after.log.length &&
		before.log.every((entry, index) => entry === after.log[index])
	);
}

/** An entry kept whole (the account of an automatic fix), wrapped under its mark. */
export function wholeEntryRows({step, result}: StepResult, columns: number): Row[] {
	return gutterRows(`${steps[step].title} — ${result}`, columns, '✔ ', '  ').map(row => (row.gutter === '✔ ' ? {...row, gutterColor: 'green'} : row));
}

/** Rows an entry takes: one, cut at the edge, or all of a whole one. */
export function logEntryHeight(entry: StepResult, columns: number): number {
	return entry.whole ? wholeEntryRows(entry, columns).length : 1;
}
