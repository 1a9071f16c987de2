import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

// The esbuild settings every bundle of ours shares: the CLI (scripts/build.mjs) and the bare Ink app
// the first-frame bench compares it with, so that the two are bundled alike.

/** Ink imports its devtools (react-devtools-core, ws) only when DEV=true, and says so when they are missing: they are
 * debugging aids, never shipped. The import is left to fail as "not installed", the case Ink already handles. */
const noInkDevtools = {
	name: 'no-ink-devtools',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, args =>
			/[/\\]ink[/\\]build[/\\]/.test(args.importer) ? {path: 'react-devtools-core', external: true} : undefined,
		);
	},
};

/** wrap-ansi (which Ink wraps text with) asks for string-width 7, which measures emoji with a 14 kB regular expression
 * of its own; everything else uses string-width 8. One measure for all: the same widths where Ink wraps and where our
 * layout plans, and one expensive pattern compiled at the first non-ASCII text instead of two. The two share their API. */
const oneStringWidth = {
	name: 'one-string-width',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, async args =>
			args.pluginData === 'top'
				? undefined
				: build.resolve('string-width', {kind: args.kind, resolveDir: build.initialOptions.absWorkingDir ?? process.cwd(), pluginData: 'top'}),
		);
	},
};

/** string-width measures a string with any non-ASCII character cluster by cluster, each through half a dozen Unicode
 * property tests; a one-character ASCII cluster needs none of them (see below).
 * string-width tests every non-ASCII cluster against /^\p{RGI_Emoji}$/v, a pattern of thousands of sequences that V8
 * takes 20–80 ms to compile on its first use: the wizard's first frame (○ and ● in the step rail) paid it. Every RGI emoji
 * sequence holds at least one Emoji code point, so a cheap \p{Emoji} test first answers the same, and the big pattern is
 * compiled only when an emoji-like character is measured (✔, later). The build stops if string-width changes its code. */
const emojiTestFirst = {
	name: 'emoji-test-first',
	setup(build) {
		build.onLoad({filter: stringWidthModule}, async args => ({contents: await stringWidthEmojiTestFirst(args.path), loader: 'js'}));
	},
};

const stringWidthModule = /[/\\]string-width[/\\]index\.js$/;
const emojiTestDeclaration =
	'const rgiEmojiPattern = /^\\p{RGI_Emoji}$/v; const anyEmoji = /\\p{Emoji}/u; const rgiEmojiRegex = {test: segment => anyEmoji.test(segment) && rgiEmojiPattern.test(segment)};';

/** string-width's source as emojiTestFirst rewrites it (stringWidthForCli rewrites it further for the CLI alone). */
async function stringWidthEmojiTestFirst(path) {
	const source = await readFile(path, 'utf8');
	const declaration = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
	if (!source.includes(declaration)) throw new Error(`${path}: its RGI emoji test changed; see emojiTestFirst in scripts/bundle-options.mjs`);
	// Most clusters of a mixed string ("○ Build host access") are one printable ASCII character, one column
	// wide by every rule below (visible, no emoji or Hangul, narrow, nothing trailing): counted without them.
	const loop = 'for (const {segment} of segmenter.segment(string)) {';
	if (!source.includes(loop)) throw new Error(`${path}: its loop over clusters changed; see emojiTestFirst in scripts/bundle-options.mjs`);
	const asciiFirst = `${loop} if (segment.length === 1 && segment >= ' ' && segment <= '~') { width += 1; continue; }`;
	return source.replace(declaration, emojiTestDeclaration).replace(loop, asciiFirst);
}

/** Ink turns every line of a frame, cell by cell (a screen of 120 columns is thousands of cells), back into a string with
 * @alcalzone/ansi-tokenize's styledCharsToString, which works out the style change between each two neighbouring cells
 * with three Sets and four arrays, also when nothing changes, as between two cells of one word. That was a third of
 * the wizard's first frame. Neighbours with the same styles need no change: the same string, with the work only where a
 * style starts or ends. The build stops if the library changes its code. */
const styleChangesOnly = {
	name: 'style-changes-only',
	setup(build) {
		build.onLoad({filter: /[/\\]@alcalzone[/\\]ansi-tokenize[/\\]build[/\\]styledChars\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			const original = /export function styledCharsToString\(chars\) \{\n[^]*?\n\}\n/;
			const found = source.match(original)?.[0];
			if (!found?.includes('ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles))'))
				throw new Error(`${args.path}: styledCharsToString changed; see styleChangesOnly in scripts/bundle-options.mjs`);
			const changesOnly = `export function styledCharsToString(chars) {
	let ret = "";
	let active = [];
	for (const char of chars) {
		if (!sameCodes(active, char.styles)) ret += ansiCodesToString(diffAnsiCodes(active, char.styles));
		ret += char.value;
		active = char.styles;
	}
	return ret + ansiCodesToString(diffAnsiCodes(active, []));
}
function sameCodes(a, b) {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
	return true;
}
`;
			return {contents: source.replace(found, changesOnly), loader: 'js'};
		});
	},
};

