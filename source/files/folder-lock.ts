import {randomBytes} from 'node:crypto';
import {linkSync, mkdirSync, readdirSync, readFileSync, truncateSync, unlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describeOwner, identify, isAlive, type Owner} from './process-identity.js';
import {CliError} from '../errors.js';
import {ensureFolder} from './ensure-folder.js';
import {stopSignalOwned, stopSignals} from '../process/stop-signals.js';

/** The folder, inside the locked one, that holds the lock files. */
export const lockFolderName = '.ca-wizard.lock';

export interface FolderLockOptions {
	/** The folder's role, for messages: 'data folder', 'work folder'. */
	role: string;
	/** Who holds such a folder: 'another sandbox', 'another ca-wizard run'. */
	holder: string;
	/** The way out besides stopping the holder, e.g. 'pass another folder with --data DIR'. */
	alternative: string;
}

/** The folder is held by a live process (or could not be locked): the message names the pid, the lock file and the fix. */
export class FolderInUseError extends CliError {
	constructor(
		message: string,
		fix: string,
		readonly lockFile: string,
	) {
		super('FolderInUse', message, fix);
	}
}

/**
 * One process per folder (a sandbox's data, a wizard's work folder): two writing one snapshot
 * or ledger would silently lose each other's changes. Returns the release, which also runs
 * when the process exits; a lock whose owner is gone (killed, or its pid reused by another
 * process: see process-identity.ts) is taken over.
 *
 * Lock files are numbered generations in `FOLDER/.ca-wizard.lock/`, each holding its owner
 * and created complete (written aside, then hard-linked in: link fails if the name exists).
 * The highest number is the lock. To take it, create the next number: of N starters that saw
 * the same stale lock exactly one creates it. A starter that looked long ago may create a
 * number that was removed since, so a creator then checks that no higher number exists, and
 * backs off if one does. A live lock is therefore always the highest, nobody creates above a
 * live one, and only lower numbers (never live) are ever deleted; a release empties its own
 * file instead of deleting it, so numbers never go back and a stale view cannot reuse one.
 */
export function lockFolder(folder: string, options: FolderLockOptions): () => void {
	ensureFolder(folder, options);
	const directory = join(folder, lockFolderName);
	mkdirSync(directory, {recursive: true, mode: 0o700});
	for (let attempt = 0; attempt < 50; attempt++) {
		const top = generations(directory)[0];
		if (top !== undefined) {
			const owner = readOwner(join(directory, String(top)));
			if (owner === 'gone') continue; // removed as we looked: look again
			if (owner && isAlive(owner)) throw inUse(folder, join(directory, String(top)), owner, options);
		}
		const mine = (top ?? 0) + 1;
		const path = join(directory, String(mine));
		if (!createComplete(directory, path)) continue; // another starter took that number: look again
		if ((generations(directory)[0] ?? mine) > mine) {
			removeQuietly(path); // we looked before a newer lock was made
			continue;
		}
		// Lower numbers (stale, or a late starter's that it will give up) and files left aside.
		for (const name of readdirSync(directory)) if (name.endsWith('.tmp') || Number(name) < mine) removeQuietly(join(directory, name));
		return holdUntilRelease(path);
	}
	const path = join(directory, String(generations(directory)[0] ?? 1));
	throw new FolderInUseError(
		`Could not lock the ${options.role} ${folder}: other processes kept starting on it.`,
		`Stop the other processes using it, or ${options.alternative}.`,
		path,
	);
}

/** The live process holding `folder`'s lock, if any (read only: nothing is taken or cleared). */
export function folderHolder(folder: string): Owner | undefined {
	let top: number | undefined;
	try {
		top = generations(join(folder, lockFolderName))[0];
	} catch {
		return undefined; // no lock folder: never locked
	}
	const owner = top === undefined ? undefined : readOwner(join(folder, lockFolderName, String(top)));
	return owner && owner !== 'gone' && isAlive(owner) ? owner : undefined;
}

function inUse(folder: string, lockFile: string, owner: Owner, options: FolderLockOptions): FolderInUseError {
	return new FolderInUseError(
		`The ${options.role} ${folder} is in use by pid ${owner.pid} (${options.holder}; lock file ${lockFile}).`,
		`Stop that process, or ${options.alternative}. If pid ${owner.pid} is not ${options.holder} (${describeOwner(owner)}), delete ${lockFile} and start again.`,
		lockFile,
	);
}

/** Lock numbers present, highest first. */
function generations(directory: string): number[] {
	return readdirSync(directory)
		.filter(name => /^[1-9]\d{0,15}$/.test(name))
		.map(Number)
		.sort((a, b) => b - a);
}

/** The owner written in a lock file; undefined for a released (empty) or unreadable one, 'gone' if it was removed. */
function readOwner(path: string): Owner | undefined | 'gone' {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : undefined;
	}
	try {
		const owner = JSON.parse(text) as Partial<Owner>;
		return typeof owner.pid === 'number' ? (owner as Owner) : undefined;
	} catch {
		return undefined;
	}
}

/** Creates `path` holding this process as owner, complete from its first moment; false if the name was taken. */
function createComplete(directory: string, path: string): boolean {
	const aside = join(directory, `.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
	try {
		writeFileSync(aside, JSON.stringify(currentOwnerRecord()), {flag: 'wx', mode: 0o600});
		linkSync(aside, path);
		return true;
	} catch (error) {
		// ENOENT: a new holder cleared our file aside as litter; it holds the lock now.
		if (['EEXIST', 'ENOENT'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
		throw error;
	} finally {
		removeQuietly(aside);
	}
}

const held = new Set<() => void>();
const releaseAll = (): void => {
	for (const release of [...held]) release();
};

/**
 * A signal would end the process without running JavaScript: release, then let the signal end it
 * as it would have. A program that owns the stop signals (the sandbox, the wizard's sessions: see
 * stop-signals.ts) stops in its own time and releases on exit.
 */
function onStopSignal(signal: NodeJS.Signals): void {
	if (stopSignalOwned(signal)) return;
	releaseAll();
	process.kill(process.pid, signal);
}

function holdUntilRelease(path: string): () => void {
	const release = (): void => {
		if (!held.delete(release)) return;
		try {
			truncateSync(path); // empty means released; the file stays (see lockFolder)
		} catch {}
		if (held.size === 0) {
			process.off('exit', releaseAll);
			for (const signal of stopSignals) process.off(signal, onStopSignal);
		}
	};
	if (held.size === 0) {
		// An error or process.exit runs 'exit' listeners; only a kill -9 leaves a stale lock, taken over next time.
		process.on('exit', releaseAll);
		for (const signal of stopSignals) process.on(signal, onStopSignal);
	}
	held.add(release);
	return release;
}

function removeQuietly(path: string): void {
	try {
		unlinkSync(path);
	} catch {}
}

let me: Owner | undefined;
function currentOwnerRecord(): Owner {
	me ??= identify(process.pid);
	return me;
}
