import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import Output from '../../source/host/ink-frame-output.js';
// Ink's own Output, which the bundle replaces with ours: not among Ink's exports, so by its file.
import InkOutput from '../../node_modules/ink/build/output.js';

// The frames must be Ink's, character for character: the same writes and clips given to both.

type Transformer = (line: string, index: number) => string;
type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]}
	| {type: 'clip'; clip: {x1?: number; x2?: number; y1?: number; y2?: number}}
	| {type: 'unclip'};
interface FrameOutput {
	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void;
	clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
	unclip(): void;
	get(): {output: string; height: number};
}

const style = fc.constantFrom('', '\u001B[31m', '\u001B[39m', '\u001B[1m', '\u001B[22m', '\u001B[44m', '\u001B[49m', '\u001B[7m', '\u001B[27m', '\u001B[0m');
const piece = fc.constantFrom('a', 'b', ' ', 'word', '●', '✔', '界', '…', '│', 'e\u0301', '  ', '🙂');
const anyLine = fc.array(fc.tuple(style, piece), {maxLength: 12}).map(parts => parts.map(([code, text]) => code + text).join(''));
// The rows most frames are made of: narrow text, plain or in one style and its end (or an end of another style).
const narrow = fc.array(fc.constantFrom('a', 'Z', ' ', '~', '[INFO]', '│', '…', '0'), {maxLength: 10}).map(parts => parts.join(''));
const styleCode = fc.constantFrom(0, 1, 2, 7, 22, 27, 32, 36, 39, 44, 49, 90);
const line = fc.oneof(
	anyLine,
	narrow,
	fc.tuple(styleCode, narrow, styleCode).map(([open, text, close]) => `\u001B[${open}m${text}\u001B[${close}m`),
);
const text = fc.array(line, {minLength: 1, maxLength: 4}).map(lines => lines.join('\n'));
const transformers: Transformer[][] = [[], [line => line.toUpperCase()], [(line, index) => `${index}${line}`], [line => `\u001B[32m${line}\u001B[39m`]];
const coordinate = fc.integer({min: -3, max: 24});
const operation: fc.Arbitrary<Operation> = fc.oneof(
	{weight: 6, arbitrary: fc.record({type: fc.constant('write' as const), x: coordinate, y: coordinate, text, transformers: fc.constantFrom(...transformers)})},
	{
		weight: 1,
		arbitrary: fc.record({
			type: fc.constant('clip' as const),
			clip: fc.record({x1: coordinate, x2: coordinate, y1: coordinate, y2: coordinate}, {requiredKeys: []}),
		}),
	},
	{weight: 1, arbitrary: fc.constant({type: 'unclip' as const})},
);
const frame = fc.record({width: fc.integer({min: 0, max: 22}), height: fc.integer({min: 0, max: 8}), operations: fc.array(operation, {maxLength: 14})});

function draw(output: FrameOutput, operations: Operation[]): {output: string; height: number} {
	for (const op of operations) {
		if (op.type === 'write') output.write(op.x, op.y, op.text, {transformers: op.transformers});
		else if (op.type === 'clip') output.clip(op.clip);
		else output.unclip();
	}
	return output.get();
}

describe('the frame output that replaces Ink’s in the bundle', () => {
	it('draws what Ink draws, for any writes and clips, on a first frame and on a frame after it', () => {
		fc.assert(
			fc.property(frame, ({width, height, operations}) => {
				const ink = draw(new InkOutput({width, height}) as FrameOutput, operations);
				expect(draw(new Output({width, height}), operations)).toEqual(ink);
				// The same frame again: each row now comes from the rows of the frames before.
				expect(draw(new Output({width, height}), operations)).toEqual(ink);
			}),
			{numRuns: 400},
		);
	});

	it('keeps rows written alike apart when their width differs (a write past the width leaves no blanks before it)', () => {
		const row = (output: FrameOutput) => draw(output, [{type: 'write', x: 5, y: 0, text: 'ab', transformers: []}]);
		for (const width of [3, 8, 3]) expect(row(new Output({width, height: 1}))).toEqual(row(new InkOutput({width, height: 1}) as FrameOutput));
		expect(row(new Output({width: 3, height: 1})).output).not.toEqual(row(new Output({width: 8, height: 1})).output);
	});
});
