import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The installed package's folder, from the bundle (dist/) or from the sources (source/…) alike. */
export function packageRoot(from = import.meta.url): string {
	let directory = dirname(fileURLToPath(from));
	for (;;) {
		if (existsSync(join(directory, 'package.json')) && existsSync(join(directory, 'assets'))) return directory;
		const parent = dirname(directory);
		if (parent === directory) throw new Error('ca-wizard: cannot find its own package folder (assets/ is missing).');
		directory = parent;
	}
}
