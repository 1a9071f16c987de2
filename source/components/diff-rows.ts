import type {FileDiff} from '../wizard/view-state.js';
import {codeRows, type Row} from './text-rows.js';

/** A diff line's colour: added green, removed red. */
export function lineColor(line: string): string | undefined {
	if (line.startsWith('+')) return 'green';
	if (line.startsWith('-')) return 'red';
	return undefined;
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
