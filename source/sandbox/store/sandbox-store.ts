import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {protectRecords, type SandboxState, type Scenario} from '../state.js';
import {SandboxError} from '../errors.js';
import {writeFileAtomic} from '../../files/atomic-file.js';
import {BlobStore} from './blob-store.js';
import {initialState} from './initial-state.js';

/** Writes a whole snapshot, atomically (the default); replaceable so tests can make it fail. */
export type SnapshotWriter = (path: string, text: string) => void;

/**
 * Holds the state in memory and persists a full snapshot on every commit. Snapshots are small
 * (metadata only; asset bytes live in the blob store), and a synchronous write before the
 * reply means an acknowledged change survives a kill -9 at any moment. A commit that fails
 * takes memory back to the last snapshot written, so what the sandbox serves next is what the
 * disk holds, and the failed change is not half-kept for a later commit to persist.
 */
export class SandboxStore {
	readonly state: SandboxState;
	readonly blobs: BlobStore;
	readonly created: boolean;
	private readonly statePath: string;
	/** The text of the last snapshot written: exactly what state.json holds (the write is atomic). */
	private lastSnapshot: string | undefined;

	constructor(readonly directory: string, defaults: {region: string; scenario: Scenario}, private readonly write: SnapshotWriter = writeFileAtomic) {
		mkdirSync(directory, {recursive: true, mode: 0o700});
		this.statePath = join(directory, 'state.json');
		this.blobs = new BlobStore(join(directory, 'blobs'));
		if (existsSync(this.statePath)) {
			const text = readText(this.statePath);
			this.state = parseState(this.statePath, text);
			this.lastSnapshot = text;
			this.created = false;
		} else {
			this.state = protectRecords(initialState(defaults));
			this.created = true;
			this.commit();
		}
	}

	/** Persists the state; on failure, restores the last persisted state into memory (in place) and rethrows. */
	commit(): void {
		if (this.pending) {
			clearTimeout(this.pending); // this snapshot includes what was waiting
			this.pending = undefined;
		}
		const text = JSON.stringify(this.state);
		try {
			this.write(this.statePath, text);
		} catch (error) {
			this.restore();
			throw error;
		}
		this.lastSnapshot = text;
	}

	private pending: NodeJS.Timeout | undefined;

	/**
	 * For cache fills only (a version retained from an upstream as Maven reads it): one snapshot
	 * for a burst of them instead of one each, a few hundred milliseconds later. Nothing a client
	 * wrote waits here, so a kill -9 in between loses only cache entries, fetched again on demand;
	 * the snapshot on disk stays whole either way.
	 */
	commitLater(delayMs = 250): void {
		this.pending ??= setTimeout(() => {
			this.pending = undefined;
			try {
				this.commit();
			} catch {
				// commit() has already restored memory to the last good snapshot: the cache entries are simply gone.
			}
		}, delayMs);
		this.pending.unref();
	}

	/** Writes what commitLater() still holds; stopping the sandbox calls it. */
	flush(): void {
		if (!this.pending) return;
		clearTimeout(this.pending);
		this.pending = undefined;
		this.commit();
	}

	/** Handlers hold `store.state` itself: its members are replaced, the object stays the same. */
	private restore(): void {
		if (this.lastSnapshot === undefined) return;
		const good = parseState(this.statePath, this.lastSnapshot) as unknown as Record<string, unknown>;
		const held = this.state as unknown as Record<string, unknown>;
		for (const key of Object.keys(held)) delete held[key];
		Object.assign(held, good);
	}
}

function readText(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch (error) {
		throw new SandboxError('CorruptState', `The sandbox state ${path} cannot be read (${(error as Error).message}). Move it away or pass another folder with --data DIR.`);
	}
}

function parseState(path: string, text: string): SandboxState {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new SandboxError('CorruptState', `The sandbox state ${path} cannot be read (${(error as Error).message}). Move it away or pass another folder with --data DIR.`);
	}
	if (typeof parsed !== 'object' || parsed === null || (parsed as {version?: unknown}).version !== 1) {
		throw new SandboxError('CorruptState', `The sandbox state ${path} is not a version-1 sandbox state. Pass another folder with --data DIR.`);
	}
	// JSON.parse makes ordinary objects: name-keyed records get no prototype again.
	return protectRecords(parsed as SandboxState);
}
