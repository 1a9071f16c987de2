import {accessSync, constants, statSync} from 'node:fs';
import {delimiter, join} from 'node:path';

/**
 * How a command ca-wizard prints for pasting starts: `ca-wizard` when a shell would find that
 * name on the PATH, else `npx ca-wizard` (an npx user has none installed). Folders npm puts on
 * the PATH only while it runs a package — a node_modules/.bin, npx's cache — do not count: the
 * name found there is gone once the wizard ends. The one place this rule lives.
 */
export function invocationName(env: NodeJS.ProcessEnv = process.env, isExecutable: (path: string) => boolean = executableFile): string {
	const folders = (env['PATH'] ?? '').split(delimiter).filter(folder => folder !== '' && !onlyWhileNpmRuns(folder));
	return folders.some(folder => isExecutable(join(folder, ownName))) ? ownName : `npx ${ownName}`;
}

export const ownName = 'ca-wizard';

function onlyWhileNpmRuns(folder: string): boolean {
	return /(^|[\\/])node_modules[\\/]\.bin[\\/]?$/.test(folder) || /[\\/]_npx[\\/]/.test(folder);
}

function executableFile(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return statSync(path).isFile();
	} catch {
		return false;
	}
}
