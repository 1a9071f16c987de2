import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ensurePackage, putVersionAsset} from '../../source/sandbox/codeartifact/package-store.js';
import {SandboxStore} from '../../source/sandbox/store/sandbox-store.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

// A commit that changed no package writes the packages' JSON of the snapshot before: the
// snapshot must still be exactly the state in memory, whatever came between.

const defaults = {region: 'us-east-1', scenario: 'no-profile'} as const;
const coordinates = (name: string) => ({domain: 'd', repository: 'r', format: 'maven', namespace: 'org.example', name}) as const;
const addPackage = (store: SandboxStore, name: string) =>
	putVersionAsset(
		ensurePackage(store.state, coordinates(name), 'external'),
		'1.0',
		{name: `${name}-1.0.pom`, size: 3, hashes: {MD5: 'a', 'SHA-1': 'b', 'SHA-256': 'abc', 'SHA-512': 'd'}, blob: 'abc'},
		{origin: {domainEntryPoint: {externalConnectionName: 'public:maven-central'}, originType: 'EXTERNAL'}, publishedTime: 1},
	);

// A change that touches no package, as CreateDomain makes.
const addDomain = (store: SandboxStore, name: string) => {
	store.state.domains[name] = {name, createdTime: 2, encryptionKey: name, tags: []};
};

let dataDir: string | undefined;
afterEach(() => {
	if (dataDir) rmSync(dataDir, {recursive: true, force: true});
});

function storeWithWrites(fail: () => boolean = () => false) {
	dataDir = temporaryDirectory('ca-wizard-snapshot-');
	const path = join(dataDir, 'state.json');
	const store = new SandboxStore(dataDir, defaults, (target, text) => {
		if (fail()) throw new Error('ENOSPC: no space left on device');
		writeFileSync(target, text);
	});
	return {store, onDisk: () => readFileSync(path, 'utf8')};
}

describe('a snapshot that keeps the packages of the one before', () => {
	it('is the state in memory, character for character, in the same order of keys', () => {
		const {store, onDisk} = storeWithWrites();
		addPackage(store, 'a');
		store.commit();
		addDomain(store, 'd2');
		store.commit({packagesUnchanged: true});
		expect(onDisk()).toBe(JSON.stringify(store.state));
	});

	it('writes the cache fills still waiting (commitLater) with it', () => {
		const {store, onDisk} = storeWithWrites();
		store.commit();
		addPackage(store, 'fetched');
		store.commitLater(60_000);
		addDomain(store, 'd2');
		store.commit({packagesUnchanged: true});
		expect(onDisk()).toBe(JSON.stringify(store.state));
		expect(onDisk()).toContain('fetched-1.0.pom');
	});

	it('after a failed commit, writes the packages memory holds again (the failed change undone)', () => {
		let failing = false;
		const {store, onDisk} = storeWithWrites(() => failing);
		addPackage(store, 'kept');
		store.commit();
		addPackage(store, 'lost');
		failing = true;
		expect(() => store.commit()).toThrow('ENOSPC');
		failing = false;
		addDomain(store, 'd2');
		store.commit({packagesUnchanged: true});
		expect(onDisk()).toBe(JSON.stringify(store.state));
		expect(onDisk()).not.toContain('lost-1.0.pom');
	});

	it('is whole when some text of the state looks like the marker the packages are swapped in for', () => {
		const {store, onDisk} = storeWithWrites();
		addPackage(store, 'a');
		store.commit();
		addDomain(store, '\uD800packages');
		store.commit({packagesUnchanged: true});
		expect(onDisk()).toBe(JSON.stringify(store.state));
	});
});
