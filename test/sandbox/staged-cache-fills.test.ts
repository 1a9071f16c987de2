import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ensurePackage, putVersionAsset} from '../../source/sandbox/codeartifact/package-store.js';
import {assetSummary} from '../../source/sandbox/codeartifact/shapes.js';
import type {AssetRecord} from '../../source/sandbox/state.js';
import {SandboxStore} from '../../source/sandbox/store/sandbox-store.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

// A cache fill is served from memory and written just after its reply; no snapshot may name a
// blob the disk does not hold, and the hashes a cache fill leaves out are made when asked for.

const defaults = {region: 'us-east-1', scenario: 'no-profile'} as const;
const bytes = Buffer.from(Array.from({length: 70_000}, (_, index) => (index * 13) % 251));
const hex = (algorithm: string) => createHash(algorithm).update(bytes).digest('hex');
const nextTurn = () => new Promise(resolve => setImmediate(resolve));

let dataDir: string | undefined;
afterEach(() => {
	if (dataDir) rmSync(dataDir, {recursive: true, force: true});
});

function newStore() {
	const folder = temporaryDirectory('ca-wizard-staged-');
	dataDir = folder;
	const reported: string[] = [];
	return {
		store: new SandboxStore(folder, defaults, undefined, message => reported.push(message)),
		reported,
		blobPath: join(folder, 'blobs', hex('sha256').slice(0, 2), hex('sha256')),
		/** Where the store keeps the blob of `data`. */
		blobPathOf: (data: Buffer) => {
			const sha = createHash('sha256').update(data).digest('hex');
			return join(folder, 'blobs', sha.slice(0, 2), sha);
		},
		snapshot: () => readFileSync(join(folder, 'state.json'), 'utf8'),
	};
}

function record(store: SandboxStore, asset: AssetRecord): void {
	const coordinates = {domain: 'd', repository: 'r', format: 'maven', namespace: 'org.example', name: 'kit'} as const;
	putVersionAsset(ensurePackage(store.state, coordinates, 'external'), '1.0', asset, {
		origin: {domainEntryPoint: {externalConnectionName: 'public:maven-central'}, originType: 'EXTERNAL'},
		publishedTime: 1,
	});
	store.commitLater(60_000);
}

