import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {AssetRecord} from '../state.js';
import {writeFileAtomic} from '../../files/atomic-file.js';

/** Content-addressed asset bytes: a blob's name is its SHA-256, so a write is idempotent. */
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
		if (!existsSync(path)) {
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
		return readFileSync(this.pathOf(blob));
	}

	private pathOf(blob: string): string {
		// The address comes from our own hash, never from a request: it cannot name another file.
		if (!/^[0-9a-f]{64}$/.test(blob)) throw new Error(`bad blob address ${blob}`);
		return join(this.directory, blob.slice(0, 2), blob);
	}
}

export function hashAll(body: Buffer): AssetRecord['hashes'] {
	const hex = (algorithm: string) => createHash(algorithm).update(body).digest('hex');
	return {'MD5': hex('md5'), 'SHA-1': hex('sha1'), 'SHA-256': hex('sha256'), 'SHA-512': hex('sha512')};
}
