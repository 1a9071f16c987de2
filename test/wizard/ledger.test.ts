import {mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {exitCodes} from '../../source/errors.js';
import type {CreatedResource} from '../../source/wizard/events.js';
import {LedgerError, RunLedger, type LedgerEntry} from '../../source/wizard/ledger.js';

let folder: string;
let path: string;

beforeEach(async () => {
	folder = await mkdtemp(join(tmpdir(), 'ca-wizard-ledger-'));
	path = join(folder, 'run.json');
});

afterEach(async () => {
	await rm(folder, {recursive: true, force: true});
});

const domain: CreatedResource = {kind: 'domain', name: 'ca-wizard-demo', arn: 'arn:aws:codeartifact:eu-west-1:123456789012:domain/ca-wizard-demo'};
const repository: CreatedResource = {kind: 'repository', name: 'maven-repo', details: {domain: 'ca-wizard-demo', repository: 'maven-repo'}};
const started = new Date('2024-03-10T12:00:00.000Z');
const at = '2024-03-10T12:05:00.000Z';
const clock = () => new Date(at);
const created = (resource: CreatedResource) => ({...resource, state: 'created', createdAt: at});

describe('RunLedger', () => {
	it('starts empty without writing anything', async () => {
		const ledger = await RunLedger.open(path, started);
		expect(ledger.resources).toEqual([]);
		expect(ledger.startedAt).toBe('2024-03-10T12:00:00.000Z');
		await expect(stat(path)).rejects.toMatchObject({code: 'ENOENT'});
	});

	it('persists the intent before the create call and the confirmation after it, each before resolving', async () => {
		const ledger = await RunLedger.open(path, started, clock);
		await ledger.intend({kind: 'domain', name: 'ca-wizard-demo', details: {domain: 'ca-wizard-demo'}});
		expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
			version: 2,
			startedAt: '2024-03-10T12:00:00.000Z',
			runId: ledger.runId,
			resources: [{kind: 'domain', name: 'ca-wizard-demo', details: {domain: 'ca-wizard-demo'}, state: 'intended', intendedAt: at}],
		});
		expect(ledger.resources).toEqual([]);
		expect(ledger.pending.map(entry => entry.name)).toEqual(['ca-wizard-demo']);
		await ledger.confirm({...domain, details: {domain: 'ca-wizard-demo', owner: '123456789012'}});
		expect(JSON.parse(await readFile(path, 'utf8')).resources).toEqual([
			{...domain, details: {domain: 'ca-wizard-demo', owner: '123456789012'}, state: 'created', intendedAt: at, createdAt: at},
		]);
		expect(ledger.pending).toEqual([]);
		await ledger.confirm(repository); // without an intent: appended
		expect(JSON.parse(await readFile(path, 'utf8')).resources.map((entry: CreatedResource) => entry.kind)).toEqual(['domain', 'repository']);
	});

	it('writes the file with mode 0600 and leaves no temporary files', async () => {
		const ledger = await RunLedger.open(path);
		await ledger.confirm(domain);
		await ledger.confirm(repository);
		expect((await stat(path)).mode & 0o777).toBe(0o600);
		expect(await readdir(folder)).toEqual(['run.json']);
	});

	it('reads back what an earlier run recorded', async () => {
		const first = await RunLedger.open(path, started, clock);
		await first.confirm(domain);
		await first.confirm(repository);
		const second = await RunLedger.open(path, new Date('2030-01-01T00:00:00Z'), clock);
		expect(second.resources).toEqual([created(domain), created(repository)]);
		expect(second.startedAt).toBe('2024-03-10T12:00:00.000Z');
		expect(second.runId).toBe(first.runId); // one run id per work folder, kept in the file
		expect(first.runId).toMatch(/^[0-9a-f-]{36}$/);
		expect(second.has('domain', 'ca-wizard-demo')).toBe(true);
		expect(second.has('repository', 'ca-wizard-demo')).toBe(false);
		expect(second.has('iam-role', 'ca-wizard-build-host')).toBe(false);
		await second.confirm({kind: 'iam-role', name: 'ca-wizard-build-host'});
		expect((await RunLedger.open(path)).resources.map(resource => resource.kind)).toEqual(['domain', 'repository', 'iam-role']);
	});

	it('creates the folder it needs', async () => {
		const nested = join(folder, 'runs', 'today', 'run.json');
		const ledger = await RunLedger.open(nested, started, clock);
		await ledger.confirm(domain);
		expect((await RunLedger.open(nested)).resources).toEqual([created(domain)]);
	});

	it('keeps concurrent changes in call order, all persisted', async () => {
		const ledger = await RunLedger.open(path);
		const names = Array.from({length: 20}, (_, i) => `file-${i}`);
		await Promise.all(names.flatMap(name => [ledger.intend({kind: 'file', name}), ledger.confirm({kind: 'file', name})]));
		expect(ledger.resources.map(resource => resource.name)).toEqual(names);
		expect((await RunLedger.open(path)).resources.map(resource => resource.name)).toEqual(names);
	});

	it('confirms the same resource once, so resume can confirm again', async () => {
		const ledger = await RunLedger.open(path);
		await ledger.confirm(repository);
		const written = await readFile(path, 'utf8');
		await ledger.confirm({...repository, details: {repository: 'maven-repo', domain: 'ca-wizard-demo'}});
		expect(ledger.resources).toHaveLength(1);
		expect(await readFile(path, 'utf8')).toBe(written); // not even rewritten
		await ledger.confirm({...repository, details: {domain: 'other', repository: 'maven-repo'}});
		expect(ledger.resources).toHaveLength(2); // the same name in another domain is another repository
	});

	it('an intent left by a stopped run is still pending when the file is read again; confirming it later says so', async () => {
		const stopped = await RunLedger.open(path, started, clock);
		await stopped.confirm(domain);
		await stopped.intend(repository); // killed before the confirmation
		const next = await RunLedger.open(path, new Date(), clock);
		expect(next.pending).toEqual([{...repository, state: 'intended', intendedAt: at}]);
		expect(next.resources).toEqual([created(domain)]);
		await next.confirm({...repository, arn: 'arn:repo'}, {later: true});
		expect((await RunLedger.open(path)).entries.at(-1)).toEqual({
			...repository,
			arn: 'arn:repo',
			state: 'created',
			intendedAt: at,
			createdAt: at,
			confirmedLater: true,
		});
	});

	it('drops an intent whose resource was never made, and only an intent', async () => {
		const ledger = await RunLedger.open(path);
		await ledger.confirm(domain);
		await ledger.intend(repository);
		await ledger.drop(repository);
		await ledger.drop(domain);
		expect((await RunLedger.open(path)).entries.map(entry => `${entry.kind}:${entry.state}`)).toEqual(['domain:created']);
	});

	it('an intent for what it holds already (deleted since) moves it to the end, as the newest', async () => {
		const ledger = await RunLedger.open(path);
		await ledger.confirm(domain);
		await ledger.confirm(repository);
		await ledger.intend(domain);
		expect(ledger.entries.map(entry => `${entry.kind}:${entry.state}`)).toEqual(['repository:created', 'domain:intended']);
	});

	it('notes what was reused once, never as created, and never over what ca-wizard made', async () => {
		const ledger = await RunLedger.open(path, started, clock);
		const role: CreatedResource = {kind: 'iam-role', name: 'theirs', arn: 'arn:aws:iam::1:role/theirs'};
		await ledger.reused(role);
		await ledger.reused(role);
		await ledger.confirm(domain);
		await ledger.reused(domain);
		expect(ledger.entries).toEqual([{...role, state: 'reused', foundAt: at}, created(domain)]);
		expect(ledger.resources).toEqual([created(domain)]);
	});

	it('reads a version 1 file (created resources only) as confirmed entries, and writes version 2 from then on', async () => {
		await writeFile(path, JSON.stringify({version: 1, startedAt: '2024-03-10T12:00:00.000Z', resources: [domain, repository]}));
		const ledger = await RunLedger.open(path, new Date(), clock);
		expect(ledger.resources).toEqual([
			{...domain, state: 'created'},
			{...repository, state: 'created'},
		]);
		expect(ledger.pending).toEqual([]);
		await ledger.confirm({kind: 'iam-role', name: 'ca-wizard-build-host'});
		const file = JSON.parse(await readFile(path, 'utf8'));
		expect(file.version).toBe(2);
		expect(file.resources.map((entry: {state: string}) => entry.state)).toEqual(['created', 'created', 'created']);
	});

	it('hands out snapshots and copies callers cannot use to change the record', async () => {
		const ledger = await RunLedger.open(path);
		const details = {domain: 'd', repository: 'r'};
		await ledger.confirm({kind: 'repository', name: 'r', details});
		const before = ledger.resources;
		details.domain = 'changed';
		await ledger.confirm(domain);
		expect(before).toHaveLength(1);
		expect(ledger.resources[0]?.details).toEqual({domain: 'd', repository: 'r'});
		expect(() => (ledger.entries as LedgerEntry[]).push({...domain, state: 'created'})).toThrow(TypeError);
	});

	it('when a write fails, rejects and remembers nothing new', async () => {
		const blocked = join(folder, 'sub');
		const ledger = await RunLedger.open(join(blocked, 'run.json'), started, clock);
		await writeFile(blocked, 'a file where the folder should be'); // fails even for root
		await expect(ledger.intend(domain)).rejects.toThrow();
		expect(ledger.entries).toEqual([]);
		await rm(blocked);
		await ledger.confirm(repository); // the queue is not stuck after a failure
		expect((await RunLedger.open(join(blocked, 'run.json'))).resources).toEqual([created(repository)]);
	});

	describe('a file that cannot be read', () => {
		const corrupt = async (text: string): Promise<LedgerError> => {
			await writeFile(path, text);
			const error = await RunLedger.open(path).then(
				() => undefined,
				(caught: unknown) => caught,
			);
			expect(error).toBeInstanceOf(LedgerError);
			expect(await readFile(path, 'utf8')).toBe(text); // left byte for byte
			return error as LedgerError;
		};

		it('names the path and the fix, and overwrites nothing', async () => {
			const error = await corrupt('{"version": 1, "startedAt": "2024-03-10T12:00:00Z", "resources": [');
			expect(error.code).toBe('LedgerUnreadable');
			expect(error.path).toBe(path);
			expect(error.message).toContain(path);
			expect(error.message).toMatch(/not valid JSON/);
			expect(error.fix).toContain(`Move ${path} aside`);
		});

		it.each([
			['an array', '[]', /not a JSON object/],
			['no version', '{"startedAt": "x", "resources": []}', /no "version" \(1 or 2\)/],
			['no startedAt', '{"version": 1, "resources": []}', /no "startedAt"/],
			['no resources', '{"version": 1, "startedAt": "x"}', /no "resources" list/],
			['an unknown kind', '{"version": 1, "startedAt": "x", "resources": [{"kind": "bucket", "name": "b"}]}', /resources\[0\] has an unknown kind "bucket"/],
			['a nameless resource', '{"version": 1, "startedAt": "x", "resources": [{"kind": "domain"}]}', /resources\[0\] has no name/],
			['a numeric ARN', '{"version": 1, "startedAt": "x", "resources": [{"kind": "domain", "name": "d", "arn": 5}]}', /ARN that is not a string/],
			[
				'non-string details',
				'{"version": 1, "startedAt": "x", "resources": [{"kind": "domain", "name": "d", "details": {"a": 1}}]}',
				/details that are not all strings/,
			],
			['an empty file', '', /not valid JSON/],
			[
				'an entry without a state',
				'{"version": 2, "startedAt": "x", "resources": [{"kind": "domain", "name": "d"}]}',
				/resources\[0\] has an unknown state undefined/,
			],
			[
				'a numeric time',
				'{"version": 2, "startedAt": "x", "resources": [{"kind": "domain", "name": "d", "state": "intended", "intendedAt": 5}]}',
				/resources\[0\] has a intendedAt that is not a string/,
			],
		])('rejects %s', async (_label, text, reason) => {
			expect((await corrupt(text)).message).toMatch(reason);
		});

		it('says when a newer ca-wizard wrote it', async () => {
			const error = await corrupt('{"version": 3, "startedAt": "x", "resources": []}');
			expect(error.message).toMatch(/newer ca-wizard \(format version 3\)/);
			expect(error.fix).toMatch(/newer ca-wizard/);
		});
	});

	it('passes other read errors through', async () => {
		await expect(RunLedger.open(folder)).rejects.toMatchObject({code: 'EISDIR'});
	});
});

// A work folder's record names the workshop participant whose runs it holds: destroy and list
// read it, and a run for another participant refuses to continue there.
describe('the participant in the run record', () => {
	const domain = {kind: 'domain', name: 'p1-ca-wizard-demo', details: {domain: 'p1-ca-wizard-demo'}} as const;

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
