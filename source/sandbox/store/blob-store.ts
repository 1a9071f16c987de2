import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import type {AssetHashes, AssetRecord} from '../state.js';
import {writeFileAtomic} from '../../files/atomic-file.js';

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
 * fetched from an upstream as Maven asks for it) is staged instead: held in memory and written
 * just after the reply that serves it has gone out, so the folder, the temporary file and the
 * rename (half a millisecond a file on this kind of disk, a hundred files a build) overlap with
 * the client's own work instead of adding to its wait. The store writes staged blobs before any
 * snapshot that could name them (SandboxStore.commit), so state.json never names a blob the disk
 * does not hold.
 */
export class BlobStore {
	/** Fan-out folders known to exist: a build stores dozens of blobs, each needing one. */
	private readonly folders = new Set<string>();
	/** Cache fills not written yet, by address; served from here until they are. */
	private readonly staged = new Map<string, Buffer>();
	private writing: NodeJS.Immediate | undefined;

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
	 * As put, but the write waits for the end of this turn of the event loop (after the reply
	 * under way is sent). A write that fails there stays staged: the next commit tries it again,
	 * fails the same way, and takes memory back to its last snapshot, which names none of them.
	 */
	stage(name: string, body: Buffer): AssetRecord {
		const asset = assetOf(name, body, cacheFillHashes);
		this.staged.set(asset.blob, body);
		this.writing ??= setImmediate(() => {
			this.writing = undefined;
			try {
				this.writeStaged();
			} catch {
				// Left staged: see above.
			}
		});
		return asset;
	}

	/** Writes every staged blob; throws on the first that cannot be written, which stays staged with those after it. */
	writeStaged(): void {
		for (const [blob, body] of this.staged) {
			this.write(blob, body);
			this.staged.delete(blob);
		}
	}

	/** Forgets staged blobs that could not be written: the snapshot memory went back to names none of them. */
	dropStaged(): void {
		this.staged.clear();
	}

	/** All four of the asset's hashes, making (and keeping, in the record) those a cache fill left out. */
	hashesOf(asset: AssetRecord): Required<AssetHashes> {
		const {hashes} = asset;
		if (hashes.MD5 === undefined || hashes['SHA-512'] === undefined) Object.assign(hashes, hashesOf(this.get(asset.blob), ['MD5', 'SHA-512']));
		return hashes as Required<AssetHashes>;
	}

	get(blob: string): Buffer {
		const staged = this.staged.get(blob);
		if (staged) return staged;
		const path = this.pathOf(blob);
		const bytes = readFileSync(path);
		if (createHash('sha256').update(bytes).digest('hex') !== blob) throw new DamagedBlobError(path, bytes.length);
		return bytes;
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

/** Whether `path` already holds exactly `body`: the size first (cheap), then the bytes. */
function holds(path: string, body: Buffer): boolean {
	const size = statSync(path, {throwIfNoEntry: false})?.size;
	return size === body.length && readFileSync(path).equals(body);
}

const algorithms = {MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512'} as const;
const allHashes = Object.keys(algorithms) as (keyof AssetHashes)[];
const cacheFillHashes: (keyof AssetHashes)[] = ['SHA-1', 'SHA-256'];

function assetOf(name: string, body: Buffer, which = allHashes): AssetRecord {
	const hashes = hashesOf(body, which) as AssetHashes;
	return {name, size: body.length, hashes, blob: hashes['SHA-256']};
}

function hashesOf(body: Buffer, which: readonly (keyof AssetHashes)[]): Partial<AssetHashes> {
	return Object.fromEntries(which.map(name => [name, createHash(algorithms[name]).update(body).digest('hex')]));
}
