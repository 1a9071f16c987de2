import {BoundedCache} from '../bounded-cache.js';
// How many terminal rows a text takes, computed with the very functions Ink wraps a <Text> with
// (wrap-ansi with {hard: true, trim: false}, string-width), so that a screen can be planned to
// fit the terminal before it is drawn — wide characters and emoji included.

import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** One styled row of pre-wrapped text: exactly one terminal row. */
export interface Row {
	text: string;
	/** Drawn before the text, dim unless it has its own colour (a gutter such as '│ ', '• ' or '+ created '). */
	gutter?: string;
	gutterColor?: string;
	color?: string;
	dim?: boolean;
	bold?: boolean;
}

/** Columns a string takes as the terminal draws it: wide CJK characters and emoji take two. */
export function textWidth(text: string): number {
	return stringWidth(text);
}

/**
 * Texts already wrapped, by width: a screen is planned on every frame, and the same concept,
 * notes and policy wrapped again each time were most of a frame of the build's live table.
 */
const wrapped = new BoundedCache<string, readonly string[]>(1000);

/** The rows Ink would draw `text` on in `width` columns; '' is one empty row. */
export function wrapRows(text: string, width: number): string[] {
	const columns = Math.max(1, Math.floor(width));
	const rows = wrapped.getOrCompute(`${columns}\u0000${text}`, () => wrapAnsi(text, columns, {hard: true, trim: false}).split('\n'));
	return [...rows];
}

/** How many rows `text` takes in `width` columns. */
export function rowCount(text: string, width: number): number {
	return wrapRows(text, width).length;
}

/** Wraps `text` under a gutter: the first row gets `first`, the rest `rest` (same width), all in `width` columns. */
export function gutterRows(text: string, width: number, first: string, rest: string, style: Omit<Row, 'text' | 'gutter'> = {}): Row[] {
	// A wrapped row starts with the space it was broken at: the gutter already sets it apart.
	return wrapRows(text, width - textWidth(first)).map((row, index) => ({
		...style,
		text: index === 0 ? row : row.replace(/^ /, ''),
		gutter: index === 0 ? first : rest,
	}));
}

/** A line of a document (JSON, XML, a diff) under a gutter: a long line wraps under its own indentation. */
export function codeRows(line: string, width: number, gutter: string, style: Omit<Row, 'text' | 'gutter'> = {}): Row[] {
	const inner = width - textWidth(gutter);
	const [first = '', ...rest] = wrapRows(line, inner);
	if (rest.length === 0) return [{...style, text: first, gutter}];
	const indent = Math.min(/^[+\- ]?\s*/.exec(line)?.[0].length ?? 0, Math.floor(inner / 2));
	const hanging = gutter + ' '.repeat(indent);
	// The rows put together are the line again: wrap what the first row left over, narrower.
	return [
		{...style, text: first, gutter},
		...wrapRows(rest.join('').trimStart(), inner - indent).map(text => ({...style, text: text.replace(/^ /, ''), gutter: hanging})),
	];
}
