// How many terminal rows a text takes, computed the way Ink wraps a <Text> (wrap-ansi with
// {hard: true, trim: false}), so that a screen can be planned to fit the terminal before it
// is drawn. Plain text only: the screens never put escape codes in their strings.

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

/** Columns a string takes: one per code point (the screens' text has no wide characters). */
export function textWidth(text: string): number {
	return [...text].length;
}

/** The rows Ink would draw `text` on in `width` columns; '' is one empty row. */
export function wrapRows(text: string, width: number): string[] {
	const columns = Math.max(1, Math.floor(width));
	return text.split('\n').flatMap(line => wrapLine(line, columns));
}

/** How many rows `text` takes in `width` columns. */
export function rowCount(text: string, width: number): number {
	return wrapRows(text, width).length;
}

function wrapLine(line: string, columns: number): string[] {
	const rows = [''];
	const last = () => rows.length - 1;
	line.split(' ').forEach((word, index) => {
		let rowLength = textWidth(rows[last()]!);
		if (index !== 0) {
			if (rowLength >= columns) {
				rows.push('');
				rowLength = 0;
			}
			rows[last()] += ' ';
			rowLength++;
		}
		const length = textWidth(word);
		if (length > columns) {
			// A word longer than the row is cut at the edge, starting on this row when that saves a break.
			const remaining = columns - rowLength;
			const breaksStartingHere = 1 + Math.floor((length - remaining - 1) / columns);
			const breaksStartingNext = Math.floor((length - 1) / columns);
			if (breaksStartingNext < breaksStartingHere) rows.push('');
			cutWord(rows, word, columns);
			return;
		}
		if (rowLength + length > columns && rowLength > 0 && length > 0) rows.push('');
		rows[last()] += word;
	});
	return rows;
}

function cutWord(rows: string[], word: string, columns: number): void {
	const characters = [...word];
	let visible = textWidth(rows.at(-1)!);
	characters.forEach((character, index) => {
		if (visible + 1 <= columns) rows[rows.length - 1] += character;
		else {
			rows.push(character);
			visible = 0;
		}
		visible++;
		if (visible === columns && index < characters.length - 1) {
			rows.push('');
			visible = 0;
		}
	});
}

/** Wraps `text` under a gutter: the first row gets `first`, the rest `rest` (same width), all in `width` columns. */
export function gutterRows(text: string, width: number, first: string, rest: string, style: Omit<Row, 'text' | 'gutter'> = {}): Row[] {
	// A wrapped row starts with the space it was broken at: the gutter already sets it apart.
	return wrapRows(text, width - textWidth(first)).map((row, index) => ({...style, text: index === 0 ? row : row.replace(/^ /, ''), gutter: index === 0 ? first : rest}));
}

/** A line of a document (JSON, XML, a diff) under a gutter: a long line wraps under its own indentation. */
export function codeRows(line: string, width: number, gutter: string, style: Omit<Row, 'text' | 'gutter'> = {}): Row[] {
	const inner = width - textWidth(gutter);
	const [first = '', ...rest] = wrapRows(line, inner);
	if (rest.length === 0) return [{...style, text: first, gutter}];
	const indent = Math.min(/^[+\- ]?\s*/.exec(line)![0].length, Math.floor(inner / 2));
	const hanging = gutter + ' '.repeat(indent);
	// The rows put together are the line again: wrap what the first row left over, narrower.
	return [{...style, text: first, gutter}, ...wrapRows(rest.join('').trimStart(), inner - indent).map(text => ({...style, text: text.replace(/^ /, ''), gutter: hanging}))];
}
