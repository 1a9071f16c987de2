// The record of what runs in this work folder created, so a later run can resume and the
// summary's undo commands remove exactly that, newest first. Each resource is recorded twice:
// its intent before the create call, its confirmation (ARN, details) once the call has
// returned. A run killed between the two leaves an intent, which the next run settles: found,
// the resource is ours; not found, the intent is dropped. What a run found and used without
// creating it is recorded as reused, and nothing undoes it. Every write replaces the whole file
// atomically (temp file + rename, mode 0600): a crash leaves the old record or the new.

import {randomUUID} from 'node:crypto';
import {mkdir, readFile} from 'node:fs/promises';
import {dirname} from 'node:path';
import {writeFileAtomic} from '../files/atomic-file.js';
import {isResourceKind, type CreatedResource, type ResourceKind} from './events.js';
import {CliError, UsageError} from '../errors.js';

/** The run record's name in the work folder (--workdir): the wizard writes it, destroy reads it. */
export const ledgerFileName = 'ca-wizard-run.json';

/** intended: a create call was about to be made (it may or may not have happened); created: it returned; reused: found, not made by ca-wizard. */
export type EntryState = 'intended' | 'created' | 'reused';

export interface LedgerEntry extends CreatedResource {
	state: EntryState;
	/** When the create call was about to be made (ISO-8601). */
	intendedAt?: string;
	/** When it was confirmed: the call returned, or a later run found what it made. */
	createdAt?: string;
	/** Set when the run that made it was stopped before it could confirm; a later run found it. */
	confirmedLater?: true;
	/** When a run found it already there. */
	foundAt?: string;
}

export interface LedgerFile {
	/** 2 adds intents and reused entries; a version 1 file held created resources only. */
	version: 2;
	startedAt: string;
	/** This work folder's run id, as in the `ca-wizard:run` tag of what it created (absent in older files: one is made). */
	runId?: string;
	/** The workshop participant (--participant) whose runs these are: `destroy` and `list` read it. Absent outside a workshop. */
	participant?: string;
	resources: LedgerEntry[];
}

/** A ledger file that cannot be read as one; nothing was overwritten. */
export class LedgerError extends CliError {
	constructor(
		readonly path: string,
		readonly reason: string,
		fix: string,
	) {
		super('LedgerUnreadable', `The run record ${path} cannot be read: ${reason}.`, fix);
	}
}

const STATES: ReadonlySet<string> = new Set<EntryState>(['intended', 'created', 'reused']);
const TIMES = ['intendedAt', 'createdAt', 'foundAt'] as const;

export class RunLedger {
	private list: readonly LedgerEntry[];
	private owner: string | undefined;
	// Writes happen one at a time, in the order they were asked for.
	private queue: Promise<void> = Promise.resolve();

	private constructor(
		readonly path: string,
		readonly startedAt: string,
		/** Made once per work folder and kept in the file: the `ca-wizard:run` tag of everything it creates. */
		readonly runId: string,
		entries: LedgerEntry[],
		private readonly clock: () => Date,
		/** False for a dry run's copy: its changes stay in memory. */
		private readonly persist = true,
	) {
		this.list = Object.freeze(entries);
	}

	/** A copy whose changes are never written (--dry-run): the same run id and entries, changed in memory only. */
	inMemory(): RunLedger {
		const copy = new RunLedger(this.path, this.startedAt, this.runId, [...this.list], this.clock, false);
		copy.owner = this.owner;
		return copy;
	}

	/** The workshop participant this folder's runs belong to, as recorded or claimed; undefined outside a workshop. */
	get participant(): string | undefined {
		return this.owner;
	}

	/**
	 * Takes this folder for PARTICIPANT's runs (undefined: a run without --participant); kept with
	 * the next write. A folder whose record holds another's resources refuses: continuing there
	 * would mix two participants' names, tags and undo.
	 */
	claim(participant: string | undefined): void {
		if (this.list.length > 0 && this.owner !== participant) {
			const whose = (name: string | undefined) => (name === undefined ? 'a run without --participant' : `participant ${name}`);
			// Exit 2, as for a bad flag: nothing was done, and a flag is the fix.
			throw new UsageError(
				'WorkFolderOfAnother',
				`The work folder ${dirname(this.path)} holds the run of ${whose(this.owner)}, not of ${whose(participant)}.`,
				`${this.owner === undefined ? 'Leave out --participant' : `Pass --participant ${this.owner}`} to continue that run, or pass another folder with --workdir DIR.`,
			);
		}
		this.owner = participant;
	}