describe('a staged cache fill', () => {
	it('is served from memory at once and written at the end of this turn of the event loop', async () => {
		const {store, blobPath} = newStore();
		const asset = store.blobs.stage('kit-1.0.jar', bytes);
		expect(asset).toMatchObject({size: bytes.length, blob: hex('sha256'), hashes: {'SHA-1': hex('sha1'), 'SHA-256': hex('sha256')}});
		expect(existsSync(blobPath)).toBe(false);
		expect(store.blobs.get(asset.blob).equals(bytes)).toBe(true);
		await nextTurn();
		expect(readFileSync(blobPath).equals(bytes)).toBe(true);
		expect(readdirSync(join(blobPath, '..'))).toEqual([hex('sha256')]); // no temporary file left
	});

	it('is written before a snapshot that names it, even when that comes first', () => {
		const {store, blobPath, snapshot} = newStore();
		record(store, store.blobs.stage('kit-1.0.jar', bytes));
		store.flush();
		expect(readFileSync(blobPath).equals(bytes)).toBe(true);
		expect(snapshot()).toContain(hex('sha256'));
	});

	it('that cannot be written is still served, and the snapshot that would name it is refused and forgotten', async () => {
		const {store, blobPath, snapshot, reported} = newStore();
		const before = snapshot();
		writeFileSync(join(blobPath, '..'), 'not a folder'); // the blob's fan-out folder cannot be made
		const asset = store.blobs.stage('kit-1.0.jar', bytes);
		record(store, asset);
		await nextTurn(); // the write failed: the blob stays staged, and the log says so once
		expect(store.blobs.get(asset.blob).equals(bytes)).toBe(true);
		store.blobs.stage('kit-1.0.jar', bytes);
		await nextTurn();
		expect(reported).toEqual([expect.stringMatching(/^warning: files fetched from an upstream cannot be stored yet \(.*(EEXIST|ENOTDIR)/)]);
		expect(() => store.flush()).toThrow(/EEXIST|ENOTDIR/);
		expect(snapshot()).toBe(before);
		expect(store.state.packages).toEqual(JSON.parse(before).packages);
		expect(() => store.blobs.get(asset.blob)).toThrow(/ENOTDIR|ENOENT/);
	});

	it('keeps SHA-1 and SHA-256 only; its MD5 and SHA-512 are made from the bytes when asked for, and kept', async () => {
		const {store, snapshot} = newStore();
		const asset = store.blobs.stage('kit-1.0.jar', bytes);
		const copy = structuredClone(asset); // as the record is read back from a snapshot
		record(store, asset);
		await nextTurn();
		store.flush();
		expect(asset.hashes).toEqual({'SHA-1': hex('sha1'), 'SHA-256': hex('sha256')});
		expect(snapshot()).not.toContain(hex('sha512'));
		const all = {MD5: hex('md5'), 'SHA-1': hex('sha1'), 'SHA-256': hex('sha256'), 'SHA-512': hex('sha512')};
		expect(store.blobs.hashesOf(copy)).toEqual(all); // from the blob on disk
		expect(copy.hashes).toEqual(all);
		expect(store.blobs.hashesOf(asset)).toEqual(all);
		store.commit();
		expect(snapshot()).toContain(hex('sha512'));
	});

	it('whose blob is damaged still lists, with the hashes its record holds', () => {
		const {store, blobPath} = newStore();
		const asset = store.blobs.stage('kit-1.0.jar', bytes);
		record(store, asset);
		store.flush();
		writeFileSync(blobPath, bytes.subarray(1));
		expect(assetSummary(store.blobs, asset).hashes).toEqual({'SHA-1': hex('sha1'), 'SHA-256': hex('sha256')});
		expect(() => store.blobs.get(asset.blob)).toThrow(expect.objectContaining({name: 'DamagedBlobError'}));
		writeFileSync(blobPath, bytes);
		expect(assetSummary(store.blobs, asset).hashes).toEqual({MD5: hex('md5'), 'SHA-1': hex('sha1'), 'SHA-256': hex('sha256'), 'SHA-512': hex('sha512')});
	});

	it('is replaced by a publish of the same bytes, which is written before it returns', () => {
		const {store, blobPath} = newStore();
		store.blobs.stage('kit-1.0.jar', bytes);
		const published = store.blobs.put('kit-1.0.jar', bytes);
		expect(readFileSync(blobPath).equals(bytes)).toBe(true);
		expect(published.hashes).toEqual({MD5: hex('md5'), 'SHA-1': hex('sha1'), 'SHA-256': hex('sha256'), 'SHA-512': hex('sha512')});
	});
});

describe('a store once closed (the sandbox stopped)', () => {
	it('has written what waited, writes nothing more, and refuses a commit', async () => {
		const {store, blobPath, blobPathOf, snapshot} = newStore();
		record(store, store.blobs.stage('kit-1.0.jar', bytes));
		store.close();
		const closed = snapshot();
		expect(closed).toContain(hex('sha256'));
		expect(readFileSync(blobPath).equals(bytes)).toBe(true);
		// A cache fill whose upstream answered only now: neither its blob nor its record reaches the folder.
		const late = Buffer.from('late');
		record(store, store.blobs.stage('late-1.0.jar', late));
		await nextTurn();
		expect(existsSync(blobPathOf(late))).toBe(false);
		expect(() => store.commit()).toThrow(/stopped/);
		expect(snapshot()).toBe(closed);
		expect(() => store.blobs.put('late-1.0.jar', late)).toThrow(/stopped/);
	});

	it('writes nothing more even when its last snapshot fails', async () => {
		const {store, blobPath, blobPathOf, snapshot} = newStore();
		const before = snapshot();
		writeFileSync(join(blobPath, '..'), 'not a folder'); // the waiting blob cannot be written
		record(store, store.blobs.stage('kit-1.0.jar', bytes));
		expect(() => store.close()).toThrow(/EEXIST|ENOTDIR/);
		const late = Buffer.from('late');
		store.blobs.stage('late-1.0.jar', late);
		await nextTurn();
		expect(existsSync(blobPathOf(late))).toBe(false);
		expect(() => store.commit()).toThrow(/stopped/);
		expect(snapshot()).toBe(before);
	});
});