/** The CLI's own string-width, on top of emojiTestFirst, in two ways; not among bundleOptions' plugins: the bare Ink app
 * the first-frame bench compares with stays bundled as it was. Listed before them, as esbuild takes the first onLoad
 * that answers.
 * - string-width builds /^\p{RGI_Emoji}$/v as it loads (esbuild writes the literal as new RegExp(…, 'v') for Node 20,
 *   and V8 parses that pattern of thousands of sequences there and then): 30-50 ms before the first frame, which
 *   measures no emoji, and ~30 ms more when the first ✔ (the end of the first step) was measured. A cluster of one
 *   code point is an RGI emoji exactly when it has Emoji_Presentation and is not a lone regional indicator (the bundle
 *   test checks every code point of the first two planes), which a small pattern tells; the big one is built only for
 *   a sequence (a flag, a keycap, a ZWJ family) that passes the cheap \p{Emoji} test.
 * - Ink measures every text of the screen on every frame (renderNodeToOutput asks each one's widest line), and a text
 *   with one character past ASCII (│, ✔, ○, ·) is measured cluster by cluster through Intl.Segmenter: a few
 *   milliseconds of each frame of the build's live view went to texts that had not changed. A width is kept by its text
 *   (the call without options, as Ink and its libraries make it; the memo is emptied when it holds many). */
const stringWidthForCli = {
	name: 'string-width-for-cli',
	setup(build) {
		build.onLoad({filter: stringWidthModule}, async args => {
			const source = await stringWidthEmojiTestFirst(args.path);
			const atFirstUse = [
				'let rgiEmojiPattern; const anyEmoji = /\\p{Emoji}/u; const presentation = /^\\p{Emoji_Presentation}$/u;',
				// One code point is an RGI emoji exactly when it has Emoji_Presentation and is not a lone regional indicator.
				'const oneCodePoint = segment => segment.length === 1 || (segment.length === 2 && segment.codePointAt(0) > 0xffff);',
				'const regionalIndicator = segment => segment.codePointAt(0) >= 0x1f1e6 && segment.codePointAt(0) <= 0x1f1ff;',
				'const rgiEmojiRegex = {test: segment => anyEmoji.test(segment) && (oneCodePoint(segment) ? presentation.test(segment) && !regionalIndicator(segment) : (rgiEmojiPattern ??= /^\\p{RGI_Emoji}$/v).test(segment))};',
			].join(' ');
			const exported = 'export default function stringWidth(input, options = {}) {';
			if (source.split(exported).length !== 2) throw new Error(`${args.path}: its export changed; see stringWidthForCli in scripts/bundle-options.mjs`);
			const memo = `const knownWidths = new Map();
export default function stringWidth(input, options) {
	if (options !== undefined || typeof input !== 'string' || input.length > 512) return measuredWidth(input, options);
	let width = knownWidths.get(input);
	if (width === undefined) {
		if (knownWidths.size >= 4096) knownWidths.clear();
		width = measuredWidth(input);
		knownWidths.set(input, width);
	}
	return width;
}
function measuredWidth(input, options = {}) {`;
			return {contents: source.replace(emojiTestDeclaration, atFirstUse).replace(exported, memo), loader: 'js'};
		});
	},
};

/** Yoga (Ink's layout) carries its WebAssembly as a base64 data: URL and, wherever fetch exists, reads it with fetch(),
 * which in Node loads and compiles undici, Node's fetch, on the spot: 40 ms of the 160 before the first frame here.
 * Where fetch fails or is missing, Yoga decodes the same URL itself, synchronously; the CLI always does that. The build
 * stops if Yoga changes this code. Not among bundleOptions' plugins, as stringWidthForCli. */
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(build) {
		build.onLoad({filter: /[/\\]yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			const readsWithFetch = 'function ya(){return w||"function"!=typeof fetch?';
			if (source.split(readsWithFetch).length !== 2)
				throw new Error(`${args.path}: how Yoga reads its WebAssembly changed; see yogaWithoutFetch in scripts/bundle-options.mjs`);
			return {contents: source.replace(readsWithFetch, 'function ya(){return true?'), loader: 'js'};
		});
	},
};

