import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, statSync} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import type {AssetHashes, AssetRecord} from '../state.js';
import {writeFileAtomic, writeFileAtomicInBackground} from '../../files/atomic-file.js';

/** A stored blob whose bytes no longer hash to its name (cut off by a full disk in an older version, or damaged since). */
export class DamagedBlobError extends Error {
	constructor(
		readonly path: string,
		actualSize: number,
	) {
		super(
			`The stored asset ${path} is damaged (${actualSize} bytes that do not hash to its name); it is not served. Publish the same bytes again to repair it.`,
		);
		this.name = 'DamagedBlobError';
	}
}

/**
 * Content-addressed asset bytes: a blob's name is its SHA-256, so a write is idempotent. A blob
 * is written completely or not at all (writeFileAtomic; no fsync: see SandboxStore), checked
 * before a write is skipped, and checked again whenever it is read, so damaged bytes are never
 * served and the next publish of the same bytes repairs them.
 *
 * What a client publishes is written before it is acknowledged (put). A cache fill (a file
 * fetched from an upstream as Maven asks for it) is staged instead: held in memory, served from
 * there, and written in the background once the reply that serves it has gone out, so the
 * folder, the temporary file and the rename (about a millisecond a file on this kind of disk, a
 * hundred files a build) neither delay that reply nor the next request. Its MD5 and SHA-512
 * (which few ever ask for, and most of the hashing of a large jar) are made after the reply too:
 * the reply waits only for SHA-1 (Maven's checksum) and SHA-256 (the blob's name). A snapshot
 * (SandboxStore.commit) first writes, synchronously, whatever is still staged (a background
 * write of the same blob may land too: same bytes, each through its own temporary file), so
 * state.json never names a blob the disk does not hold, nor an asset without all four hashes.
 */
export class BlobStore {
	/** Fan-out folders known to exist: a build stores dozens of blobs, each needing one. */
	private readonly folders = new Set<string>();
	/** Cache fills not written yet, by address, with their records; served from here until they are written. */
	private readonly staged = new Map<string, StagedBlob>();
	private scheduledWrite: NodeJS.Immediate | undefined;
	/** Background writes under way, also of blobs no longer staged (a commit wrote them meanwhile). */
	private readonly backgroundWrites = new Set<Promise<void>>();

	constructor(private readonly directory: string) {
		mkdirSync(directory, {recursive: true, mode: 0o700});
	}

	/** Stores the bytes and returns the asset's sizes and hashes (the blob is named by SHA-256). */
	put(name: string, body: Buffer): AssetRecord {
		const asset = assetOf(name, body);
		this.write(asset.blob, body);
		this.staged.delete(asset.blob);
		return asset;
	}

	/**
	 * As put, but the last two hashes and the write wait for the end of this turn of the event loop
	 * (after the reply under way is sent); the record returned gets the hashes in place, before any
	 * other request can read it. A write that fails stays staged: the next commit tries it again
	 * and, if it fails again, takes memory back to its last snapshot, which names none of them.
	 */
	stage(name: string, body: Buffer): AssetRecord {
		const asset = assetOf(name, body, cacheFillHashes);
		this.staged.set(asset.blob, {body, asset});
		this.scheduledWrite ??= setImmediate(() => {
			this.scheduledWrite = undefined;
			for (const [blob, entry] of this.staged) {
				completeHashes(entry.asset, entry.body);
				if (!entry.writing) this.writeInBackground(blob, entry);
			}
		});
		return asset;
	}

	private writeInBackground(blob: string, entry: StagedBlob): void {
		const writing = this.writeOffTheLoop(blob, entry.body)
			.then(
				() => {
					if (this.staged.get(blob) === entry) this.staged.delete(blob);
				},
				() => {
					entry.writing = undefined; // left staged: see stage()
				},
			)
			.finally(() => this.backgroundWrites.delete(writing));
		entry.writing = writing;
		this.backgroundWrites.add(writing);
	}

