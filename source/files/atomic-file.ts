import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {FileWriteError} from './file-write-error.js';

/**
 * Write a whole file so that readers (and a process killed mid-write) see either the old
 * content or the new one, never a torn mix: write a sibling temp file completely, then rename
 * it over. Any failure (a full disk, a file-size limit, a failing fsync or rename) throws a
 * FileWriteError naming the file and its fix, leaves the old file as it was, and removes the
 * temp file.
 *
 * Durability: the bytes are complete in the kernel before the rename (writeSync is unbuffered,
 * and a short write is continued until the next write reports why it stopped). That is enough
 * for a kill -9, which keeps the page cache. `fsync: true` also waits for the disk (and syncs
 * the folder, so the rename itself survives), which only power loss needs: it costs a few ms
 * per write, so the wizard's ledger and settings.xml pay it, while the sandbox's state and
 * blobs (a local emulator, written on every request) do not — see SandboxStore.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: {mode?: number; fsync?: boolean} = {}): void {
	const temporary = temporarySibling(path);
	try {
		const fd = openSync(temporary, 'wx', options.mode ?? 0o600);
		try {
			writeAll(fd, typeof data === 'string' ? Buffer.from(data) : data);
			if (options.fsync) fsyncSync(fd);
		} finally {
			closeSync(fd); // on NFS a failed write may surface only here: it throws, and we stop
		}
		renameSync(temporary, path);
	} catch (error) {
		removeQuietly(temporary);
		throw new FileWriteError(path, error);
	}
	if (options.fsync) syncFolder(dirname(path));
}

/** A new name beside `path` for the bytes on their way there (hidden, and never one a reader asks for). */
function temporarySibling(path: string): string {
	return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** writeSync may write less than asked (a full disk, a file-size limit): go on until all is written or it throws. */
export function writeAll(fd: number, bytes: Uint8Array, from = 0): void {
	for (let offset = from; offset < bytes.length;) {
		const written = writeSync(fd, bytes, offset, bytes.length - offset);
		if (written <= 0) throw Object.assign(new Error('the file system accepted no more bytes'), {code: 'EIO'});
		offset += written;
	}
}

function removeQuietly(path: string): void {
	try {
		unlinkSync(path);
	} catch {}
}

/** Best effort: some platforms cannot open a folder for syncing; the file itself is synced already. */
function syncFolder(folder: string): void {
	try {
		const fd = openSync(folder, 'r');
		try {
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
	} catch {}
}
