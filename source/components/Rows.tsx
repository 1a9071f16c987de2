import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {Row} from './text-rows.js';

/**
 * A piece of a screen's body that can show more or less of itself: the layout gives it at
 * least `min` rows (whatever the terminal) and at most `want`, then calls `render` with its
 * share. Parts are shown in their order and served by `priority` (lower first).
 */
export interface Part {
	min: number;
	want: number;
	priority?: number;
	/** It shows the step's long text (see ScreenBody.fullText): cut short, `v` shows it all. */
	long?: boolean;
	render(rows: number): ReactNode;
}

/** What a screen shows under its title: its parts, and the long text `v` opens (the policy, the change). */
export interface ScreenBody {
	parts: Part[];
	fullText?: Row[];
}

/** Pre-wrapped rows, exactly one terminal row each. */
export function Rows({rows}: {rows: Row[]}) {
	return (
		<Box flexDirection="column">
			{rows.map((row, index) => (
				<Text key={index} wrap="truncate-end" color={row.color} dimColor={row.dim} bold={row.bold}>
					{row.gutter ? (
						<Text dimColor={!row.gutterColor} color={row.gutterColor}>
							{row.gutter}
						</Text>
					) : null}
					{row.text}
				</Text>
			))}
		</Box>
	);
}

/** The first rows that fit in `height`, the last of them saying how many more there are. */
export function clipRows(rows: Row[], height: number, more: (hidden: number) => string): Row[] {
	if (rows.length <= height) return rows;
	const shown = rows.slice(0, Math.max(0, height - 1));
	return [...shown, {text: more(rows.length - shown.length), dim: true}];
}

/** A long text (the policy, the settings change): what fits, then "… N more lines · v view all". */
export function longTextPart(rows: Row[], least = 4): Part {
	return {
		min: Math.min(rows.length, least),
		want: rows.length,
		long: true,
		render: height => <Rows rows={clipRows(rows, height, hidden => `… ${hidden} more lines · v view all`)} />,
	};
}

/** Short rows (facts, resources, summary lines): what fits, then "… N more". */
export function rowsPart(rows: Row[], options: {least?: number; priority?: number} = {}): Part {
	return {
		min: Math.min(rows.length, options.least ?? 3),
		want: rows.length,
		...(options.priority === undefined ? {} : {priority: options.priority}),
		render: height => <Rows rows={clipRows(rows, height, hidden => `… ${hidden} more`)} />,
	};
}

/** `v` mode: a window on the long text at `offset`, with where it is when it does not all fit. */
export function TextWindow({rows, offset, height}: {rows: Row[]; offset: number; height: number}) {
	if (rows.length <= height) return <Rows rows={rows} />;
	const visible = Math.max(1, height - 1);
	const start = clampOffset(offset, rows.length, height);
	const end = Math.min(rows.length, start + visible);
	return (
		<Box flexDirection="column">
			<Rows rows={rows.slice(start, end)} />
			<Text dimColor>
				lines {start + 1}–{end} of {rows.length}
			</Text>
		</Box>
	);
}

/** The furthest a window of `height` rows (one of them the position line) can scroll. */
export function clampOffset(offset: number, total: number, height: number): number {
	if (total <= height) return 0;
	return Math.max(0, Math.min(offset, total - Math.max(1, height - 1)));
}
