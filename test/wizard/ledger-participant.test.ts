import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {exitCodes} from '../../source/errors.js';
import {LedgerError, RunLedger} from '../../source/wizard/ledger.js';

// A work folder's record names the workshop participant whose runs it holds: destroy and list
// read it, and a run for another participant refuses to continue there.

let folder: string;
let path: string;

beforeEach(async () => {
	folder = await mkdtemp(join(tmpdir(), 'ca-wizard-ledger-'));
	path = join(folder, 'run.json');
});

afterEach(async () => {
	await rm(folder, {recursive: true, force: true});
});

const domain = {kind: 'domain', name: 'p1-ca-wizard-demo', details: {domain: 'p1-ca-wizard-demo'}} as const;

describe('the participant in the run record', () => {
	it('is written with the first change and read back', async () => {
		const ledger = await RunLedger.open(path);
		ledger.claim('p1');
		await ledger.intend(domain);
		expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({version: 2, participant: 'p1'});
		const again = await RunLedger.open(path);
		expect(again.participant).toBe('p1');
		expect(() => again.claim('p1')).not.toThrow();
	});

	it('is absent outside a workshop', async () => {
		const ledger = await RunLedger.open(path);
		ledger.claim(undefined);
		await ledger.intend(domain);
		expect(JSON.parse(await readFile(path, 'utf8'))).not.toHaveProperty('participant');
	});

	it.each([
		['p1', 'p2', 'The work folder', 'holds the run of participant p1, not of participant p2.', 'Pass --participant p1 to continue that run'],
		[undefined, 'p2', 'The work folder', 'holds the run of a run without --participant, not of participant p2.', 'Leave out --participant'],
		['p1', undefined, 'The work folder', 'holds the run of participant p1, not of a run without --participant.', 'Pass --participant p1'],
	])('a folder holding %s’s run refuses %s, with exit 2 and the way out', async (owner, other, start, end, fix) => {
		const first = await RunLedger.open(path);
		first.claim(owner);
		await first.intend(domain);
		const ledger = await RunLedger.open(path);
		let thrown: unknown;
		try {
			ledger.claim(other);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toMatchObject({code: 'WorkFolderOfAnother', exitCode: exitCodes.usage});
		expect((thrown as Error).message).toBe(`${start} ${folder} ${end}`);
		expect((thrown as {fix: string}).fix).toContain(fix);
		expect((thrown as {fix: string}).fix).toContain('--workdir DIR');
		expect(ledger.participant).toBe(owner);
	});

	it('an empty record may be taken by anyone', async () => {
		await writeFile(path, JSON.stringify({version: 2, startedAt: '2024-03-10T12:00:00.000Z', participant: 'p1', resources: []}));
		const ledger = await RunLedger.open(path);
		ledger.claim('p2');
		expect(ledger.participant).toBe('p2');
	});

	it('a participant that is not a string makes the record unreadable, saying which field', async () => {
		await writeFile(path, JSON.stringify({version: 2, startedAt: '2024-03-10T12:00:00.000Z', participant: 7, resources: []}));
		await expect(RunLedger.open(path)).rejects.toThrow(LedgerError);
		await expect(RunLedger.open(path)).rejects.toThrow('its "participant" is not a string');
	});
});
