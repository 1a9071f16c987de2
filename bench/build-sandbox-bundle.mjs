// Bundles the sandbox (TypeScript sources) into one ES module the bench can import with plain
// Node: the same esbuild settings as scripts/build.mjs. Dependencies stay external, so the bundle
// is written inside the checkout, from where Node resolves them; under .build/ rather than
// node_modules/.cache, since a git worktree's node_modules may be a symlink to another checkout's
// and two checkouts' benches would then overwrite each other's bundles.
import {build} from 'esbuild';
import {mkdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where a bench writes a bundle of this checkout's sources (git ignores .build/). */
export const benchBundle = name => join(root, '.build', 'bench', name);

/** Builds and imports {startSandbox, createMavenUpstream, mergeSettings} from the current sources. */
export async function loadSandbox() {
	const outfile = benchBundle('sandbox.mjs');
	mkdirSync(dirname(outfile), {recursive: true});
	await build({
		stdin: {
			contents: [
				"export {startSandbox} from './source/sandbox/index.ts';",
				"export {createMavenUpstream} from './source/sandbox/maven/upstream.ts';",
				"export {mergeSettings} from './source/maven/settings-xml.ts';",
			].join('\n'),
			resolveDir: root,
			sourcefile: 'bench-entry.ts',
			loader: 'ts',
		},
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		packages: 'external',
		logLevel: 'warning',
	});
	return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
