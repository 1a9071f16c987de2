import {Box, Text} from 'ink';
import {memo, useMemo} from 'react';
import type {PackageRow} from '../wizard/events.js';
import {formatPublishDate, visibleRows} from '../wizard/package-table.js';
import {textWidth} from './text-rows.js';

interface Column {
	title: string;
	/** A fixed width, or a share of what the fixed columns leave. */
	width?: number;
	grow?: number;
	cell(row: PackageRow): string;
}

const name: Column = {title: 'Package name', grow: 1, cell: row => row.name};
/** Maven has the package, the repository does not list it yet (on AWS a fetched package is listed a while later). */
export const notListedYet = 'not listed yet';
const published = (row: PackageRow) => (row.state === 'seen' ? notListedYet : formatPublishDate(row.latestPublishDate));
const namespace: Column = {title: 'Namespace', grow: 1, cell: row => row.namespace};

// The CodeArtifact console's columns, in its order.
const wideColumns: Column[] = [
	name,
	namespace,
	{title: 'Format', width: 6, cell: row => row.format},
	{title: 'Latest version', width: 14, cell: row => row.latestVersion},
	{title: 'Latest publish date', width: 19, cell: published},
	{title: 'Publish', width: 7, cell: row => row.publish},
	{title: 'Upstream', width: 8, cell: row => row.upstream},
];

// On a narrow terminal the names need the room: format, publish and upstream go, the rest get short titles.
const narrowColumns: Column[] = [
	name,
	namespace,
	{title: 'Version', width: 12, cell: row => row.latestVersion},
	{title: 'Published', width: notListedYet.length, cell: published},
];

/** Below this width the table drops the columns that are the same for every Maven package. */
const wideTableColumns = 100;

export interface PackageTableProps {
	rows: PackageRow[];
	/** How many rows fit on the screen; the rest are counted as "N more". */
	capacity: number;
	/** The terminal's width, which decides the columns. */
	columns?: number;
	/** How many packages the repository holds (ListPackages), when known: it may hold more than this build's rows. */
	total?: number | undefined;
}

/** The repository's packages as the console lists them, newest first, as many as fit. */
export function PackageTable({rows, capacity, columns: width = wideTableColumns, total}: PackageTableProps) {
	const visible = visibleRows(rows, capacity);
	const columns = width >= wideTableColumns ? wideColumns : narrowColumns;
	// The same array while the width stays: each row's memo compares it.
	const widths = useMemo(() => columnWidths(columns, width), [columns, width]);
	const count = Math.max(total ?? 0, rows.length);
	// "2 minutes ago" moves on while rows stay: every row is drawn again once a minute.
	const minute = Math.floor(Date.now() / 60_000);
	return (
		<Box flexDirection="column">
			<Text bold>Packages ({count})</Text>
			<Text bold wrap="truncate-end">
				{lineText(
					widths,
					columns.map(column => column.title),
				)}
			</Text>
			{visible.rows.map(row => (
				<PackageLine key={`${row.format}:${row.namespace}:${row.name}`} columns={columns} widths={widths} row={row} minute={minute} />
			))}
			{rows.length === 0 ? (
				<Text dimColor wrap="truncate-end">
					{count > 0 ? `${count} already in the repository; those Maven fetches appear here.` : 'No packages yet: they appear as Maven fetches them.'}
				</Text>
			) : null}
			{visible.more > 0 ? <Text dimColor>… {visible.more} more</Text> : null}
		</Box>
	);
}

/**
 * One package's row as one text, its cells cut and padded here: a Box per cell made each frame
 * of the build's live view lay out, wrap and draw eight nodes a row. Drawn again only when the
 * row itself changes: a download moves one row to the top, the rows it pushes down stay as they were.
 */
// `minute` is only compared: a new minute draws the row's relative publish date again.
const PackageLine = memo(function PackageLine({columns, widths, row}: {columns: Column[]; widths: readonly number[]; row: PackageRow; minute: number}) {
	return (
		<Text dimColor={row.state === 'seen'} wrap="truncate-end">
			{lineText(
				widths,
				columns.map(column => column.cell(row)),
			)}
		</Text>
	);
});

const columnGap = 1;

/**
 * Each column's width in `width` columns, as the flex layout of a Box per cell gave them: the
 * fixed ones theirs, the growing ones an equal share of the rest, the first of them the odd
 * column (Yoga rounds each cell's edges to whole columns).
 */
export function columnWidths(columns: readonly Column[], width: number): number[] {
	const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0), 0) + columnGap * (columns.length - 1);
	const growing = columns.filter(column => !column.width).length;
	const share = Math.max(0, width - fixed) / Math.max(1, growing);
	let edge = 0;
	return columns.map(column => {
		if (column.width) return column.width;
		const next = edge + share;
		const cell = Math.round(next) - Math.round(edge);
		edge = next;
		return cell;
	});
}

/** The cells side by side, each cut (with "…") or padded to its column; nothing after the last cell's text. */
function lineText(widths: readonly number[], cells: readonly string[]): string {
	return widths
		.map((cellWidth, index) => fitCell(cells[index] ?? '', cellWidth))
		.join(' '.repeat(columnGap))
		.trimEnd();
}

const segmenter = new Intl.Segmenter();

/** `text` in exactly `width` columns: padded, or cut with "…" as Ink's truncate-end cuts it. */
function fitCell(text: string, width: number): string {
	const textColumns = textWidth(text);
	if (textColumns <= width) return text + ' '.repeat(width - textColumns);
	if (width <= 0) return '';
	let kept = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const segmentColumns = textWidth(segment);
		if (used + segmentColumns > width - 1) break;
		kept += segment;
		used += segmentColumns;
	}
	return `${kept}…${' '.repeat(width - 1 - used)}`;
}
