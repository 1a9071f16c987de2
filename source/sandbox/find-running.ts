import {join} from 'node:path';
import {folderHolder} from '../files/folder-lock.js';
import {SandboxError} from './errors.js';
import {readRecord, recordFileName, type SandboxRecord} from './running-record.js';

/** How long the endpoint has to answer: a live sandbox on this machine answers in milliseconds. */
const probeMs = 5_000;

/**
 * The record of the sandbox running on `dataDir`, once three things agree: a live process holds
 * the folder's lock, it has written its record, and the endpoint there answers. A record left by
 * a killed sandbox (its lock's owner is gone) counts as none. `start` is the command that starts
 * one on this folder, for the fix.
 */
export async function findRunningSandbox(dataDir: string, start: string): Promise<SandboxRecord> {
	const record = readRecord(dataDir);
	const holder = folderHolder(dataDir);
	const startFix = `Start one in another shell with \`${start}\` (it keeps running there), then run this again.`;
	if (!holder) {
		const left = record ? `: ${join(dataDir, recordFileName)} is left from one that did not stop cleanly` : '';
		throw new SandboxError('SandboxNotRunning', `No sandbox is running on the data folder ${dataDir}${left}.`, startFix);
	}
	if (!record) {
		throw new SandboxError(
			'SandboxNotRunning',
			`pid ${holder.pid} holds the data folder ${dataDir}, but no sandbox there has said where it listens (no ${recordFileName}).`,
			`Wait for its \`endpoint:\` line if it is a sandbox still starting, then run this again. If pid ${holder.pid} is not a sandbox, stop it and start one with \`${start}\`.`,
		);
	}
	const problem = await unanswered(record.endpoint);
	if (problem) {
		throw new SandboxError(
			'SandboxNotAnswering',
			`The sandbox on ${dataDir} (pid ${holder.pid}) does not answer at ${record.endpoint} (${problem}).`,
			`If pid ${holder.pid} is stuck, stop it (kill ${holder.pid}) and start the sandbox again with \`${start}\`.`,
		);
	}
	return record;
}

/** Why the endpoint gives no HTTP answer, or undefined when it does (any status: an unsigned request is refused). */
async function unanswered(endpoint: string): Promise<string | undefined> {
	try {
		const response = await fetch(`${endpoint}/`, {method: 'POST', signal: AbortSignal.timeout(probeMs)});
		await response.body?.cancel();
		return undefined;
	} catch (error) {
		const cause = (error as {cause?: {code?: string}}).cause?.code;
		return cause ?? (error as Error).message;
	}
}
