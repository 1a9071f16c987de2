// Writes the README's option tables from the command registry and the sandbox's operations list
// from its routing tables (`npm run readme`): the registry
// is TypeScript, so it is bundled first, as the build does (its commands load lazily, so the
// AWS SDK and the sandbox are never run), into a folder where node_modules still resolves.
import {build} from 'esbuild';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

const folder = resolve('node_modules/.cache/ca-wizard-readme');
try {
	await build({
		stdin: {
			contents: `export {commands} from './source/commands/registry.ts';\nexport {withOptionTables} from './source/commands/option-table.ts';\nexport {withOperationsList} from './source/sandbox/emulated-operations.ts';\n`,
			resolveDir: process.cwd(),
			loader: 'ts',
		},
		outdir: folder,
		entryNames: 'entry',
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		packages: 'external',
		logLevel: 'warning',
	});
	const {commands, withOptionTables, withOperationsList} = await import(pathToFileURL(join(folder, 'entry.js')).href);
	const before = readFileSync('README.md', 'utf8');
	const after = withOperationsList(withOptionTables(before, commands));
	writeFileSync('README.md', after);
	console.log(
		before === after ? 'README.md: option tables and operations list already up to date' : 'README.md: option tables and the sandbox operations list rewritten',
	);
} finally {
	rmSync(folder, {recursive: true, force: true});
}
