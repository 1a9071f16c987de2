// The .tar.gz of a publish, made and read with node-tar (gzip through node:zlib): packed from a
// file or folder under its own name, unpacked into a folder, its files listed from what landed
// on disk. Extraction keeps node-tar's guards: no absolute paths, nothing outside the folder.

import {createHash} from 'node:crypto';
import {readdir, readFile, stat, writeFile} from 'node:fs/promises';
import {basename, dirname, join, relative, resolve, sep} from 'node:path';
import {create, extract} from 'tar';
import {CliError} from '../errors.js';
import type {ArchiveFile} from './publish-lines.js';

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export interface PackedArchive {
	file: string;
	bytes: Buffer;
	sha256: string;
}

/** `source` (a file or a folder) packed as `folder/assetName`, its entries named from the source's own name. */
export async function packArchive(source: string, folder: string, assetName: string): Promise<PackedArchive> {
	const path = resolve(source);
	const found = await stat(path).catch(() => undefined);
	if (!found || !(found.isFile() || found.isDirectory()))
		throw new CliError(
			'PublishFileNotFound',
			`There is no file or folder at ${path} to publish.`,
			'Name an existing file or folder with --file PATH, or leave --file out to publish a sample text file.',
		);
	const file = join(folder, assetName);
	await create({gzip: true, portable: true, file, cwd: dirname(path)}, [basename(path)]);
	const bytes = await readFile(file);
	return {file, bytes, sha256: sha256Hex(bytes)};
}

/** Unpacks `bytes` (a .tar.gz) into `folder` and lists the files that landed there. */
export async function unpackArchive(bytes: Uint8Array, folder: string, scratch: string): Promise<ArchiveFile[]> {
	await writeFile(scratch, bytes);
	await extract({file: scratch, cwd: folder});
	return filesUnder(folder);
}

async function filesUnder(folder: string): Promise<ArchiveFile[]> {
	const entries = await readdir(folder, {recursive: true, withFileTypes: true});
	const files = entries.filter(entry => entry.isFile()).map(entry => join(entry.parentPath, entry.name));
	return Promise.all(files.map(async path => ({path: relative(folder, path).split(sep).join('/'), size: (await stat(path)).size})));
}
