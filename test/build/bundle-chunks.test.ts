import {describe, expect, it} from 'vitest';
import {drawingFiles, fileOfEntry, readBundle, staticallyLoaded} from '../helpers/bundle-chunks.js';

// Nothing drawn, nothing loaded: read off the build's metafile, what each way into dist/ loads
// before its first dynamic import. (test/cli/nothing-drawn.test.ts watches real runs load it.)

const bundle = readBundle();
const drawing = drawingFiles(bundle);
const entries = Object.entries(bundle).flatMap(([file, output]) => (output.entryPoint === undefined ? [] : [file]));
const inputsOf = (files: Iterable<string>) => [...files].flatMap(file => Object.keys(bundle[file]?.inputs ?? {}));
const sourcesIn = (files: Iterable<string>) => inputsOf(files).filter(input => !input.includes('node_modules/'));

describe('the bundle', () => {
	it('dist/cli.cjs holds only what --version needs, in one file, and imports main.js for everything else', () => {
		const loaded = staticallyLoaded(bundle, 'dist/cli.cjs');
		expect([...loaded]).toEqual(['dist/cli.cjs']);
		expect(sourcesIn(loaded).sort()).toEqual(['source/cli.ts', 'source/commands/version-first.ts']);
		expect(bundle['dist/cli.cjs']?.imports).toEqual([{path: './main.js', kind: 'dynamic-import', external: true}]);
	});

	it('dist/main.js loads only what the early start of the screens needs: no command, no parser, nothing that draws', () => {
		const loaded = staticallyLoaded(bundle, 'dist/main.js');
		expect(sourcesIn(loaded).sort()).toEqual(['source/commands/session.ts', 'source/main.ts']);
		expect([...loaded].filter(file => drawing.has(file))).toEqual([]);
	});

	it('holds Ink and React in files that only the session at a terminal loads, and only session.ts imports it', () => {
		expect(drawing.size).toBeGreaterThan(0);
		const screens = fileOfEntry(bundle, 'source/commands/ink-session.ts');
		expect([...drawing].every(file => staticallyLoaded(bundle, screens).has(file))).toBe(true);
		// Every other way in (each command, the sandbox, the AWS clients, the journey…) loads none of it.
		const drawingEntries = entries.filter(entry => [...staticallyLoaded(bundle, entry)].some(file => drawing.has(file)));
		expect(drawingEntries).toEqual([screens]);
		const importers = Object.entries(bundle).flatMap(([file, output]) => (output.imports.some(imported => imported.path === screens) ? [file] : []));
		expect(importers).toHaveLength(1);
		expect(sourcesIn(importers)).toContain('source/commands/session.ts');
	});

	it("draws the first frame from the screens' own file and the few modules they share with the run by identity", () => {
		const screens = fileOfEntry(bundle, 'source/commands/ink-session.ts');
		const loaded = [...staticallyLoaded(bundle, screens)].filter(file => file !== screens);
		// The error class the run recognises, the go-back symbol, who owns the stop signals, and what those import.
		expect(sourcesIn(loaded).sort()).toEqual(['source/errors.ts', 'source/process/stop-signals.ts', 'source/text/plain-text.ts', 'source/wizard/questions.ts']);
	});

	it('splits what runs later from what runs first: the sandbox, the AWS clients and each command load on their own', () => {
		const first = staticallyLoaded(bundle, fileOfEntry(bundle, 'source/run-cli.ts'));
		for (const later of [
			'source/sandbox/index.ts',
			'source/aws/sdk/codeartifact.ts',
			'source/commands/wizard-command.ts',
			'source/commands/sandbox-command.ts',
		])
			expect(first.has(fileOfEntry(bundle, later))).toBe(false);
		expect(inputsOf(first).filter(input => /node_modules\/@aws-sdk\/|source\/sandbox\/server\.ts/.test(input))).toEqual([]);
	});
});
