import {execFileSync} from 'node:child_process';
import {mkdirSync, rmSync, statfsSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {temporaryDirectory} from './sandbox.js';

/**
 * A place where writes run out of room, for real: a 2 MB tmpfs where mounting is allowed (as
 * root, as in CI), else a file-size limit (RLIMIT_FSIZE) on the process under test — the
 * kernel then cuts a write short (EFBIG) exactly as a full disk does (ENOSPC).
 */
export interface SmallDisk {
	readonly kind: 'tmpfs' | 'file-size-limit';
	readonly folder: string;
	/** Prefix for a child process's command line: the limit, where there is no tmpfs. */
	readonly wrap: (command: string, args: string[]) => [string, string[]];
	/** Leaves about `spareBytes` free (tmpfs); a no-op under a file-size limit, which is in force from the start. */
	fill(spareBytes: number): void;
	/** Frees what fill() took. */
	free(): void;
	remove(): void;
}

export function smallDisk(fileSizeLimit = 96 * 1024): SmallDisk {
	const folder = temporaryDirectory('ca-wizard-small-disk-');
	const filler = join(folder, 'filler');
	try {
		// CA_WIZARD_TEST_NO_MOUNT=1 tries the fallback where mounting would work.
		if (process.env['CA_WIZARD_TEST_NO_MOUNT'] === '1') throw new Error('no mount');
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', folder], {stdio: 'ignore'});
	} catch {
		return {
			kind: 'file-size-limit',
			folder,
			wrap: (command, args) => ['prlimit', [`--fsize=${fileSizeLimit}`, '--', command, ...args]],
			fill: () => {},
			free: () => {},
			remove: () => rmSync(folder, {recursive: true, force: true}),
		};
	}
	mkdirSync(folder, {recursive: true});
	return {
		kind: 'tmpfs',
		folder,
		wrap: (command, args) => [command, args],
		fill(spareBytes) {
			const {bavail, bsize} = statfsSync(folder);
			writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - spareBytes)));
		},
		free: () => rmSync(filler, {force: true}),
		remove() {
			execFileSync('umount', [folder]);
			rmSync(folder, {recursive: true, force: true});
		},
	};
}
