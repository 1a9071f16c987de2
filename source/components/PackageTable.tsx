import {Box, Text} from 'ink';
import type {PackageRow} from '../wizard/events.js';
import {formatPublishDate, visibleRows} from '../wizard/package-table.js';

interface Column {
	title: string;
	/** A fixed width, or a share of what the fixed columns leave. */
	width?: number;
	grow?: number;
	cell(row: PackageRow): string;
}

// The CodeArtifact console's columns, in its order.
const columns: Column[] = [
	{title: 'Package name', grow: 1, cell: row => row.name},
	{title: 'Namespace', grow: 1, cell: row => row.namespace},
	{title: 'Format', width: 6, cell: row => row.format},
	{title: 'Latest version', width: 14, cell: row => row.latestVersion},
	{title: 'Latest publish date', width: 19, cell: row => formatPublishDate(row.latestPublishDate)},
	{title: 'Publish', width: 7, cell: row => row.publish},
	{title: 'Upstream', width: 8, cell: row => row.upstream},
];

export interface PackageTableProps {
	rows: PackageRow[];
	/** How many rows fit on the screen; the rest are counted as "N more". */
	capacity: number;
}

/** The repository's packages as the console lists them, newest first, as many as fit. */
export function PackageTable({rows, capacity}: PackageTableProps) {
	const visible = visibleRows(rows, capacity);
	return (
		<Box flexDirection="column">
			<Text bold>
				Packages ({rows.length})
			</Text>
			<Line cells={columns.map(column => column.title)} bold />
			{visible.rows.map(row => (
				<Line key={`${row.format}:${row.namespace}:${row.name}`} cells={columns.map(column => column.cell(row))} dim={row.state === 'seen'} />
			))}
			{rows.length === 0 ? <Text dimColor>No packages yet: they appear as Maven fetches them.</Text> : null}
			{visible.more > 0 ? <Text dimColor>… {visible.more} more</Text> : null}
		</Box>
	);
}

function Line({cells, bold, dim}: {cells: string[]; bold?: boolean; dim?: boolean}) {
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
