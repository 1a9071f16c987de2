import {styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar} from '@alcalzone/ansi-tokenize';
import ansiStyles from 'ansi-styles';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';

/**
 * Ink's Output (ink/build/output.js), which the bundle puts in its place (see frameRowsCached in
 * scripts/bundle-options.mjs): the same frames, made for less. Ink lays every write into a grid of
 * one object per cell (a 120×40 terminal is 4,800 of them), then turns each row back into a
 * string, on every frame, although a frame of the build's live view changes a few rows. Here
 * each row notes what was written into it (where, which line); a row whose writes a frame before
 * already had is that frame's string, and only a new row is laid out cell by cell, as Ink does.
 * Its memos (rows, tokenized lines, widths: Ink's own were new on each frame) outlive the frame.
 * test/host/ink-frame-output.test.ts compares the two on random writes and clips.
 */

type Transformer = (line: string, index: number) => string;
type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type Operation = {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]} | {type: 'clip'; clip: Clip} | {type: 'unclip'};
/** A line as written into a row: where it starts, and its text (clipped and transformed). */
type Segment = {x: number; line: string};

/**
 * A frame's memo of pure work, emptied when it holds `most` entries (a screen's worth is a few
 * hundred): the value kept for a key, else `compute()`'s. Not source/bounded-cache.ts: a module of
 * the run's would be loaded as a chunk of its own before the first frame, which this file is part
 * of (see test/build/bundle-chunks.test.ts).
 */
function frameMemo<V>(most = 5000): (key: string, compute: () => V) => V {
	let entries = new Map<string, V>();
	return (key, compute) => {
		let value = entries.get(key);
		if (value === undefined) {
			if (entries.size >= most) entries = new Map();
			value = compute();
			entries.set(key, value);
		}
		return value;
	};
}

const styledLines = frameMemo<StyledChar[]>();
const widths = frameMemo<number>();
const blockWidths = frameMemo<number>();
const rowStrings = frameMemo<string>();
const styledCharsOf = (line: string) => styledLines(line, () => styledCharsFromTokens(tokenize(line)));
const widthOf = (text: string) => widths(text, () => stringWidth(text));
const widestLine = (text: string) => blockWidths(text, () => text.split('\n').reduce((widest, line) => Math.max(widest, widthOf(line)), 0));

// Made as the tokenizer makes every other cell, and not frozen: a cell of another shape (a
// frozen one has a map of its own) made V8 throw away and redo its optimized code for the grid.
const [blankCell] = styledCharsOf(' ') as [StyledChar];

export default class Output {
	readonly width: number;
	readonly height: number;
	private readonly operations: Operation[] = [];

	constructor(options: {width: number; height: number}) {
		this.width = options.width;
		this.height = options.height;
	}

	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void {
		if (!text) return;
		this.operations.push({type: 'write', x, y, text, transformers: options.transformers});
	}

	clip(clip: Clip): void {
		this.operations.push({type: 'clip', clip});
	}

	unclip(): void {
		this.operations.push({type: 'unclip'});
	}

	get(): {output: string; height: number} {
		const rows: Segment[][] = Array.from({length: this.height}, () => []);
		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') clips.push(operation.clip);
			else if (operation.type === 'unclip') clips.pop();
			else this.place(operation, clips.at(-1), rows);
		}
		// A row without writes is blank cells only, which Ink trims away.
		const text = rows.map(segments =>
			segments.length === 0 ? '' : rowStrings(JSON.stringify([this.width, segments]), () => rowFromSegments(this.width, segments)),
		);
		return {output: text.join('\n'), height: rows.length};
	}

	/** Ink's write, clip for clip: which rows the lines land in, and where. */
	private place(operation: Extract<Operation, {type: 'write'}>, clip: Clip | undefined, rows: Segment[][]): void {
		const {text, transformers} = operation;
		let {x, y} = operation;
		let lines = text.split('\n');
		if (clip) {
			const {x1, x2, y1, y2} = clip;
			const horizontally = typeof x1 === 'number' && typeof x2 === 'number';
			const vertically = typeof y1 === 'number' && typeof y2 === 'number';
			if (horizontally && (x + widestLine(text) < x1 || x > x2)) return;
			if (vertically && (y + lines.length < y1 || y > y2)) return;
			if (horizontally) {
				lines = lines.map(line => {
					const width = widthOf(line);
					return sliceAnsi(line, x < x1 ? x1 - x : 0, x + width > x2 ? x2 - x : width);
				});
				if (x < x1) x = x1;
			}
			if (vertically) {
				const height = lines.length;
				lines = lines.slice(y < y1 ? y1 - y : 0, y + height > y2 ? y2 - y : height);
				if (y < y1) y = y1;
			}
		}
		let offsetY = 0;
		for (const [index, written] of lines.entries()) {
			// As Ink: a line outside the grid is skipped, and the next one tries the same row.
			const row = rows[y + offsetY];
			if (!row) continue;
			const line = transformers.reduce((changed, transformer) => transformer(changed, index), written);
			row.push({x, line});
			offsetY++;
		}
	}
}

/** A row as Ink makes it: blank cells `width` wide, each segment's characters laid from its x, turned into a string. */
function rowFromSegments(width: number, segments: Segment[]): string {
	const quick = oneTextRow(width, segments);
	if (quick !== undefined) return quick;
	const cells: StyledChar[] = Array.from({length: width}, () => blankCell);
	for (const {x, line} of segments) {
		let offsetX = x;
		for (const character of styledCharsOf(line)) {
			cells[offsetX] = character;
			const characterWidth = Math.max(1, widthOf(character.value));
			// A wide character's other columns: empty cells of its style, so nothing stray shows there.
			for (let column = 1; column < characterWidth; column++) cells[offsetX + column] = {type: 'char', value: '', fullWidth: false, styles: character.styles};
			offsetX += characterWidth;
		}
	}
	return styledCharsToString(cells.filter(cell => cell !== undefined)).trimEnd();
}

/** One column each, and one cell each as the tokenizer reads them: printable ASCII, the log's bar and the ellipsis. */
const narrowText = /^[\u0020-\u007E│…]*$/;
const oneStyle = /^\u001B\[(\d+)m([\u0020-\u007E│…]*)\u001B\[(\d+)m$/;

/**
 * Most rows of a frame are one line of narrow text, plain or in one style (a dim log line, a
 * bold title): the string Ink makes of their cells is known without them. Undefined for any
 * other row. The test holds it to Ink's output.
 */
function oneTextRow(width: number, segments: Segment[]): string | undefined {
	if (segments.length !== 1) return undefined;
	const [{x, line}] = segments as [Segment];
	if (!Number.isInteger(x) || x < 0) return undefined;
	// Blank cells up to x; past the width there are no cells, and nothing is drawn there.
	const lead = ' '.repeat(Math.min(x, width));
	if (narrowText.test(line)) return (lead + line).trimEnd();
	const [, open, text, close] = oneStyle.exec(line) ?? [];
	if (open === undefined || text === undefined || close === undefined) return undefined;
	// A style and its own end: the cells carry the style, and the row ends it where the text ends.
	const end = ansiStyles.codes.get(Number(open));
	if (end === undefined || end === Number(open) || Number(close) !== end) return undefined;
	return text === '' ? '' : `${lead}${line}`;
}
