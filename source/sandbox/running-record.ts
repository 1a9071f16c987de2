import {readFileSync, unlinkSync} from 'node:fs';
import {join} from 'node:path';
import {writeFileAtomic} from '../files/atomic-file.js';

// DATA/sandbox.json: how to reach the sandbox running on a data folder (`ca-wizard sandbox env`
// reads it, so may scripts). Written once the sandbox listens, atomically and 0600 since it
// holds the admin keys; removed when it stops cleanly. A kill -9 leaves it behind, which is why
// a reader also asks the folder's lock and the endpoint whether anyone is still there.

export const recordFileName = 'sandbox.json';

export interface SandboxRecord {
	endpoint: string;
	region: string;
	accountId: string;
	adminAccessKeyId: string;
	adminSecretAccessKey: string;
	/** The first build host's id (instances[0]). */
	instanceId: string;
	instances: Array<{instanceId: string; name: string; metadataEndpoint: string}>;
	/** The second account's users' keys (auth/other-account.ts), by user name; absent in a record written before it. */
	otherAccountUsers?: Record<string, {accessKeyId: string; secretAccessKey: string}>;
}

/** Throws a FileWriteError (with its fix) when the folder cannot take it. */
export function writeRecord(dataDir: string, record: SandboxRecord): void {
	writeFileAtomic(join(dataDir, recordFileName), JSON.stringify(record, null, 2) + '\n', {mode: 0o600});
}

export function removeRecord(dataDir: string): void {
	try {
		unlinkSync(join(dataDir, recordFileName));
	} catch {
		// Already gone: nobody can be sent to a stopped sandbox either way.
	}
}

/** The record on `dataDir`, or undefined when there is none (or it is not one: a torn or foreign file tells nothing). */
export function readRecord(dataDir: string): SandboxRecord | undefined {
	let parsed: Partial<SandboxRecord>;
	try {
		parsed = JSON.parse(readFileSync(join(dataDir, recordFileName), 'utf8')) as Partial<SandboxRecord>;
	} catch {
		return undefined;
	}
	const texts = [parsed.endpoint, parsed.region, parsed.accountId, parsed.adminAccessKeyId, parsed.adminSecretAccessKey, parsed.instanceId];
	return texts.every(text => typeof text === 'string') && Array.isArray(parsed.instances) ? (parsed as SandboxRecord) : undefined;
}

/**
 * The environment a shell (or a child process) needs to reach the sandbox as the admin, with the
 * first build host's metadata endpoint: what `--print-env` and `sandbox env` print.
 */
export function adminEnvironment(record: SandboxRecord): Record<string, string> {
	return {
		AWS_ENDPOINT_URL: record.endpoint,
		AWS_ACCESS_KEY_ID: record.adminAccessKeyId,
		AWS_SECRET_ACCESS_KEY: record.adminSecretAccessKey,
		AWS_REGION: record.region,
		AWS_DEFAULT_REGION: record.region, // the aws CLI v1 reads only this one
		AWS_EC2_METADATA_SERVICE_ENDPOINT: `${record.endpoint}/`,
	};
}

/** adminEnvironment() with the keys of one of the second account's users instead; undefined for a user the record does not hold. */
export function otherAccountEnvironment(record: SandboxRecord, userName: string): Record<string, string> | undefined {
	const keys = record.otherAccountUsers?.[userName];
	return keys && {...adminEnvironment(record), AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey};
}
