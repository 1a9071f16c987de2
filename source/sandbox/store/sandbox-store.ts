import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {SandboxState, Scenario} from '../state.js';
import {SandboxError} from '../errors.js';
import {writeFileAtomic} from '../../files/atomic-file.js';
import {BlobStore} from './blob-store.js';
import {initialState} from './initial-state.js';

/**
 * Holds the state in memory and persists a full snapshot on every commit. Snapshots are small
 * (metadata only; asset bytes live in the blob store), and a synchronous write before the
 * reply means an acknowledged change survives a kill -9 at any moment.
 */
export class SandboxStore {
	readonly state: SandboxState;
	readonly blobs: BlobStore;
	readonly created: boolean;
	private readonly statePath: string;

	constructor(readonly directory: string, defaults: {region: string; scenario: Scenario}) {
		mkdirSync(directory, {recursive: true, mode: 0o700});
		this.statePath = join(directory, 'state.json');
		this.blobs = new BlobStore(join(directory, 'blobs'));
		if (existsSync(this.statePath)) {
			this.state = readState(this.statePath);
			this.created = false;
		} else {
			this.state = initialState(defaults);
			this.created = true;
			this.commit();
		}
	}

	commit(): void {
		writeFileAtomic(this.statePath, JSON.stringify(this.state));
	}
}

function readState(path: string): SandboxState {
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new SandboxError('CorruptState', `The sandbox state ${path} cannot be read (${(error as Error).message}). Move it away or pass another folder with --data DIR.`);
	}
	if (typeof parsed !== 'object' || parsed === null || (parsed as {version?: unknown}).version !== 1) {
		throw new SandboxError('CorruptState', `The sandbox state ${path} is not a version-1 sandbox state. Pass another folder with --data DIR.`);
	}
	return parsed as SandboxState;
}
