// The record of what a run created, written the moment each resource exists, so a later
// run can resume and `destroy` can undo exactly what was made. Every write replaces the whole
// file atomically (temp file + rename, mode 0600): a crash leaves the old record or the new.

import {mkdir, readFile} from 'node:fs/promises';
import {dirname} from 'node:path';
import {writeFileAtomic} from '../files/atomic-file.js';
import type {CreatedResource} from './events.js';

export interface LedgerFile {
	version: 1;
	startedAt: string;
	resources: CreatedResource[];
}

/** A ledger file that cannot be read as one; nothing was overwritten. */
export class LedgerError extends Error {
	readonly code = 'LedgerUnreadable';
	constructor(
		readonly path: string,
		readonly reason: string,
		readonly fix: string,
	) {
		super(`The run record ${path} cannot be read: ${reason}.`);
		this.name = 'LedgerError';
	}
}

const KINDS: ReadonlySet<string> = new Set<CreatedResource['kind']>([
	'domain', 'repository', 'external-connection', 'upstream-link', 'iam-policy', 'iam-role', 'role-policy-attachment',
	'instance-profile', 'instance-profile-role', 'instance-profile-association', 'file',
]);

export class RunLedger {
	private list: readonly CreatedResource[];
	// Writes happen one at a time, in the order record() was called.
	private queue: Promise<void> = Promise.resolve();

	private constructor(
		readonly path: string,
		readonly startedAt: string,
		resources: CreatedResource[],
	) {
		this.list = Object.freeze(resources);
	}

	/** Reads the record at `path`, or starts an empty one (written on the first record()). */
	static async open(path: string, now: Date = new Date()): Promise<RunLedger> {
		let text: string;
		try {
			text = await readFile(path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new RunLedger(path, now.toISOString(), []);
			throw error;
		}
		const file = parseLedger(path, text);
		return new RunLedger(path, file.startedAt, file.resources);
	}

	/** Everything recorded so far, oldest first. A snapshot: later records do not change it. */
	get resources(): readonly CreatedResource[] {
		return this.list;
	}

	has(kind: CreatedResource['kind'], name: string): boolean {
		return this.list.some(resource => resource.kind === kind && resource.name === name);
	}

	/**
	 * Appends `resource` and persists the whole record before resolving. Recording the same
	 * resource again (same kind, name, ARN and details) changes nothing, so resume can re-record.
	 */
	async record(resource: CreatedResource): Promise<void> {
		const entry = copyResource(resource);
		const write = this.queue.then(async () => {
			if (this.list.some(existing => sameResource(existing, entry))) return;
			const next = [...this.list, entry];
			await mkdir(dirname(this.path), {recursive: true, mode: 0o700});
			const file: LedgerFile = {version: 1, startedAt: this.startedAt, resources: next};
			writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`, {mode: 0o600, fsync: true});
			this.list = Object.freeze(next); // only once it is on disk
		});
		this.queue = write.catch(() => undefined);
		return write;
	}
}

function parseLedger(path: string, text: string): LedgerFile {
	const fix = `Move ${path} aside to start a new record (ca-wizard destroy will then not know what that run created), or repair its JSON.`;
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new LedgerError(path, `it is not valid JSON (${(error as Error).message})`, fix);
	}
	if (!isObject(data)) throw new LedgerError(path, 'it is not a JSON object', fix);
	if (typeof data.version === 'number' && data.version > 1) {
		throw new LedgerError(path, `it was written by a newer ca-wizard (format version ${data.version})`, 'Use the newer ca-wizard for this run, or move the file aside.');
	}
	if (data.version !== 1) throw new LedgerError(path, 'it has no "version": 1', fix);
	if (typeof data.startedAt !== 'string') throw new LedgerError(path, 'it has no "startedAt" time', fix);
	if (!Array.isArray(data.resources)) throw new LedgerError(path, 'it has no "resources" list', fix);
	const resources = data.resources.map((entry: unknown, index: number) => {
		const problem = resourceProblem(entry);
		if (problem) throw new LedgerError(path, `resources[${index}] ${problem}`, fix);
		return copyResource(entry as CreatedResource);
	});
	return {version: 1, startedAt: data.startedAt, resources};
}

function resourceProblem(entry: unknown): string | undefined {
	if (!isObject(entry)) return 'is not an object';
	if (typeof entry.kind !== 'string' || !KINDS.has(entry.kind)) return `has an unknown kind ${JSON.stringify(entry.kind)}`;
	if (typeof entry.name !== 'string') return 'has no name';
	if (entry.arn !== undefined && typeof entry.arn !== 'string') return 'has an ARN that is not a string';
	const details = entry.details;
	if (details !== undefined && !(isObject(details) && Object.values(details).every(value => typeof value === 'string'))) {
		return 'has details that are not all strings';
	}
	return undefined;
}

/** A private, frozen copy, so callers cannot change the record behind its back. */
function copyResource(resource: CreatedResource): CreatedResource {
	return Object.freeze({
		kind: resource.kind,
		name: resource.name,
		...(resource.arn === undefined ? {} : {arn: resource.arn}),
		...(resource.details === undefined ? {} : {details: Object.freeze({...resource.details})}),
	});
}

function sameResource(a: CreatedResource, b: CreatedResource): boolean {
	return a.kind === b.kind && a.name === b.name && a.arn === b.arn && JSON.stringify(sortedDetails(a)) === JSON.stringify(sortedDetails(b));
}

function sortedDetails(resource: CreatedResource): Array<[string, string]> | undefined {
	return resource.details && Object.entries(resource.details).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
