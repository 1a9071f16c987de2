// Bundles the CLI into one ES module: a bundled Ink app reaches its first frame about twice
// as fast as the same code as plain modules (0.29 s vs 0.64 s measured here). The AWS SDK
// and other dependencies stay external (installed with the package), and code behind a
// dynamic import() — the sandbox, the AWS clients — is split out and loaded only when used.
import {build} from 'esbuild';
import {chmodSync, rmSync} from 'node:fs';

rmSync('dist', {recursive: true, force: true});
await build({
	entryPoints: ['source/cli.ts'],
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	packages: 'external',
	jsx: 'automatic',
	sourcemap: 'linked',
	banner: {js: '#!/usr/bin/env node'},
	logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
