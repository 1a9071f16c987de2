import {dirname} from 'node:path';
import {CliError} from '../errors.js';

const noSpace = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const reasons: Record<string, string> = {
	ENOSPC: 'the disk is full',
	EDQUOT: 'the disk quota is used up',
	EFBIG: 'the file is larger than this process may write',
	EROFS: 'the file system is read-only',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
};

/**
 * A file that could not be written completely. Nothing was replaced: the file keeps its
 * previous content. `code` is the system's (ENOSPC, EACCES…), as on the error it wraps.
 */
export class FileWriteError extends CliError {
	constructor(
		readonly path: string,
		cause: unknown,
	) {
		const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
		const reason = Object.hasOwn(reasons, code) ? `${reasons[code]} (${code})` : ((cause as Error | undefined)?.message ?? String(cause));
		const folder = dirname(path);
		const fix = noSpace.has(code)
			? `Free space on the disk that holds ${folder} (\`df -h ${folder}\` shows it), then try again.`
			: `Make sure ${folder} exists and is writable by this user, then try again.`;
		// The system's own code (ENOSPC, EACCES…) is the stable code here: scripts already know it.
		super(code, `Could not write ${path}: ${reason}. Its previous content is unchanged.`, fix, {cause});
	}
}
