import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

// The build's metafile (scripts/build.mjs writes it to .build/, outside the package): which inputs
// each file of dist/ holds and which files each one imports. Paths are relative to the checkout.

export const checkout = fileURLToPath(new URL('../..', import.meta.url));

interface Output {
	imports: {path: string; kind: string}[];
	inputs: Record<string, unknown>;
	entryPoint?: string;
}

export type Bundle = Record<string, Output>;

export function readBundle(): Bundle {
	return (JSON.parse(readFileSync(join(checkout, '.build', 'meta.json'), 'utf8')) as {outputs: Bundle}).outputs;
}

/** Ink, React and what only they use to draw (React's reconciler and scheduler, Yoga's layout). */
const drawing = /(^|\/)node_modules\/(ink|react|react-reconciler|scheduler|yoga-layout)\//;

/** The files of dist/ that hold code from the packages that draw. */
export function drawingFiles(bundle: Bundle): Set<string> {
	return new Set(Object.entries(bundle).flatMap(([file, output]) => (Object.keys(output.inputs).some(input => drawing.test(input)) ? [file] : [])));
}

/** `file` and every file it imports statically, transitively: what loading it loads. */
export function staticallyLoaded(bundle: Bundle, file: string): Set<string> {
	const loaded = new Set<string>();
	const next = [file];
	for (let current = next.pop(); current !== undefined; current = next.pop()) {
		const output = bundle[current];
		if (loaded.has(current) || !output) continue;
		loaded.add(current);
		for (const imported of output.imports) if (imported.kind === 'import-statement') next.push(imported.path);
	}
	return loaded;
}

/** The file of dist/ that a source file's dynamic import() (or the build's entry) loads. */
export function fileOfEntry(bundle: Bundle, source: string): string {
	const file = Object.entries(bundle).find(([, output]) => output.entryPoint === source)?.[0];
	if (!file) throw new Error(`no file of dist/ starts at ${source}`);
	return file;
}
