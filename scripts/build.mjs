// Bundles everything ca-wizard runs (ink, react, the AWS SDK clients, execa, the XML parsers, tar,
// find-my-way…) into dist/, so the published package has no runtime dependencies: one package of
// a few MB, where the installed dependencies came to 83 MB in 116 packages. A bundled Ink app also
// reaches its first frame about three times as fast as the same code loaded as plain modules.
// ES modules with splitting: what a command or step needs only later (the sandbox, each command's
// implementation, the AWS clients, the Ink app) stays behind its dynamic import(), as its own chunk.
import {build} from 'esbuild';
import {chmodSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {bundleOptions} from './bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Which inputs each chunk holds and which chunks each imports (test/build reads it): beside dist/, never packed. */
const metafilePath = join(root, '.build', 'meta.json');

rmSync(join(root, 'dist'), {recursive: true, force: true});
const result = await build({
	...bundleOptions,
	absWorkingDir: root,
	entryPoints: ['source/cli.ts'],
	outdir: 'dist',
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	// No source maps: they would about double the package (its budget is 5 MB) for stack traces a user never
	// reads; tests and a debugger run the TypeScript sources.
	sourcemap: false,
	metafile: true,
});
chmodSync(join(root, 'dist', 'cli.js'), 0o755);
mkdirSync(dirname(metafilePath), {recursive: true});
writeFileSync(metafilePath, JSON.stringify(result.metafile));
