import {mkdtempSync, rmSync} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll} from 'vitest';
import {startSandbox, type RunningSandbox, type SandboxOptions} from '../../source/sandbox/index.js';

export const offlineMavenCentral = join(homedir(), '.m2', 'repository');

/** Client configuration for the official SDK clients, as the sandbox's admin. */
export function adminConfig(sandbox: RunningSandbox) {
	return {
		endpoint: sandbox.endpoint,
		region: sandbox.region,
		credentials: {...sandbox.admin}, // a copy: the SDK annotates the object it is given
		maxAttempts: 1,
	};
}

export function temporaryDirectory(prefix = 'ca-wizard-test-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts one sandbox for the file's tests (a fresh data folder) and stops it afterwards. */
export function useSandbox(options: SandboxOptions = {}): {readonly current: RunningSandbox} {
	const holder: {current?: RunningSandbox} = {};
	let dataDir = '';
	beforeAll(async () => {
		dataDir = options.dataDir ?? temporaryDirectory('ca-wizard-sandbox-');
		holder.current = await startSandbox({mavenCentral: offlineMavenCentral, ...options, dataDir});
	});
	afterAll(async () => {
		await holder.current?.stop();
		if (!options.dataDir) rmSync(dataDir, {recursive: true, force: true});
	});
	return {
		get current() {
			if (!holder.current) throw new Error('sandbox not started');
			return holder.current;
		},
	};
}

const metadataEndpointVariable = 'AWS_EC2_METADATA_SERVICE_ENDPOINT';

/** Points the SDK's instance-metadata provider at the sandbox for the enclosing tests, and back afterwards. */
export function useMetadataEndpoint(sandbox: {readonly current: RunningSandbox}): void {
	const saved = process.env[metadataEndpointVariable];
	beforeAll(() => {
		process.env[metadataEndpointVariable] = sandbox.current.env[metadataEndpointVariable];
	});
	afterAll(() => {
		if (saved === undefined) delete process.env[metadataEndpointVariable];
		else process.env[metadataEndpointVariable] = saved;
	});
}
