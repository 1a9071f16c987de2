import type {MavenChecksum} from './maven-path.js';
import type {AssetHashes, AssetRecord} from '../state.js';
import type {BlobStore} from '../store/blob-store.js';
import type {WireResponse} from '../protocols/wire-response.js';

/** A refusal the Maven endpoint answers with: plain text, as a repository manager sends. */
export class MavenHttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
		this.name = 'MavenHttpError';
	}
}

export function textResponse(status: number, text: string, headers: Record<string, string> = {}): WireResponse {
	return {status, headers: {'content-type': 'text/plain; charset=utf-8', ...headers}, body: text.endsWith('\n') || text === '' ? text : `${text}\n`};
}

export function errorResponse(error: MavenHttpError): WireResponse {
	return textResponse(error.status, error.message, error.headers);
}

export function contentTypeFor(fileName: string): string {
	if (/\.(pom|xml)$/.test(fileName)) return 'application/xml';
	if (/\.(jar|war|ear|aar)$/.test(fileName)) return 'application/java-archive';
	if (/\.(asc|txt)$/.test(fileName)) return 'text/plain';
	return 'application/octet-stream';
}

const hashNames: Record<MavenChecksum, keyof AssetHashes> = {sha1: 'SHA-1', md5: 'MD5', sha256: 'SHA-256', sha512: 'SHA-512'};

export function checksumOf(blobs: BlobStore, asset: AssetRecord, checksum: MavenChecksum): string {
	const name = hashNames[checksum];
	return asset.hashes[name] ?? blobs.hashesOf(asset)[name];
}

/** The body of a GET: the file itself, or one of its checksums as bare lowercase hex. */
export function fileResponse(fileName: string, body: Buffer, lastModified: Date): WireResponse {
	return {status: 200, headers: {'content-type': contentTypeFor(fileName), 'last-modified': lastModified.toUTCString()}, body};
}

export function checksumResponse(hex: string, lastModified: Date): WireResponse {
	return {status: 200, headers: {'content-type': 'text/plain', 'last-modified': lastModified.toUTCString()}, body: hex};
}