/** Ink draws every frame into a new Output: a grid of one object per cell (thousands on a 120-column screen), each row
 * turned back into a string, every row on every frame, with caches (each line's styled cells, each text's width) that
 * start empty each time. source/host/ink-frame-output.ts takes its place: it notes what each row was given, makes the
 * rows a frame before did not have as Ink does, and takes the others' strings from the frames before; its caches outlive
 * the frame. Its test compares it with Ink's. Ink's module is checked by its hash: the build stops when Ink changes it,
 * for the replacement to be compared with the new one. */
const inkOutputHash = 'de9078c7fc647c40cf9e32d6658fcbbee91dae9e3f6334e5f4ebfc5905fc401d';
const frameRowsCached = {
	name: 'frame-rows-cached',
	setup(build) {
		build.onResolve({filter: /^\.\/output\.js$/}, async args => {
			if (!/[/\\]ink[/\\]build[/\\]renderer\.js$/.test(args.importer)) return undefined;
			const original = join(dirname(args.importer), 'output.js');
			const hash = createHash('sha256')
				.update(await readFile(original))
				.digest('hex');
			if (hash !== inkOutputHash)
				throw new Error(
					`${original}: Ink's Output changed; compare source/host/ink-frame-output.ts with it, then update inkOutputHash in scripts/bundle-options.mjs`,
				);
			return {path: fileURLToPath(new URL('../source/host/ink-frame-output.ts', import.meta.url))};
		});
	},
};

/** The AWS SDK clients describe each shape as an array whose traits are objects with computed keys naming the file's
 * string constants (`{[_eQN]: \`Min\`}`). esbuild cannot tell such a key has no side effect, so it kept every shape of a
 * service: EC2's 2,580 structures where the wizard's five operations use a few hundred, half a megabyte that evaluated on
 * the way to the token step. Written as the strings they are, the shapes nobody reaches are left out. The build stops on
 * a computed key of any other kind. */
const sdkSchemaKeysLiteral = {
	name: 'sdk-schema-keys-literal',
	setup(build) {
		build.onLoad({filter: sdkSchemaModule}, async args => ({contents: schemaKeysLiteral(await readFile(args.path, 'utf8'), args.path), loader: 'js'}));
	},
};

const sdkSchemaModule = /[/\\]@aws-sdk[/\\]client-[\w-]+[/\\]dist-es[/\\]schemas[/\\]schemas_\d+\.js$/;

/** A schemas module's source with each computed key `[_name]:` written as the string constant `_name` holds. */
function schemaKeysLiteral(source, path) {
	const strings = new Map([...source.matchAll(/^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm)].map(([, name, literal]) => [name, literal]));
	const rewritten = source.replace(/([{,]\s*)\[(_\w+)\]:/g, (_, before, name) => {
		const literal = strings.get(name);
		if (literal === undefined)
			throw new Error(`${path}: the computed key [${name}] is not a string constant; see sdkSchemaKeysLiteral in scripts/bundle-options.mjs`);
		return `${before}${literal}:`;
	});
	const other = /[{,]\s*\[[^\]]*\]\s*:/.exec(rewritten);
	if (other) throw new Error(`${path}: a computed key of a new kind (${other[0].trim()}); see sdkSchemaKeysLiteral in scripts/bundle-options.mjs`);
	return rewritten;
}

/** The CLI's own rewrites, on top of bundleOptions' (scripts/build.mjs lists them first). */
export const cliOnlyPlugins = [stringWidthForCli, yogaWithoutFetch];

export const bundleOptions = {
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	treeShaking: true,
	// A package's ES module build before its CommonJS one (esbuild's default for Node is the reverse): the AWS SDK's
	// CommonJS build is one file per client, kept whole; its ES modules let the bundle keep only the commands we call.
	mainFields: ['module', 'main'],
	jsx: 'automatic',
	legalComments: 'none',
	// React and its reconciler pick their production builds by this (the development ones are several times larger
	// and slower); bundled, the choice is made now and the other build is left out.
	// CA_WIZARD_VERSION: what `--version` prints, written into dist/cli.cjs so that the answer loads no other file.
	define: {
		'process.env.NODE_ENV': '"production"',
		CA_WIZARD_VERSION: JSON.stringify(JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json'), 'utf8')).version),
	},
	plugins: [noInkDevtools, oneStringWidth, emojiTestFirst, styleChangesOnly, frameRowsCached, sdkSchemaKeysLiteral],
	// Bundled CommonJS (react, the SDK's helpers) calls require() for Node's built-ins; an ES module has none, so
	// every output file makes its own. The shebang is harmless in a module (a hashbang is valid in any), and the
	// bare Ink app the first-frame bench bundles with these settings runs as a command with it.
	banner: {
		js: "#!/usr/bin/env node\nimport{createRequire as __caCreateRequire}from'node:module';const require=__caCreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
};
