import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import type {AssetRecord} from '../state.js';
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
 */
export class BlobStore {
	/** Fan-out folders known to exist: a build stores dozens of blobs, each needing one. */
	private readonly folders = new Set<string>();

	constructor(private readonly directory: string) {
		mkdirSync(directory, {recursive: true, mode: 0o700});
	}

	/** Stores the bytes and returns the asset's sizes and hashes (the blob is named by SHA-256). */
	put(name: string, body: Buffer): AssetRecord {
		const hashes = hashAll(body);
		const path = this.pathOf(hashes['SHA-256']);
		if (!holds(path, body)) {
			const folder = join(path, '..');
			if (!this.folders.has(folder)) {
				mkdirSync(folder, {recursive: true, mode: 0o700});
				this.folders.add(folder);
			}
			writeFileAtomic(path, body);
		}
		return {name, size: body.length, hashes, blob: hashes['SHA-256']};
	}

	get(blob: string): Buffer {
		const path = this.pathOf(blob);
		const bytes = readFileSync(path);
		if (createHash('sha256').update(bytes).digest('hex') !== blob) throw new DamagedBlobError(path, bytes.length);
		return bytes;
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

export function hashAll(body: Buffer): AssetRecord['hashes'] {
	const hex = (algorithm: string) => createHash(algorithm).update(body).digest('hex');
	return {MD5: hex('md5'), 'SHA-1': hex('sha1'), 'SHA-256': hex('sha256'), 'SHA-512': hex('sha512')};
}
