import {chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {writeFileSafely} from '../../source/files/write-file-safely.js';
import {smallDisk, type SmallDisk} from '../helpers/small-disk.js';

let folder: string;
const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

beforeEach(async () => {
	folder = await mkdtemp(join(tmpdir(), 'ca-wizard-write-'));
});
afterEach(async () => {
	await rm(folder, {recursive: true, force: true});
});

describe('writeFileSafely', () => {
	test('creates the folders and the file with the mode, without a backup', async () => {
		const path = join(folder, 'home', '.m2', 'settings.xml');
		expect(await writeFileSafely(path, '<settings/>\n', {mode: 0o600})).toEqual({});
		expect(await readFile(path, 'utf8')).toBe('<settings/>\n');
		expect(await modeOf(path)).toBe(0o600);
		expect(await readdir(join(folder, 'home', '.m2'))).toEqual(['settings.xml']);
	});

	test('backs up an existing file, both narrowed to the mode asked for (the backup holds the same secrets)', async () => {
		const path = join(folder, 'settings.xml');
		await writeFile(path, 'old');
		await chmod(path, 0o644);
		const {backupPath} = await writeFileSafely(path, 'new', {mode: 0o600});
		expect(backupPath).toMatch(/\/settings\.xml\.bak-\d{14}$/);
		expect(await readFile(backupPath!, 'utf8')).toBe('old');
		expect(await modeOf(backupPath!)).toBe(0o600);
		expect(await readFile(path, 'utf8')).toBe('new');
		expect(await modeOf(path)).toBe(0o600);
		// The timestamp is the local time of the write.
		const stamp = /bak-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(backupPath!)!.slice(1).map(Number);
		const written = new Date(stamp[0]!, stamp[1]! - 1, stamp[2], stamp[3], stamp[4], stamp[5]);
		expect(Math.abs(Date.now() - written.getTime())).toBeLessThan(60_000);
	});

	test('two writes in the same second keep both backups', async () => {
		const path = join(folder, 'settings.xml');
		await writeFile(path, 'first');
		const one = await writeFileSafely(path, 'second');
		const two = await writeFileSafely(path, 'third');
		expect(one.backupPath).not.toBe(two.backupPath);
		expect(await readFile(one.backupPath!, 'utf8')).toBe('first');
		expect(await readFile(two.backupPath!, 'utf8')).toBe('second');
	});

	test('without backup, and without a mode the file keeps its own', async () => {
		const path = join(folder, 'settings.xml');
		await writeFile(path, 'old');
		await chmod(path, 0o640);
		expect(await writeFileSafely(path, 'new', {backup: false})).toEqual({});
		expect(await readdir(folder)).toEqual(['settings.xml']);
		expect(await modeOf(path)).toBe(0o640);
	});

	test('follows a symbolic link, which stays a link', async () => {
		const real = join(folder, 'dotfiles', 'settings.xml');
		await mkdir(join(folder, 'dotfiles'));
		await writeFile(real, 'old');
		const link = join(folder, 'settings.xml');
		await symlink(real, link);
		const {backupPath} = await writeFileSafely(link, 'new', {mode: 0o600});
		expect((await lstat(link)).isSymbolicLink()).toBe(true);
		expect(await readFile(real, 'utf8')).toBe('new');
		expect(await readFile(backupPath!, 'utf8')).toBe('old');
	});

	test('a failed write leaves the old file and no temporary file', async () => {
		const path = join(folder, 'settings.xml');
		await mkdir(path);
		await expect(writeFileSafely(path, 'new', {backup: false})).rejects.toThrow();
		expect(await readdir(folder)).toEqual(['settings.xml']);
	});
});

describe('writeFileSafely on a full disk (a 2 MB tmpfs; skipped where mounting is not allowed)', () => {
	const old = 'x'.repeat(600_000);
	const onFullDisk = async (spareBytes: number, skip: () => void) => {
		const disk = smallDisk();
		disks.push(disk);
		if (disk.kind !== 'tmpfs') skip();
		const path = join(disk.folder, 'settings.xml');
		await writeFile(path, old);
		disk.fill(spareBytes);
		await expect(writeFileSafely(path, 'y'.repeat(600_000), {mode: 0o600})).rejects.toMatchObject({
			name: 'FileWriteError',
			code: 'ENOSPC',
			fix: expect.stringContaining('Free space'),
		});
		// Nothing changed: the file as it was, no temporary file, no backup of a change that never happened.
		expect(await readFile(path, 'utf8')).toBe(old);
		expect((await readdir(disk.folder)).sort()).toEqual(['filler', 'settings.xml']);
	};
	const disks: SmallDisk[] = [];
	afterEach(() => {
		for (const disk of disks.splice(0)) disk.remove();
	});

	test('when the backup does not fit', async context => onFullDisk(300_000, () => context.skip()));
	test('when the backup fits and the new file does not', async context => onFullDisk(900_000, () => context.skip()));
});
