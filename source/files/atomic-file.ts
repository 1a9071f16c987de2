import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, openSync, renameSync, writeSync} from 'node:fs';
import {dirname, basename, join} from 'node:path';

/**
 * Write a whole file so that readers (and a process killed mid-write) see either the old
 * content or the new one, never a torn mix: write a sibling temp file, then rename over.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: {mode?: number; fsync?: boolean} = {}): void {
	const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
	const fd = openSync(temporary, 'wx', options.mode ?? 0o600);
	try {
		writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
		// A kill -9 keeps the page cache; fsync only matters for power loss, and costs ms per write.
		if (options.fsync) fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	renameSync(temporary, path);
}
