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
 * fetched from an upstream as Maven asks for it) is staged instead: held in memory, served from
 * there, and written at the end of that turn of the event loop, once the reply that serves it has
 * been handed to the socket, so the write (a tenth of a millisecond for a typical jar into the
 * page cache) never delays that reply. It is written synchronously: libuv's threads would take
 * the event loop off the write, but a file's four hand-offs to them (open, write, close, rename)
 * cost three to four times the CPU of the write itself, CPU the build's JVM wants. A cache
 * fill's record holds SHA-1 (Maven's checksum) and SHA-256 (the blob's name); its MD5 and SHA-512
 * (which only ListPackageVersionAssets and a Maven client asking for .md5 or .sha512 want, and
 * which are most of the hashing of a large jar) are made from the bytes when first asked for and
 * kept in the record. A snapshot (SandboxStore.commit) first writes whatever is still staged, so
 * state.json never names a blob the disk does not hold.
 */
export class BlobStore {
	/** Fan-out folders known to exist: a build stores dozens of blobs, each needing one. */
	private readonly folders = new Set<string>();
	/** Cache fills not written yet, by address; served from here until they are written. */
	private readonly staged = new Map<string, Buffer>();
	private scheduledWrite: NodeJS.Immediate | undefined;
	/** Once the sandbox has stopped: its data folder is no longer ours to write. */
	private closed = false;
	/** The last write of staged blobs failed: reported once until one succeeds. */
	private failing = false;

	constructor(
		private readonly directory: string,
		/** Told when cache fills could not be written (a full disk): the sandbox's log says so once, not per file. */
		private readonly report: (message: string) => void = () => {},
	) {
		mkdirSync(directory, {recursive: true, mode: 0o700});
	}

	/** Stores the bytes and returns the asset's sizes and hashes (the blob is named by SHA-256). */
	put(name: string, body: Buffer): AssetRecord {
		if (this.closed) throw new Error('The sandbox has stopped: nothing more is stored.');
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
		this.staged.set(asset.blob, body);
		if (!this.closed)
			this.scheduledWrite ??= setImmediate(() => {
				this.scheduledWrite = undefined;
				try {
					this.writeStaged();
					this.failing = false;
				} catch (error) {
					// Left staged: see above.
					if (!this.failing)
						this.report(
							`warning: files fetched from an upstream cannot be stored yet (${(error as Error).message}); they are served from memory, and the next snapshot tries again.`,
						);
					this.failing = true;
				}
			});
		return asset;
	}

	/** Writes every staged blob, now; throws on the first that cannot be written, which stays staged with those after it. */
	writeStaged(): void {
		for (const [blob, body] of this.staged) {
			this.write(blob, body);
			this.staged.delete(blob);
		}
	}

	/** Writes nothing more (what is staged stays in memory): the sandbox has stopped, and its data folder may be another's now. */
	close(): void {
		this.closed = true;
		if (this.scheduledWrite) clearImmediate(this.scheduledWrite);
		this.scheduledWrite = undefined;
	}

	/** Forgets staged blobs that could not be written: the snapshot memory went back to names none of them. */
	dropStaged(): void {
		this.staged.clear();
	}

	/** All four of the asset's hashes: those a cache fill's record was stored without are made from its bytes now, and kept in it. */
	hashesOf(asset: AssetRecord): Required<AssetHashes> {
		const {hashes} = asset;
		if (hashes.MD5 === undefined || hashes['SHA-512'] === undefined) Object.assign(hashes, digests(this.get(asset.blob), ['MD5', 'SHA-512']));
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
	const hashes = digests(body, which) as AssetHashes;
	return {name, size: body.length, hashes, blob: hashes['SHA-256']};
}

function digests(body: Buffer, which: readonly (keyof AssetHashes)[]): Partial<AssetHashes> {
	return Object.fromEntries(which.map(name => [name, createHash(algorithms[name]).update(body).digest('hex')]));
}
