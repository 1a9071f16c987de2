import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import {build, type Plugin} from 'esbuild';
import fc from 'fast-check';
import stringWidth from 'string-width';
import Yoga, {type Node as YogaNode} from 'yoga-layout';
import {beforeAll, describe, expect, it} from 'vitest';
// @ts-expect-error -- the build's plain JavaScript settings, shared with scripts/build.mjs
import {bundleOptions, cliOnlyPlugins} from '../../scripts/bundle-options.mjs';
import {checkout} from '../helpers/bundle-chunks.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

// scripts/bundle-options.mjs rewrites code of the libraries it bundles, for speed: the rewritten
// code must answer exactly as the libraries do, for any input.

/** Ink's Output (not exported by its package): the writes of one frame, then the frame's text. */
interface InkOutput {
	write(x: number, y: number, text: string, options: {transformers: ((line: string, index: number) => string)[]}): void;
	get(): {output: string; height: number};
}
type OutputClass = new (size: {width: number; height: number}) => InkOutput;

interface Patched {
	stringWidth: typeof stringWidth;
	styledCharsToString: typeof styledCharsToString;
	Yoga: typeof Yoga;
	Output: OutputClass;
}

const inkOutput = './node_modules/ink/build/output.js';

let patched: Patched;
beforeAll(async () => {
	const outfile = join(temporaryDirectory('ca-wizard-bundle-patches-'), 'patched.mjs');
	await build({
		...(bundleOptions as object),
		// As the CLI bundles them: its own rewrites, then the ones it shares with the bench's bare Ink app.
		plugins: [...(cliOnlyPlugins as []), ...(bundleOptions as {plugins: []}).plugins],
		stdin: {
			contents: [
				"export {default as stringWidth} from 'string-width';",
				"export {styledCharsToString} from '@alcalzone/ansi-tokenize';",
				"export {default as Yoga} from 'yoga-layout';",
				`export {default as Output} from '${inkOutput}';`,
			].join('\n'),
			resolveDir: checkout,
			loader: 'js',
		},
		outfile,
	});
	patched = (await import(pathToFileURL(outfile).href)) as Patched;
});

/** Text as screens hold it: ASCII words, marks and symbols, accents, CJK, emoji (with ZWJ and keycaps), controls. */
const pieces = fc.constantFrom(
	'a',
	'Build ',
	' ',
	'~',
	'○',
	'●',
	'·',
	'✔',
	'–',
	'é',
	'e\u0301',
	'漢字',
	'ｶﾞ',
	'👍',
	'👨‍👩‍👧',
	'🇩🇪',
	'🇩',
	'☺️',
	'1\u20E3',
	'#️⃣',
	'\u200B',
	'\t',
	'\u0007',
	'ᄀ',
	'ᅡ',
	'\u00AD',
);
const screenText = fc.oneof(
	fc.array(pieces, {maxLength: 12}).map(parts => parts.join('')),
	fc.string({unit: 'grapheme', maxLength: 20}),
	fc.string({unit: 'binary', maxLength: 20}),
);

