import {mkdirSync} from 'node:fs';
import {CliError} from '../errors.js';

const reasons: Record<string, string> = {
	EEXIST: 'a file of that name is in the way',
	ENOTDIR: 'a file is in the way on its path',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EROFS: 'the file system is read-only',
	ENOSPC: 'no space left on the disk',
};

/** Creates a folder ca-wizard keeps its own files in (mode 0700), or says in a sentence why it cannot. */
export function ensureFolder(folder: string, options: {role: string; alternative: string}): void {
	try {
		mkdirSync(folder, {recursive: true, mode: 0o700});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		const reason = reasons[code] ?? (error as Error).message;
		throw new CliError(
			'FolderUnusable',
			`The ${options.role} ${folder} cannot be used: ${reason}${code && reasons[code] ? ` (${code})` : ''}.`,
			`Check the path and its permissions, or ${options.alternative}.`,
			{cause: error},
		);
	}
}
