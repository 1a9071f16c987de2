import {existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync} from 'node:fs';
import {join} from 'node:path';
import {protectRecords, type SandboxState, type Scenario} from '../state.js';
import {SandboxError} from '../errors.js';
import {writeFileAtomic} from '../../files/atomic-file.js';
import {BlobStore} from './blob-store.js';
import {initialState, migrateInstances} from './initial-state.js';

/**
 * Writes a whole snapshot, atomically (the default); replaceable so tests can make it fail.
 * It must replace the file (write a new one, rename it over), not rewrite it in place:
 * state.json.prev is a hard link to the snapshot before.
 */
export type SnapshotWriter = (path: string, text: string) => void;

/** Stands for the packages while the rest of the state is made into JSON (a lone surrogate: no name or text of ours). */
const packagesMarker = '\uD800packages';

/** The state's JSON with `packagesJson` in the packages' place; made whole when some other text looks like the marker. */
function withPackages(state: SandboxState, packagesJson: string): string {
	const parts = JSON.stringify({...state, packages: packagesMarker}).split(JSON.stringify(packagesMarker));
	return parts.length === 2 ? parts[0] + packagesJson + parts[1] : JSON.stringify(state);
}

/**
 * Holds the state in memory and persists a full snapshot on every commit. Snapshots are small
 * (metadata only; asset bytes live in the blob store), and a synchronous write before the
 * reply means an acknowledged change survives a kill -9 at any moment. A commit that fails
 * (a full disk, say) throws — the request is answered with a 500, never a 200 — and takes
 * memory back to the last snapshot written, so what the sandbox serves next is what the disk
 * holds, and the failed change is not half-kept for a later commit to persist.
 *
 * No fsync: a kill -9 keeps the page cache, so the snapshot is safe without one; power loss
 * is not, but this is a local emulator whose every request writes a snapshot, and an fsync
 * costs milliseconds each. Against a snapshot torn anyway (power loss on a file system that
 * does not order a replacing rename after the data, a disk error), the snapshot before it is
 * kept as state.json.prev — as dpkg keeps status-old — and start-up falls back to it, keeping
 * the damaged file for inspection.
 */
export class SandboxStore {
	readonly state: SandboxState;
	readonly blobs: BlobStore;
	readonly created: boolean;
	/** What start-up had to repair (a damaged state.json), for the sandbox's log. */
	readonly notices: string[] = [];
	private readonly statePath: string;
	private readonly previousPath: string;
	/** The text of the last snapshot written: exactly what state.json holds (the write is atomic). */
	private lastSnapshot: string | undefined;
	/** The JSON of the packages in the last snapshot written (what a failed commit restores memory to). */
	private packagesJson: string | undefined;
	private readonly listeners: Array<() => void> = [];

	constructor(
		readonly directory: string,
		defaults: {region: string; scenario: Scenario; instances?: number},
		private readonly write: SnapshotWriter = writeFileAtomic,
		/** The sandbox's log, for what fails where no request can be told: a cache fill's write, a delayed snapshot. */
		private readonly report: (message: string) => void = () => {},
	) {
		mkdirSync(directory, {recursive: true, mode: 0o700});
		this.statePath = join(directory, 'state.json');
		this.previousPath = `${this.statePath}.prev`;
		this.blobs = new BlobStore(join(directory, 'blobs'), report);
		if (existsSync(this.statePath)) {
			const loaded = this.load();
			this.state = loaded.state;
			this.lastSnapshot = loaded.text;
			this.created = false;
			if (loaded.recovered) this.commit(); // state.json again, from the previous snapshot
		} else {
			this.state = protectRecords(initialState(defaults));
			this.created = true;
			this.commit();
		}
	}

	/** state.json, or — when it cannot be read — the snapshot before it, moving the damaged file aside. */
	private load(): {state: SandboxState; text: string; recovered: boolean} {
		let damage: SandboxError;
		try {
			const text = readText(this.statePath);
			return {state: parseState(this.statePath, text), text, recovered: false};
		} catch (error) {
			if (!(error instanceof SandboxError) || error.code !== 'CorruptState') throw error;
			damage = error;
		}
		let previous: {state: SandboxState; text: string};
		try {
			const text = readText(this.previousPath);
			previous = {state: parseState(this.previousPath, text), text};
		} catch {
			throw new SandboxError(
				'CorruptState',
				`${damage.message} There is no readable earlier snapshot (${this.previousPath}) to start from. Fix: restore ${this.statePath} from a backup, or move it aside (mv ${this.statePath} ${this.statePath}.damaged) to start an empty sandbox, or pass another folder with --data DIR.`,
			);
		}
		const aside = `${this.statePath}.damaged-${Date.now()}`;
		renameSync(this.statePath, aside);
		this.notices.push(
			`notice: ${damage.message} Started from the snapshot before it (${this.previousPath}): the last change made before the damage may be missing. The damaged file is kept as ${aside}.`,
		);
		return {...previous, recovered: true};
	}

