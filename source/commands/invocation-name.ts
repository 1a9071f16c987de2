import {accessSync, constants, realpathSync, statSync} from 'node:fs';
import {delimiter, join, resolve} from 'node:path';
import {shellQuote} from '../text/shell-quote.js';

/**
 * How a command ca-wizard prints for pasting starts, so that it works from any folder:
 * - `ca-wizard` when a shell would find that name on the PATH (installed);
 * - `npx ca-wizard` when this run came through npx (its script in npx's `_npx` cache, or npm's
 *   exec with no script to name): npx fetches the same package again;
 * - else `node /abs/dist/cli.cjs`, the script this run is (a clone, or a local install run by
 *   path): `npx ca-wizard` there would fail outside the clone (E404) or run another package.
 * Folders npm puts on the PATH only while it runs a package — a node_modules/.bin, npx's cache —
 * do not count: the name found there is gone once the wizard ends. The one place this rule lives.
 */
export function invocationName(
	env: NodeJS.ProcessEnv = process.env,
	script: string | undefined = process.argv[1],
	isExecutable: (path: string) => boolean = executableFile,
): string {
	const folders = (env['PATH'] ?? '').split(delimiter).filter(folder => folder !== '' && !onlyWhileNpmRuns(folder));
	if (folders.some(folder => isExecutable(join(folder, ownName)))) return ownName;
	const path = script === undefined || script === '' ? undefined : realPath(resolve(script));
	if (path === undefined ? env['npm_command'] === 'exec' : inNpxCache(path)) return `npx ${ownName}`;
	return path === undefined ? `npx ${ownName}` : `node ${shellQuote(path)}`;
}

export const ownName = 'ca-wizard';

function onlyWhileNpmRuns(folder: string): boolean {
	return /(^|[\\/])node_modules[\\/]\.bin[\\/]?$/.test(folder) || inNpxCache(folder);
}

function inNpxCache(path: string): boolean {
	return /[\\/]_npx[\\/]/.test(path);
}

/** The script's own path (a node_modules/.bin link resolved), so the printed line names a file that stays. */
function realPath(path: string): string {
	try {
		return realpathSync(path);
	} catch {
		return path;
	}
}

function executableFile(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return statSync(path).isFile();
	} catch {
		return false;
	}
}
