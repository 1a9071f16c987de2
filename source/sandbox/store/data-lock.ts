import {closeSync, openSync, readFileSync, unlinkSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {SandboxError} from '../errors.js';

/**
 * One sandbox per data folder: two servers writing one snapshot would silently lose each
 * other's changes. A lock file holds the owner's pid; a lock whose pid is gone is stale.
 */
export function acquireDataLock(dataDir: string): () => void {
	const path = join(dataDir, 'sandbox.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx', 0o600);
			writeSync(fd, String(process.pid));
			closeSync(fd);
			let released = false;
			return () => {
				if (released) return;
				released = true;
				try {
					unlinkSync(path);
				} catch {}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = Number.parseInt(readFileSafe(path), 10);
			if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
				throw new SandboxError(
					'DataFolderInUse',
					`The data folder ${dataDir} is in use by another sandbox (pid ${owner}). Stop it, or pass another folder with --data DIR.`,
				);
			}
			try {
				unlinkSync(path);
			} catch {}
		}
	}
	throw new SandboxError('DataFolderInUse', `Could not lock the data folder ${dataDir}; pass another folder with --data DIR.`);
}

function readFileSafe(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
}

function isAlive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
