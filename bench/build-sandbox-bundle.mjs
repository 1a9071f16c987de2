// Bundles the sandbox (TypeScript sources) into one ES module the bench can import with plain
// Node: the same esbuild settings as scripts/build.mjs. Dependencies stay external, so the bundle
// is written under node_modules/.cache, from where Node resolves them in this checkout.
import {build} from 'esbuild';
import {mkdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds and imports {startSandbox, createMavenUpstream} from the current sources. */
export async function loadSandbox() {
	const outfile = join(root, 'node_modules', '.cache', 'ca-wizard-bench', 'sandbox.mjs');
	mkdirSync(dirname(outfile), {recursive: true});
	await build({
		stdin: {
			contents: ["export {startSandbox} from './source/sandbox/index.ts';", "export {createMavenUpstream} from './source/sandbox/maven/upstream.ts';"].join(
				'\n',
			),
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
