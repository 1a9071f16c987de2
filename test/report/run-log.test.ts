import {appendFileSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {openRunLog} from '../../source/files/run-log-file.js';
import {lastRun, parseRunLog} from '../../source/report/run-log.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

it('appends a line per record with the clock’s time, mode 0600, each on disk before the next is asked for', () => {
	const path = join(temporaryDirectory(), 'work', 'ca-wizard-events.jsonl');
	let now = Date.parse('2026-12-02T10:00:00Z');
	const log = openRunLog(path, () => new Date(now));
	log.append({type: 'start', target: 'sandbox'});
	expect(readFileSync(path, 'utf8')).toBe('{"time":"2026-12-02T10:00:00.000Z","type":"start","target":"sandbox"}\n');
	now += 1500;
	log.append({type: 'event', event: {type: 'step', step: 'preflight', status: 'active'}});
	log.close();
	log.append({type: 'answer', id: 'domain', value: 'ignored after close'});
	expect(parseRunLog(readFileSync(path, 'utf8'))).toEqual([
		{time: '2026-12-02T10:00:00.000Z', type: 'start', target: 'sandbox'},
		{time: '2026-12-02T10:00:01.500Z', type: 'event', event: {type: 'step', step: 'preflight', status: 'active'}},
	]);
	expect(statSync(path).mode & 0o777).toBe(0o600);
});

it('a second run appends to the same log; the report reads the last run; a torn last line is skipped', () => {
	const path = join(temporaryDirectory(), 'ca-wizard-events.jsonl');
	writeFileSync(path, '', {mode: 0o644});
	for (const target of ['sandbox', 'aws'] as const) {
		const log = openRunLog(path, () => new Date('2026-12-02T10:00:00Z'));
		log.append({type: 'start', target});
		log.append({type: 'answer', id: 'domain', value: target});
		log.close();
	}
	expect(statSync(path).mode & 0o777).toBe(0o600); // an older log's looser bits are tightened
	appendFileSync(path, '{"time":"2026-12-02T10:00:00Z","type":"ev');
	const records = parseRunLog(readFileSync(path, 'utf8'));
	expect(records).toHaveLength(4);
	expect(lastRun(records)).toEqual([
		{time: '2026-12-02T10:00:00.000Z', type: 'start', target: 'aws'},
		{time: '2026-12-02T10:00:00.000Z', type: 'answer', id: 'domain', value: 'aws'},
	]);
});