	/**
	 * Persists the state; on failure, restores the last persisted state into memory (in place) and
	 * rethrows. `packagesUnchanged`: the caller changed no package (a domain, a repository, IAM, EC2),
	 * so the packages' JSON from the last snapshot is written again instead of made again. They are
	 * nearly all of a snapshot (a domain that built the demo project holds 80 packages, 130 kB), and
	 * a snapshot of many domains cost every CreateRepository or CreateRole milliseconds.
	 */
	commit(options: {packagesUnchanged?: boolean} = {}): void {
		if (this.closed) throw new Error('The sandbox has stopped: nothing more is stored.');
		// Cache fills still waiting changed packages: this snapshot writes them too.
		const packagesKept = options.packagesUnchanged === true && !this.pending && this.packagesJson !== undefined;
		if (this.pending) {
			clearTimeout(this.pending); // this snapshot includes what was waiting
			this.pending = undefined;
		}
		const packagesJson = packagesKept ? (this.packagesJson as string) : JSON.stringify(this.state.packages);
		const text = withPackages(this.state, packagesJson);
		try {
			this.blobs.writeStaged(); // before any snapshot can name them
			this.keepPrevious();
			this.write(this.statePath, text);
		} catch (error) {
			this.restore();
			this.blobs.dropStaged();
			throw error;
		}
		this.lastSnapshot = text;
		this.packagesJson = packagesJson;
		for (const listener of this.listeners) listener();
	}

	/** Runs `listener` after every commit that reached the disk (a failed one is undone, and tells nobody). */
	onCommit(listener: () => void): void {
		this.listeners.push(listener);
	}

	private pending: NodeJS.Timeout | undefined;

	/**
	 * For cache fills only (a version retained from an upstream as Maven reads it): one snapshot
	 * for a burst of them instead of one each, a second later. Nothing a client wrote waits here,
	 * so a kill -9 in between loses only cache entries, fetched again on demand; the snapshot on
	 * disk stays whole either way. A second, not a quarter: each snapshot stringifies and writes
	 * every package of the sandbox (a demo build's domain alone holds ~130 kB of them), and a
	 * 3-second build took a dozen of them, CPU that the build's JVM wanted.
	 */
	commitLater(delayMs = 1000): void {
		if (this.closed) return;
		this.pending ??= setTimeout(() => {
			this.pending = undefined;
			try {
				this.commit();
			} catch (error) {
				// commit() has already restored memory to the last good snapshot: the cache entries are simply gone.
				this.report(
					`warning: the sandbox's state could not be written (${(error as Error).message}); the files fetched from an upstream since the last snapshot are forgotten, and fetched again when asked for.`,
				);
			}
		}, delayMs);
		this.pending.unref();
	}

	private closed = false;

	/**
	 * Writes what commitLater() still holds and takes no more commits: the sandbox stops, its data
	 * lock goes, and a cache fill whose upstream answers only now must not write over the state of
	 * a sandbox started on the same folder since, nor add blobs to it.
	 */
	close(): void {
		try {
			this.flush();
		} finally {
			this.closed = true;
			this.blobs.close();
		}
	}

	/** Writes what commitLater() still holds. */
	flush(): void {
		if (!this.pending) return; // staged blobs always come with a pending commit, which writes them
		clearTimeout(this.pending);
		this.pending = undefined;
		this.commit();
	}

	/** state.json.prev: the snapshot on disk now, which the write is about to replace. */
	private keepPrevious(): void {
		if (this.lastSnapshot === undefined) return;
		try {
			unlinkSync(this.previousPath);
		} catch {}
		try {
			linkSync(this.statePath, this.previousPath);
		} catch {
			// Best effort: a file system without hard links keeps no previous snapshot; state.json is whole either way.
		}
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
		throw new SandboxError(
			'UnreadableState',
			`The sandbox state ${path} cannot be read (${(error as Error).message}). Make it readable by this user, or pass another folder with --data DIR.`,
		);
	}
}

function parseState(path: string, text: string): SandboxState {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new SandboxError('CorruptState', `The sandbox state ${path} is not valid JSON (${(error as Error).message}).`);
	}
	const version = (parsed as {version?: unknown} | null)?.version;
	if (typeof version === 'number' && version > 1) {
		throw new SandboxError(
			'NewerState',
			`The sandbox state ${path} was written by a newer ca-wizard (format version ${version}). Use that version, or pass another folder with --data DIR.`,
		);
	}
	if (typeof parsed !== 'object' || parsed === null || version !== 1) {
		throw new SandboxError('CorruptState', `The sandbox state ${path} is not a version-1 sandbox state.`);
	}
	// JSON.parse makes ordinary objects: name-keyed records get no prototype again.
	return protectRecords(migrateInstances(parsed as SandboxState));
}