	/** Reads the record at `path`, or starts an empty one (written on the first change). */
	static async open(path: string, now: Date = new Date(), clock: () => Date = () => new Date()): Promise<RunLedger> {
		let text: string;
		try {
			text = await readFile(path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new RunLedger(path, now.toISOString(), randomUUID(), [], clock);
			throw error;
		}
		const file = parseLedger(path, text);
		const ledger = new RunLedger(path, file.startedAt, file.runId ?? randomUUID(), file.resources, clock);
		ledger.owner = file.participant;
		return ledger;
	}

	/** Every entry, oldest first: intents, created and reused. A snapshot: later changes do not alter it. */
	get entries(): readonly LedgerEntry[] {
		return this.list;
	}

	/** What ca-wizard created (confirmed), oldest first: what the undo commands act on. */
	get resources(): readonly LedgerEntry[] {
		return this.list.filter(entry => entry.state === 'created');
	}

	/** Intents never confirmed: a run stopped between a create call and its confirmation. */
	get pending(): readonly LedgerEntry[] {
		return this.list.filter(entry => entry.state === 'intended');
	}

	has(kind: ResourceKind, name: string): boolean {
		return this.resources.some(resource => resource.kind === kind && resource.name === name);
	}

	/**
	 * Records, before the create call, that `resource` is about to be made: kind, name, and the
	 * details known already. Any earlier entry for it (it was deleted since, or never confirmed)
	 * makes way, so the order of entries stays the order of creation.
	 */
	intend(resource: CreatedResource): Promise<void> {
		const entry: LedgerEntry = {...resource, state: 'intended', intendedAt: this.now()};
		return this.change(list => [...list.filter(existing => !sameTarget(existing, resource)), entry]);
	}

	/**
	 * Confirms that `resource` exists because ca-wizard made it, with what the call returned
	 * (ARN, details). Takes its intent's place; without an intent it is appended. Confirming
	 * the same resource again changes nothing. `later`: a run settling what a stopped run made.
	 */
	confirm(resource: CreatedResource, options: {later?: boolean} = {}): Promise<void> {
		return this.change(list => {
			const index = list.findIndex(existing => sameTarget(existing, resource));
			const previous = list[index]; // undefined for -1, too
			if (previous?.state === 'created' && sameResource(previous, resource)) return undefined;
			const entry: LedgerEntry = {
				...resource,
				state: 'created',
				...(previous?.intendedAt ? {intendedAt: previous.intendedAt} : {}),
				createdAt: this.now(),
				...(options.later ? {confirmedLater: true as const} : {}),
			};
			return index === -1 ? [...list, entry] : list.map((existing, at) => (at === index ? entry : existing));
		});
	}

	/** Forgets an intent whose resource was never made. A confirmed entry stays. */
	drop(resource: CreatedResource): Promise<void> {
		return this.change(list =>
			list.some(entry => entry.state === 'intended' && sameTarget(entry, resource))
				? list.filter(entry => !(entry.state === 'intended' && sameTarget(entry, resource)))
				: undefined,
		);
	}

	/** Takes out what destroy removed, so no later run counts it as ca-wizard's. What was reused stays noted. */
	forget(resource: CreatedResource): Promise<void> {
		const gone = (entry: LedgerEntry) => entry.state !== 'reused' && sameTarget(entry, resource);
		return this.change(list => (list.some(gone) ? list.filter(entry => !gone(entry)) : undefined));
	}

	/** Notes a resource found and used as it was; an entry already there (ours, say) stays as it is. */
	reused(resource: CreatedResource): Promise<void> {
		return this.change(list => (list.some(entry => sameTarget(entry, resource)) ? undefined : [...list, {...resource, state: 'reused', foundAt: this.now()}]));
	}

	private now(): string {
		return this.clock().toISOString();
	}

	/** Applies `edit` after the writes before it and persists the result before resolving; undefined means no change. */
	private change(edit: (list: readonly LedgerEntry[]) => LedgerEntry[] | undefined): Promise<void> {
		const write = this.queue.then(async () => {
			const edited = edit(this.list);
			if (edited === undefined) return;
			const next = edited.map(copyEntry);
			if (!this.persist) {
				this.list = Object.freeze(next);
				return;
			}
			await mkdir(dirname(this.path), {recursive: true, mode: 0o700});
			const file: LedgerFile = {
				version: 2,
				startedAt: this.startedAt,
				runId: this.runId,
				...(this.owner === undefined ? {} : {participant: this.owner}),
				resources: next,
			};
			writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`, {mode: 0o600, fsync: true});
			this.list = Object.freeze(next); // only once it is on disk
		});
		this.queue = write.catch(() => undefined);
		return write;
	}
}

function parseLedger(path: string, text: string): LedgerFile {
	const fix = `Move ${path} aside to start a new record (ca-wizard will then count what that run created as reused, and print no undo commands for it), or repair its JSON.`;
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new LedgerError(path, `it is not valid JSON (${(error as Error).message})`, fix);
	}
	if (!isObject(data)) throw new LedgerError(path, 'it is not a JSON object', fix);
	if (typeof data.version === 'number' && data.version > 2) {
		throw new LedgerError(
			path,
			`it was written by a newer ca-wizard (format version ${data.version})`,
			'Use the newer ca-wizard for this run, or move the file aside.',
		);
	}
	if (data.version !== 1 && data.version !== 2) throw new LedgerError(path, 'it has no "version" (1 or 2)', fix);
	if (typeof data.startedAt !== 'string') throw new LedgerError(path, 'it has no "startedAt" time', fix);
	if (!Array.isArray(data.resources)) throw new LedgerError(path, 'it has no "resources" list', fix);
	if (data.runId !== undefined && typeof data.runId !== 'string') throw new LedgerError(path, 'its "runId" is not a string', fix);
	if (data.participant !== undefined && typeof data.participant !== 'string') throw new LedgerError(path, 'its "participant" is not a string', fix);
	const version = data.version;
	const resources = data.resources.map((entry: unknown, index: number) => {
		const problem = entryProblem(entry, version);
		if (problem) throw new LedgerError(path, `resources[${index}] ${problem}`, fix);
		// Version 1 recorded a resource only once it existed: every entry is a confirmed one.
		return copyEntry(version === 1 ? {...(entry as CreatedResource), state: 'created'} : (entry as LedgerEntry));
	});
	return {
		version: 2,
		startedAt: data.startedAt,
		...(data.runId === undefined ? {} : {runId: data.runId}),
		...(data.participant === undefined ? {} : {participant: data.participant}),
		resources,
	};
}

function entryProblem(entry: unknown, version: 1 | 2): string | undefined {
	if (!isObject(entry)) return 'is not an object';
	if (!isResourceKind(entry.kind)) return `has an unknown kind ${JSON.stringify(entry.kind)}`;
	if (typeof entry.name !== 'string') return 'has no name';
	if (entry.arn !== undefined && typeof entry.arn !== 'string') return 'has an ARN that is not a string';
	const details = entry.details;
	if (details !== undefined && !(isObject(details) && Object.values(details).every(value => typeof value === 'string'))) {
		return 'has details that are not all strings';
	}
	if (version === 1) return undefined;
	if (typeof entry.state !== 'string' || !STATES.has(entry.state)) return `has an unknown state ${JSON.stringify(entry.state)}`;
	const time = TIMES.find(key => entry[key] !== undefined && typeof entry[key] !== 'string');
	return time ? `has a ${time} that is not a string` : undefined;
}

/** A private, frozen copy with only the known fields, so callers cannot change the record behind its back. */
function copyEntry(entry: LedgerEntry): LedgerEntry {
	return Object.freeze({
		kind: entry.kind,
		name: entry.name,
		state: entry.state,
		...(entry.arn === undefined ? {} : {arn: entry.arn}),
		...(entry.details === undefined ? {} : {details: Object.freeze({...entry.details})}),
		...(entry.intendedAt === undefined ? {} : {intendedAt: entry.intendedAt}),
		...(entry.createdAt === undefined ? {} : {createdAt: entry.createdAt}),
		...(entry.confirmedLater ? {confirmedLater: true as const} : {}),
		...(entry.foundAt === undefined ? {} : {foundAt: entry.foundAt}),
	});
}

/**
 * Entries about the same resource: same kind and name, and the same domain for what lives in
 * one (a repository's name is unique only within its domain).
 */
export function sameTarget(a: CreatedResource, b: CreatedResource): boolean {
	return a.kind === b.kind && a.name === b.name && a.details?.['domain'] === b.details?.['domain'];
}

function sameResource(a: CreatedResource, b: CreatedResource): boolean {
	return a.arn === b.arn && JSON.stringify(sortedDetails(a)) === JSON.stringify(sortedDetails(b));
}

function sortedDetails(resource: CreatedResource): Array<[string, string]> | undefined {
	return resource.details && Object.entries(resource.details).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
