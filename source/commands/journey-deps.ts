import {constants} from 'node:fs';
import {access, cp, mkdir, mkdtemp, readFile, realpath, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {writeFileSafely} from '../files/write-file-safely.js';
import {detectJava, locateMaven, runMaven} from '../maven/mvn.js';
import {packageRoot} from '../files/package-root.js';
import {packArchive, unpackArchive} from '../publish/archive.js';
import type {JourneyFiles, JourneyTools} from '../wizard/journey/context.js';

/**
 * The real processes behind the journey's tools, for one run. Java's version check starts a JVM:
 * it is made once, and `startVersionChecks` starts it (and the PATH lookup for mvn) early, so
 * that the preflight finds them answered.
 */
export function journeyTools(): JourneyTools & {startVersionChecks(): void} {
	let java: Promise<string | undefined> | undefined;
	let maven: Promise<string | undefined> | undefined;
	const tools = {
		detectJava: () => (java ??= detectJava()),
		locateMaven: () => (maven ??= locateMaven()),
		runMaven,
		startVersionChecks() {
			// Their answers (or failures) are the preflight's to read.
			tools.detectJava().catch(() => {});
			tools.locateMaven().catch(() => {});
		},
	};
	return tools;
}

export const journeyFiles: JourneyFiles = {
	async readBytes(path) {
		try {
			return await readFile(path);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	},
	async writeBlocker(path) {
		// writeFileSafely follows a link and writes next to its target, creating missing folders.
		const target = await realpath(path).catch(() => path);
		const existing = await stat(target).catch(() => undefined);
		// The mode bits too: root may write anything, but a file nobody may write was made read-only on purpose.
		if (existing?.isFile() && ((existing.mode & 0o222) === 0 || !(await canAccess(target, constants.W_OK)))) return {kind: 'read-only-file', path: target};
		let folder = dirname(target);
		while (!(await canAccess(folder, constants.F_OK)) && dirname(folder) !== folder) folder = dirname(folder);
		return (await canAccess(folder, constants.W_OK | constants.X_OK)) ? undefined : {kind: 'read-only-folder', path: folder};
	},
	writeSettings: (path, content) => writeFileSafely(path, content, {mode: 0o600, backup: true}),
	exists: path => canAccess(path, constants.F_OK),
	async prepareDemoProject(directory) {
		if (await journeyFiles.exists(join(directory, 'pom.xml'))) return;
		await cp(join(packageRoot(), 'assets', 'demo-project'), directory, {recursive: true, errorOnExist: false});
	},
	makeTemporaryDirectory: prefix => mkdtemp(join(tmpdir(), prefix)),
	removeDirectory: path => rm(path, {recursive: true, force: true}),
	async writeText(path, text) {
		await mkdir(dirname(path), {recursive: true});
		await writeFile(path, text, {mode: 0o600});
	},
	packArchive,
	unpackArchive,
};

async function canAccess(path: string, mode: number): Promise<boolean> {
	try {
		await access(path, mode);
		return true;
	} catch {
		return false;
	}
}

export function now(): Date {
	return new Date();
}

export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
	await delay(ms, undefined, {signal});
}
