import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, statSync} from 'node:fs';
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
 * served and the next publish of the same bytes repairs them. Blobs lie side by side in one
 * folder (`blobs/<sha256>`); stores written before kept each in a fan-out folder named by its
 * first two hex digits (`blobs/ab/<sha256>`), which is still read. One folder spares a build's
 * hundred cache fills a folder each (a directory with tens of thousands of entries is indexed
 * by the file system all the same).
 *
 * What a client publishes is written before it is acknowledged (put). A cache fill (a file
 * fetched from an upstream as Maven asks for it) is staged instead: held in memory, served from
 * there, and written in the background once the reply that serves it has gone out, so the
 * temporary file and the rename (about a millisecond a file on this kind of disk, a hundred
 * files a build) neither delay that reply nor the next request. A cache fill's record holds
 * SHA-1 (Maven's checksum) and SHA-256 (the blob's name); its MD5 and SHA-512 (which only
 * ListPackageVersionAssets and a Maven client asking for .md5 or .sha512 want, and which are
 * most of the hashing of a large jar) are made from the bytes when first asked for and kept in
 * the record. A snapshot (SandboxStore.commit) first writes, synchronously, whatever is still
 * staged (a background write of the same blob may land too: same bytes, each through its own
 * temporary file), so state.json never names a blob the disk does not hold.
 */
export class BlobStore {
	/** Cache fills not written yet, by address; served from here until they are written. */
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
	 * As put, but the write waits for the end of this turn of the event loop (after the reply under
	 * way is sent), and the record has only SHA-1 and SHA-256 (see hashesOf). A write that fails
	 * stays staged: the next commit tries it again and, if it fails again, takes memory back to its
	 * last snapshot, which names none of them.
	 */
	stage(name: string, body: Buffer): AssetRecord {
		const asset = assetOf(name, body, cacheFillHashes);
		this.staged.set(asset.blob, {body});
		this.scheduledWrite ??= setImmediate(() => {
			this.scheduledWrite = undefined;
			for (const [blob, entry] of this.staged) if (!entry.writing) this.writeInBackground(blob, entry);
		});
		return asset;
	}

	private writeInBackground(blob: string, entry: StagedBlob): void {
		// On libuv's threads, and without write's check for the bytes already there: a second copy is the same bytes.
		const writing = writeFileAtomicInBackground(this.pathOf(blob), entry.body)
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
		for (const [blob, {body}] of this.staged) {
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

	/** All four of the asset's hashes: those a cache fill's record was stored without are made from its bytes now, and kept in it. */
	hashesOf(asset: AssetRecord): Required<AssetHashes> {
		completeHashes(asset, () => this.get(asset.blob));
		return asset.hashes as Required<AssetHashes>;
	}

	get(blob: string): Buffer {
		const staged = this.staged.get(blob);
		if (staged) return staged.body;
		let path = this.pathOf(blob);
		let bytes = readBlob(path);
		if (!bytes) {
			path = this.pathOf(blob, true);
			bytes = readFileSync(path);
		}
		if (createHash('sha256').update(bytes).digest('hex') !== blob) throw new DamagedBlobError(path, bytes.length);
		return bytes;
	}

	private write(blob: string, body: Buffer): void {
		const path = this.pathOf(blob);
		if (holds(path, body)) return;
		writeFileAtomic(path, body);
	}

	/** The blob's file; `fanned`: where a store written before the flat layout kept it. */
	private pathOf(blob: string, fanned = false): string {
		// The address comes from our own hash, never from a request: it cannot name another file.
		if (!/^[0-9a-f]{64}$/.test(blob)) throw new Error(`bad blob address ${blob}`);
		return fanned ? join(this.directory, blob.slice(0, 2), blob) : join(this.directory, blob);
	}
}

interface StagedBlob {
	body: Buffer;
	/** The background write under way. */
	writing?: Promise<void>;
}

/** The file's bytes, or undefined when there is no such file. */
function readBlob(path: string): Buffer | undefined {
	try {
		return readFileSync(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
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
	const hashes = digests(body, which) as AssetHashes;
	return {name, size: body.length, hashes, blob: hashes['SHA-256']};
}

function digests(body: Buffer, which: readonly (keyof AssetHashes)[]): Partial<AssetHashes> {
	return Object.fromEntries(which.map(name => [name, createHash(algorithms[name]).update(body).digest('hex')]));
}

/** Adds the MD5 and SHA-512 a cache fill's record was stored without, from its bytes (read only when needed). */
function completeHashes(asset: AssetRecord, bytes: () => Buffer): void {
	if (asset.hashes.MD5 !== undefined && asset.hashes['SHA-512'] !== undefined) return;
	Object.assign(asset.hashes, digests(bytes(), ['MD5', 'SHA-512']));
}