	/** Completes and writes every staged blob, now; throws on the first that cannot be written, which stays staged with those after it. */
	writeStaged(): void {
		for (const [blob, {body, asset}] of this.staged) {
			completeHashes(asset, body);
			this.write(blob, body);
			this.staged.delete(blob);
		}
	}

	/** Resolves once no background write is under way (each has landed or failed). */
	async idle(): Promise<void> {
		while (this.backgroundWrites.size > 0) await Promise.all(this.backgroundWrites);
	}

	/** Forgets staged blobs that could not be written: the snapshot memory went back to names none of them. */
	dropStaged(): void {
		this.staged.clear();
	}

	/**
	 * All four of the asset's hashes. A staged cache fill gets its last two at the end of the turn
	 * that stored it, before another request can ask; a record without them (another copy of the
	 * asset's record, say) has them made from the bytes and kept.
	 */
	hashesOf(asset: AssetRecord): Required<AssetHashes> {
		completeHashes(asset, () => this.get(asset.blob));
		return asset.hashes as Required<AssetHashes>;
	}

	get(blob: string): Buffer {
		const staged = this.staged.get(blob);
		if (staged) return staged.body;
		const path = this.pathOf(blob);
		const bytes = readFileSync(path);
		if (createHash('sha256').update(bytes).digest('hex') !== blob) throw new DamagedBlobError(path, bytes.length);
		return bytes;
	}

	/** As write, on libuv's threads (no check for the bytes already there: a second copy is the same bytes). */
	private async writeOffTheLoop(blob: string, body: Buffer): Promise<void> {
		const path = this.pathOf(blob);
		const folder = join(path, '..');
		if (!this.folders.has(folder)) {
			await mkdir(folder, {recursive: true, mode: 0o700});
			this.folders.add(folder);
		}
		await writeFileAtomicInBackground(path, body);
	}

	private write(blob: string, body: Buffer): void {
		const path = this.pathOf(blob);
		if (holds(path, body)) return;
		const folder = join(path, '..');
		if (!this.folders.has(folder)) {
			mkdirSync(folder, {recursive: true, mode: 0o700});
			this.folders.add(folder);
		}
		writeFileAtomic(path, body);
	}

	private pathOf(blob: string): string {
		// The address comes from our own hash, never from a request: it cannot name another file.
		if (!/^[0-9a-f]{64}$/.test(blob)) throw new Error(`bad blob address ${blob}`);
		return join(this.directory, blob.slice(0, 2), blob);
	}
}

interface StagedBlob {
	body: Buffer;
	asset: AssetRecord;
	/** The background write under way. */
	writing?: Promise<void>;
}

/** Whether `path` already holds exactly `body`: the size first (cheap), then the bytes. */
function holds(path: string, body: Buffer): boolean {
	const size = statSync(path, {throwIfNoEntry: false})?.size;
	return size === body.length && readFileSync(path).equals(body);
}

const algorithms = {MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512'} as const;
const allHashes = Object.keys(algorithms) as (keyof AssetHashes)[];
const cacheFillHashes: (keyof AssetHashes)[] = ['SHA-1', 'SHA-256'];

function assetOf(name: string, body: Buffer, which = allHashes): AssetRecord {
	const hashes = digests(body, which) as AssetHashes;
	return {name, size: body.length, hashes, blob: hashes['SHA-256']};
}

function digests(body: Buffer, which: readonly (keyof AssetHashes)[]): Partial<AssetHashes> {
	return Object.fromEntries(which.map(name => [name, createHash(algorithms[name]).update(body).digest('hex')]));
}

/** Adds the MD5 and SHA-512 a cache fill's record was stored without, from its bytes (read only when needed). */
function completeHashes(asset: AssetRecord, bytes: Buffer | (() => Buffer)): void {
	if (asset.hashes.MD5 !== undefined && asset.hashes['SHA-512'] !== undefined) return;
	Object.assign(asset.hashes, digests(typeof bytes === 'function' ? bytes() : bytes, ['MD5', 'SHA-512']));
}
