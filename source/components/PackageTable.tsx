import {Box, Text} from 'ink';
import {memo} from 'react';
import type {PackageRow} from '../wizard/events.js';
import {formatPublishDate, visibleRows} from '../wizard/package-table.js';

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
	const count = Math.max(total ?? 0, rows.length);
	// "2 minutes ago" moves on while rows stay: every row is drawn again once a minute.
	const minute = Math.floor(Date.now() / 60_000);
	return (
		<Box flexDirection="column">
			<Text bold>Packages ({count})</Text>
			<Line columns={columns} cells={columns.map(column => column.title)} bold />
			{visible.rows.map(row => (
				<PackageLine key={`${row.format}:${row.namespace}:${row.name}`} columns={columns} row={row} minute={minute} />
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
 * One package's row, drawn again only when the row itself changes: a download moves one row to
 * the top, and the rows it pushes down stay as they were.
 */
// `minute` is only compared: a new minute draws the row's relative publish date again.
const PackageLine = memo(function PackageLine({columns, row}: {columns: Column[]; row: PackageRow; minute: number}) {
	return <Line columns={columns} cells={columns.map(column => column.cell(row))} dim={row.state === 'seen'} />;
});

function Line({columns, cells, bold, dim}: {columns: Column[]; cells: string[]; bold?: boolean; dim?: boolean}) {
	return (
		<Box columnGap={1}>
			{columns.map((column, index) => (
				<Box key={column.title} width={column.width} flexGrow={column.grow ?? 0} flexShrink={column.grow ? 1 : 0} flexBasis={column.grow ? 0 : undefined}>
					<Text bold={bold} dimColor={dim} wrap="truncate-end">
						{cells[index] ?? ''}
					</Text>
				</Box>
			))}
		</Box>
	);
}
