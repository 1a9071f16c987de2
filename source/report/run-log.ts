import type {WizardEvent} from '../wizard/events.js';
import type {RunResult} from '../wizard/run-result.js';

// The run log (WORKDIR/ca-wizard-events.jsonl): every event of every wizard run in a work
// folder, one JSON line each, with the time it happened. The write-up is rendered from it, so
// durations are measured, not guessed. Pure: reading and writing the file is elsewhere.

/** The run log's name in the work folder, next to the run record. */
export const runLogFileName = 'ca-wizard-events.jsonl';

/** Where a run pointed its AWS calls. */
export type RunTargetKind = 'aws' | 'sandbox' | 'sandbox-url';

/**
 * A line of the run log. `start` opens a run (a work folder's log holds every run made there,
 * oldest first); `event` is one of the journey's events as the hosts got it; `answer` is a
 * question's answer (names and choices: the wizard never asks for a secret); `end` says how the
 * run ended, as the --json result event does.
 */
export type RunLogRecord =
	| {time: string; type: 'start'; target: RunTargetKind}
	| {time: string; type: 'event'; event: LoggedEvent}
	| {time: string; type: 'answer'; id: string; value: unknown}
	| {time: string; type: 'end'; result: RunResult};

/** A record before the clock stamps it (the union kept apart, each with its own fields). */
export type UntimedRecord = RunLogRecord extends infer R ? (R extends unknown ? Omit<R, 'time'> : never) : never;

/** What the log holds: the journey's events as the hosts got them (the publish step's `published` and `verified` among them). */
export type LoggedEvent = WizardEvent;

export type {PublishedEvent, VerifiedEvent} from '../wizard/events.js';

/** The log's records, oldest first; a torn last line (a run killed mid-write) and blank lines are skipped. */
export function parseRunLog(text: string): RunLogRecord[] {
	const records: RunLogRecord[] = [];
	for (const line of text.split('\n')) {
		if (line.trim() === '') continue;
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			continue;
		}
		if (isRecord(value)) records.push(value);
	}
	return records;
}

/** The last run's records: from its `start` to the end of the log (all of it when no run started one). */
export function lastRun(records: readonly RunLogRecord[]): RunLogRecord[] {
	const start = records.findLastIndex(record => record.type === 'start');
	return records.slice(Math.max(start, 0));
}

function isRecord(value: unknown): value is RunLogRecord {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	if (typeof record['time'] !== 'string') return false;
	switch (record['type']) {
		case 'start':
			return typeof record['target'] === 'string';
		case 'event':
			return typeof record['event'] === 'object' && record['event'] !== null && typeof (record['event'] as {type?: unknown}).type === 'string';
		case 'answer':
			return typeof record['id'] === 'string';
		case 'end':
			return typeof record['result'] === 'object' && record['result'] !== null;
		default:
			return false;
	}
}
