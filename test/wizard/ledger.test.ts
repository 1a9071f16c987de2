import {mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {CreatedResource} from '../../source/wizard/events.js';
import {LedgerError, RunLedger} from '../../source/wizard/ledger.js';

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

describe('RunLedger', () => {
	it('starts empty without writing anything', async () => {
		const ledger = await RunLedger.open(path, started);
		expect(ledger.resources).toEqual([]);
		expect(ledger.startedAt).toBe('2024-03-10T12:00:00.000Z');
		await expect(stat(path)).rejects.toMatchObject({code: 'ENOENT'});
	});

	it('persists each record before resolving, as {version, startedAt, resources}', async () => {
		const ledger = await RunLedger.open(path, started);
		await ledger.record(domain);
		expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({version: 1, startedAt: '2024-03-10T12:00:00.000Z', resources: [domain]});
		await ledger.record(repository);
		expect(JSON.parse(await readFile(path, 'utf8')).resources).toEqual([domain, repository]);
	});

	it('writes the file with mode 0600 and leaves no temporary files', async () => {
		const ledger = await RunLedger.open(path);
		await ledger.record(domain);
		await ledger.record(repository);
		expect((await stat(path)).mode & 0o777).toBe(0o600);
		expect(await readdir(folder)).toEqual(['run.json']);
	});

	it('reads back what an earlier run recorded', async () => {
		const first = await RunLedger.open(path, started);
		await first.record(domain);
		await first.record(repository);
		const second = await RunLedger.open(path, new Date('2030-01-01T00:00:00Z'));
		expect(second.resources).toEqual([domain, repository]);
		expect(second.startedAt).toBe('2024-03-10T12:00:00.000Z');
		expect(second.has('domain', 'ca-wizard-demo')).toBe(true);
		expect(second.has('repository', 'ca-wizard-demo')).toBe(false);
		expect(second.has('iam-role', 'ca-wizard-build-host')).toBe(false);
		await second.record({kind: 'iam-role', name: 'ca-wizard-build-host'});
		expect((await RunLedger.open(path)).resources.map(resource => resource.kind)).toEqual(['domain', 'repository', 'iam-role']);
	});

	it('creates the folder it needs', async () => {
		const nested = join(folder, 'runs', 'today', 'run.json');
		const ledger = await RunLedger.open(nested);
		await ledger.record(domain);
		expect((await RunLedger.open(nested)).resources).toEqual([domain]);
	});

	it('keeps concurrent records in call order, all persisted', async () => {
		const ledger = await RunLedger.open(path);
		const names = Array.from({length: 20}, (_, i) => `file-${i}`);
		await Promise.all(names.map(name => ledger.record({kind: 'file', name})));
		expect(ledger.resources.map(resource => resource.name)).toEqual(names);
		expect((await RunLedger.open(path)).resources.map(resource => resource.name)).toEqual(names);
	});

	it('records the same resource once, so resume can record again', async () => {
		const ledger = await RunLedger.open(path);
		await ledger.record(repository);
		await ledger.record({...repository, details: {repository: 'maven-repo', domain: 'ca-wizard-demo'}});
		expect(ledger.resources).toHaveLength(1);
		await ledger.record({...repository, details: {domain: 'other', repository: 'maven-repo'}});
		expect(ledger.resources).toHaveLength(2);
	});

	it('hands out snapshots and copies callers cannot use to change the record', async () => {
		const ledger = await RunLedger.open(path);
		const details = {domain: 'd', repository: 'r'};
		await ledger.record({kind: 'repository', name: 'r', details});
		const before = ledger.resources;
		details.domain = 'changed';
		await ledger.record(domain);
		expect(before).toHaveLength(1);
		expect(ledger.resources[0]?.details).toEqual({domain: 'd', repository: 'r'});
		expect(() => (ledger.resources as CreatedResource[]).push(domain)).toThrow(TypeError);
	});

	it('when a write fails, rejects and remembers nothing new', async () => {
		const blocked = join(folder, 'sub');
		const ledger = await RunLedger.open(join(blocked, 'run.json'));
		await writeFile(blocked, 'a file where the folder should be'); // fails even for root
		await expect(ledger.record(domain)).rejects.toThrow();
		expect(ledger.resources).toEqual([]);
		await rm(blocked);
		await ledger.record(repository); // the queue is not stuck after a failure
		expect((await RunLedger.open(join(blocked, 'run.json'))).resources).toEqual([repository]);
	});

	describe('a file that cannot be read', () => {
		const corrupt = async (text: string): Promise<LedgerError> => {
			await writeFile(path, text);
			const error = await RunLedger.open(path).then(() => undefined, (caught: unknown) => caught);
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
			['no version', '{"startedAt": "x", "resources": []}', /no "version": 1/],
			['no startedAt', '{"version": 1, "resources": []}', /no "startedAt"/],
			['no resources', '{"version": 1, "startedAt": "x"}', /no "resources" list/],
			['an unknown kind', '{"version": 1, "startedAt": "x", "resources": [{"kind": "bucket", "name": "b"}]}', /resources\[0\] has an unknown kind "bucket"/],
			['a nameless resource', '{"version": 1, "startedAt": "x", "resources": [{"kind": "domain"}]}', /resources\[0\] has no name/],
			['a numeric ARN', '{"version": 1, "startedAt": "x", "resources": [{"kind": "domain", "name": "d", "arn": 5}]}', /ARN that is not a string/],
			['non-string details', '{"version": 1, "startedAt": "x", "resources": [{"kind": "domain", "name": "d", "details": {"a": 1}}]}', /details that are not all strings/],
			['an empty file', '', /not valid JSON/],
		])('rejects %s', async (_label, text, reason) => {
			expect((await corrupt(text)).message).toMatch(reason);
		});

		it('says when a newer ca-wizard wrote it', async () => {
			const error = await corrupt('{"version": 2, "startedAt": "x", "resources": []}');
			expect(error.message).toMatch(/newer ca-wizard \(format version 2\)/);
			expect(error.fix).toMatch(/newer ca-wizard/);
		});
	});

	it('passes other read errors through', async () => {
		await expect(RunLedger.open(folder)).rejects.toMatchObject({code: 'EISDIR'});
	});
});