describe('the libraries as bundled', () => {
	it('string-width measures every text as the library does', () => {
		fc.assert(
			fc.property(screenText, fc.boolean(), (text, ambiguousIsNarrow) => {
				expect(patched.stringWidth(text, {ambiguousIsNarrow})).toBe(stringWidth(text, {ambiguousIsNarrow}));
				// Without options, as Ink asks: measured once, then answered from the CLI's memo.
				expect(patched.stringWidth(text)).toBe(stringWidth(text));
				expect(patched.stringWidth(text)).toBe(stringWidth(text));
			}),
			{numRuns: 2000},
		);
	});

	it('string-width measures every code point of the first two planes alone as the library does', () => {
		const differ: string[] = [];
		for (let codePoint = 0; codePoint <= 0x1ffff; codePoint++) {
			if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
			const text = String.fromCodePoint(codePoint);
			if (patched.stringWidth(text, {}) !== stringWidth(text)) differ.push(codePoint.toString(16));
		}
		expect(differ).toEqual([]);
	});

	it('Yoga, its WebAssembly decoded without fetch, lays out as the library does', () => {
		const layout = (yoga: typeof Yoga) => {
			const root: YogaNode = yoga.Node.create();
			root.setWidth(120);
			root.setFlexDirection(yoga.FLEX_DIRECTION_ROW);
			for (const width of [10, 30]) {
				const child = yoga.Node.create();
				child.setWidth(width);
				child.setHeight(2);
				root.insertChild(child, root.getChildCount());
			}
			root.calculateLayout(undefined, undefined, yoga.DIRECTION_LTR);
			const boxes = [0, 1].map(index => root.getChild(index).getComputedLayout());
			root.freeRecursive();
			return boxes;
		};
		expect(layout(patched.Yoga)).toEqual(layout(Yoga));
	});

	it("ansi-tokenize turns styled cells into the library's very string", () => {
		const style = fc.constantFrom(
			'\u001B[1m',
			'\u001B[2m',
			'\u001B[22m',
			'\u001B[36m',
			'\u001B[39m',
			'\u001B[31m',
			'\u001B[7m',
			'\u001B[27m',
			'\u001B[0m',
			'\u001B[38;5;208m',
		);
		const styled = fc.array(fc.oneof(style, pieces), {maxLength: 24}).map(parts => parts.join(''));
		fc.assert(
			fc.property(styled, line => {
				const cells = styledCharsFromTokens(tokenize(line));
				expect(patched.styledCharsToString(cells)).toBe(styledCharsToString(cells));
			}),
			{numRuns: 2000},
		);
	});

	it("Ink's frames, drawn one after another with shared caches, are Ink's very frames", async () => {
		const {default: Output} = (await import(pathToFileURL(join(checkout, inkOutput)).href)) as {default: OutputClass};
		const style = fc.constantFrom('', '\u001B[1m', '\u001B[2m', '\u001B[36m', '\u001B[39m', '\u001B[22m');
		const text = fc.array(fc.oneof(style, pieces), {minLength: 1, maxLength: 10}).map(parts => parts.join(''));
		const write = fc.record({x: fc.nat(30), y: fc.nat(6), text, dim: fc.boolean()});
		// Few distinct texts, so that later frames draw lines the caches hold.
		const frames = fc.array(fc.array(write, {maxLength: 8}), {minLength: 2, maxLength: 6});
		fc.assert(
			fc.property(frames, fc.integer({min: 10, max: 40}), (writes, width) => {
				const draw = (Class: OutputClass) =>
					writes.map(frame => {
						const output = new Class({width, height: 6});
						for (const {x, y, text, dim} of frame) output.write(x, y, text, {transformers: dim ? [line => `\u001B[2m${line}\u001B[22m`] : []});
						return output.get().output;
					});
				expect(draw(patched.Output)).toEqual(draw(Output));
			}),
			{numRuns: 500},
		);
	});
});

/** A schemas module's exports as plain data: each thunk (`() => Other$`) by the export it returns, or what it returns. */
function schemaData(exports: Record<string, unknown>): Record<string, unknown> {
	const names = new Map(Object.entries(exports).map(([name, value]) => [value, name]));
	const data = (value: unknown, seen: Set<unknown>, top: boolean): unknown => {
		if (typeof value === 'function') {
			// Arrow functions (the thunks) have no prototype; an error class is named.
			return value.prototype === undefined ? {thunk: data((value as () => unknown)(), seen, false)} : `class ${value.name}`;
		}
		if (typeof value !== 'object' || value === null) return value;
		if (!top && names.has(value)) return `export ${names.get(value)}`;
		if (seen.has(value)) return 'cycle';
		const inner = new Set(seen).add(value);
		if (Array.isArray(value)) return value.map(item => data(item, inner, false));
		if (value instanceof Map) return [...value].map(([key, item]) => [data(key, inner, false), data(item, inner, false)]);
		return {
			constructor: value.constructor?.name,
			...Object.fromEntries(Object.entries(value).map(([key, item]) => [key, data(item, inner, false)])),
		};
	};
	return Object.fromEntries(Object.entries(exports).map(([name, value]) => [name, data(value, new Set(), true)]));
}

describe("the AWS SDK clients' schemas as bundled", () => {
	// The clients the CLI bundles. Their computed trait keys become the strings they hold; every shape must stay as it was.
	it.each(['client-codeartifact', 'client-iam', 'client-sts', 'client-ec2'])('%s: every shape, written with literal keys, is the same data', async client => {
		const directory = temporaryDirectory('ca-wizard-sdk-schemas-');
		const bundle = async (name: string, plugins: Plugin[]) => {
			const outfile = join(directory, `${name}.mjs`);
			await build({
				...(bundleOptions as object),
				// Unminified, so that the two bundles' classes keep the same names.
				minify: false,
				plugins,
				stdin: {contents: `export * from '@aws-sdk/${client}/dist-es/schemas/schemas_0.js';`, resolveDir: checkout, loader: 'js'},
				outfile,
			});
			return (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
		};
		const [rewritten, original] = await Promise.all([bundle('rewritten', (bundleOptions as {plugins: Plugin[]}).plugins), bundle('original', [])]);
		expect(Object.keys(rewritten).length).toBeGreaterThan(10);
		expect(schemaData(rewritten)).toEqual(schemaData(original));
	});
});
