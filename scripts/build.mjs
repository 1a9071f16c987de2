// Bundles everything ca-wizard runs (ink, react, the AWS SDK clients, execa, the XML parsers, tar,
// find-my-way…) into dist/, so the published package has no runtime dependencies: one package of
// a few MB, where the installed dependencies came to 83 MB in 116 packages. A bundled Ink app also
// reaches its first frame about three times as fast as the same code loaded as plain modules.
// ES modules with splitting: what a command or step needs only later (the sandbox, each command's
// implementation, the AWS clients, the Ink app) stays behind its dynamic import(), as its own chunk.
import {build} from 'esbuild';
import {chmodSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {dirname, extname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {bundleOptions, cliOnlyPlugins} from './bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What the run and the screens share by identity (the error class the run recognises with instanceof, the go-back
 * symbol, who owns the stop signals): one module for both. Everything else the screens use, they carry in their own file. */
const sharedWithScreens = ['source/errors.ts', 'source/wizard/questions.ts', 'source/process/stop-signals.ts'];

/** The screens are the wizard's first frame: every file they load stands between the start and that frame. Split as
 * the rest, they loaded a dozen small chunks, each shared with some command (the step list, the summary's lines…), in
 * three rounds of reading. Resolved under their own namespace, the modules they use are copied into their chunk, and
 * the first frame loads that chunk and the few shared ones. A copy must be harmless: the build stops when a module the
 * screens copy also runs elsewhere and makes a symbol, or a class that some code tells apart with instanceof (the two
 * copies' would differ); list it above instead. */
const screensInOneChunk = {
	name: 'screens-in-one-chunk',
	setup(build) {
		const shared = new Set(sharedWithScreens.map(path => join(root, path)));
		const copied = new Set();
		build.onResolve({filter: /^\.\.?\//}, async args => {
			const screensEntry = args.namespace === 'file' && /[/\\]commands[/\\]session\.ts$/.test(args.importer) && args.path === './ink-session.js';
			// Only static imports: a dynamic one is a chunk of its own, and copying it would copy all it loads.
			const screensImport = args.namespace === 'screens' && args.kind === 'import-statement';
			if ((!screensEntry && !screensImport) || args.pluginData === 'plain') return undefined;
			const resolved = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'plain'});
			if (resolved.errors.length > 0 || shared.has(resolved.path) || !resolved.path.startsWith(join(root, 'source'))) return resolved;
			copied.add(resolved.path);
			return {path: resolved.path, namespace: 'screens'};
		});
		build.onLoad({filter: /.*/, namespace: 'screens'}, async args => ({
			contents: await readFile(args.path, 'utf8'),
			loader: extname(args.path).slice(1),
			resolveDir: dirname(args.path),
		}));
		build.onEnd(async result => {
			const inputs = Object.keys(result.metafile?.inputs ?? {});
			const elsewhere = new Set(inputs.map(input => join(root, input)));
			const sources = await Promise.all(inputs.filter(input => input.startsWith('source/')).map(input => readFile(join(root, input), 'utf8')));
			for (const path of [...copied].filter(copy => elsewhere.has(copy))) {
				const source = await readFile(path, 'utf8');
				const told = [...source.matchAll(/^(?:export )?(?:abstract )?class (\w+)/gm)].find(([, name]) =>
					sources.some(text => text.includes(`instanceof ${name}`)),
				);
				// State kept at the module's top (a let, a Map or Set filled later) would be two states, each half the truth.
				const state = /^(?:export )?(?:let|var) |^(?:export )?const \w+(?::[^=]+)? = (?:new (?:Map|Set|WeakMap|WeakSet)\b|\[\];)/m.exec(source);
				const why = told ? `class ${told[1]}` : /\bSymbol\(/.test(source) ? 'symbol' : state ? `state (${state[0].trim()})` : undefined;
				if (why) throw new Error(`${path}: the screens copy it, and its ${why} would differ from the run's; add it to sharedWithScreens`);
			}
		});
	},
};

/** Which inputs each chunk holds and which chunks each imports (test/build reads it): beside dist/, never packed. */
const metafilePath = join(root, '.build', 'meta.json');

rmSync(join(root, 'dist'), {recursive: true, force: true});
const result = await build({
	...bundleOptions,
	absWorkingDir: root,
	entryPoints: ['source/main.ts'],
	outdir: 'dist',
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	// No source maps: they would about double the package (its budget is 5 MB) for stack traces a user never
	// reads; tests and a debugger run the TypeScript sources.
	sourcemap: false,
	metafile: true,
	plugins: [...cliOnlyPlugins, ...bundleOptions.plugins, screensInOneChunk],
});
// The command (package.json's bin): one CommonJS file that answers --version by itself, and otherwise imports
// main.js. No ES module loader, no second file: Node starts it about as fast as `node -e 0`.
const entry = await build({
	absWorkingDir: root,
	entryPoints: ['source/cli.ts'],
	outfile: 'dist/cli.cjs',
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: bundleOptions.target,
	minify: true,
	define: {CA_WIZARD_VERSION: bundleOptions.define.CA_WIZARD_VERSION},
	external: ['./main.js'],
	banner: {js: '#!/usr/bin/env node'},
	metafile: true,
	logLevel: 'warning',
});
chmodSync(join(root, 'dist', 'cli.cjs'), 0o755);
// The command's name until it became cli.cjs: the commands earlier runs printed for a clone (node …/dist/cli.js …,
// in their reports and undo lines) still work after a rebuild.
writeFileSync(join(root, 'dist', 'cli.js'), "#!/usr/bin/env node\n// The command's former name: see dist/cli.cjs.\nimport './cli.cjs';\n", {mode: 0o755});
mkdirSync(dirname(metafilePath), {recursive: true});
const metafile = {inputs: {...result.metafile.inputs, ...entry.metafile.inputs}, outputs: {...result.metafile.outputs, ...entry.metafile.outputs}};
// The screens' own copies under their source's name, as every other input: the tests read the chunks by source.
writeFileSync(metafilePath, JSON.stringify(metafile).replaceAll(`"screens:${join(root, '/')}`, '"'));
