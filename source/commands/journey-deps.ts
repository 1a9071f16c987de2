import {access, cp, mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {writeFileSafely} from '../files/write-file-safely.js';
import {detectJava, detectMaven, runMaven} from '../maven/mvn.js';
import {packageRoot} from '../package-root.js';
import type {JourneyFiles, JourneyTools} from '../wizard/journey/context.js';

/** The real files, processes and clock behind the journey's interfaces. */
export const journeyTools: JourneyTools = {detectJava, detectMaven, runMaven};

export const journeyFiles: JourneyFiles = {
	async readText(path) {
		try {
			return await readFile(path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	},
	writeSettings: (path, text) => writeFileSafely(path, text, {mode: 0o600, backup: true}),
	async exists(path) {
		try {
			await access(path);
			return true;
		} catch {
			return false;
		}
	},
	async prepareDemoProject(directory) {
		if (await journeyFiles.exists(join(directory, 'pom.xml'))) return;
		await cp(join(packageRoot(), 'assets', 'demo-project'), directory, {recursive: true, errorOnExist: false});
	},
	makeTemporaryDirectory: prefix => mkdtemp(join(tmpdir(), prefix)),
	removeDirectory: path => rm(path, {recursive: true, force: true}),
};

export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
	await delay(ms, undefined, {signal});
}
