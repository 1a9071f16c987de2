import {randomBytes} from 'node:crypto';
import {constants} from 'node:fs';
import {chmod, copyFile, mkdir, open, realpath, rename, stat, unlink} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {FileWriteError} from './file-write-error.js';

export interface WriteFileSafelyOptions {
	/** The final file's permissions, e.g. 0o600; by default an existing file keeps its own. */
	mode?: number;
	/** Copy an existing file to `PATH.bak-YYYYMMDDHHMMSS` first (default true). */
	backup?: boolean;
}

/**
 * Replace a user's file without ever leaving it half-written: create the folders, back up the
 * old file (same permissions), write a temporary sibling, then rename it over the file. A
 * symbolic link (a dotfiles checkout, say) is followed, so the link stays a link.
 * Any failure (a full disk during the backup, the write, the chmod or the sync) throws a
 * FileWriteError and leaves the file as it was, with no temporary file and no backup of a
 * change that never happened. The write is synced before the rename: a user's file must
 * survive power loss too (see writeFileAtomic).
 */
export async function writeFileSafely(path: string, content: string | Uint8Array, options: WriteFileSafelyOptions = {}): Promise<{backupPath?: string}> {
	await mkdir(dirname(path), {recursive: true});
	const target = await realpath(path).catch(() => path);
	const existing = await stat(target).catch(() => undefined);
	const mode = options.mode ?? (existing ? existing.mode & 0o7777 : 0o666 & ~process.umask());

	let backupPath: string | undefined;
	if (existing && options.backup !== false) {
		// The backup holds the same secrets: never readable by more people than the new file.
		backupPath = await copyToBackup(target, path, existing.mode & 0o7777 & (options.mode ?? 0o7777));
	}

	const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
	try {
		const handle = await open(temporary, 'wx', mode);
		try {
			await handle.writeFile(content, 'utf8'); // loops over short writes until all is written or it throws
			// The umask may have narrowed the mode at creation; set exactly what was asked.
			await handle.chmod(mode);
			await handle.sync();
		} finally {
			await handle.close();
		}
		await rename(temporary, target);
	} catch (error) {
		await removeQuietly(temporary);
		if (backupPath !== undefined) await removeQuietly(backupPath);
		throw new FileWriteError(target, error);
	}
	return backupPath === undefined ? {} : {backupPath};
}

async function removeQuietly(path: string): Promise<void> {
	await unlink(path).catch(() => undefined);
}

async function copyToBackup(source: string, path: string, mode: number): Promise<string> {
	const stamp = timestamp(new Date());
	for (let attempt = 0; ; attempt++) {
		const backupPath = `${path}.bak-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
		try {
			await copyFile(source, backupPath, constants.COPYFILE_EXCL);
		} catch (error) {
			// Two writes within one second: keep both backups.
			if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 100) continue;
			// A copy cut short by a full disk is no backup: remove it (EEXIST means it was never ours).
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await removeQuietly(backupPath);
			throw new FileWriteError(backupPath, error);
		}
		try {
			await chmod(backupPath, mode);
			return backupPath;
		} catch (error) {
			await removeQuietly(backupPath);
			throw new FileWriteError(backupPath, error);
		}
	}
}

/** Local time as YYYYMMDDHHMMSS. */
function timestamp(date: Date): string {
	const pad = (value: number): string => String(value).padStart(2, '0');
	return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}
