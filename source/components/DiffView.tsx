import type {FileDiff} from '../wizard/view-state.js';
import {clipRows, Rows} from './Rows.js';
import {codeRows, type Row} from './text-rows.js';

function lineColor(line: string): string | undefined {
	if (line.startsWith('+')) return 'green';
	if (line.startsWith('-')) return 'red';
	return undefined;
}

export interface DiffViewProps {
	diff: FileDiff;
	columns: number;
	/** At most this many rows; the rest are counted. */
	maxRows?: number;
}

/** A file's change, added lines green and removed lines red. */
export function DiffView({diff, columns, maxRows = Number.POSITIVE_INFINITY}: DiffViewProps) {
	return <Rows rows={clipRows(diffRows(diff, columns), maxRows, hidden => `… ${hidden} more lines`)} />;
}

/** The change as rows in `columns`: the path, then each line indented (a long line wraps under itself). */
export function diffRows(diff: FileDiff, columns: number): Row[] {
	return [
		{text: diff.path, bold: true},
		...diff.lines.flatMap(line => {
			const color = lineColor(line);
			return codeRows(line, columns, '  ', color ? {color} : {dim: true});
		}),
	];
}
