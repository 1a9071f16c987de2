import {createServer} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {lockFolder} from '../../source/files/folder-lock.js';
import {findRunningSandbox} from '../../source/sandbox/find-running.js';
import {writeRecord, type SandboxRecord} from '../../source/sandbox/running-record.js';
import {startSandbox} from '../../source/sandbox/index.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

const releases: Array<() => void> = [];
afterEach(() => {
	for (const release of releases.splice(0)) release();
});

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise(resolve => server.close(resolve));
	return port;
}

function record(endpoint: string): SandboxRecord {
	return {endpoint, region: 'us-east-1', accountId: '123456789012', adminAccessKeyId: 'AKIA', adminSecretAccessKey: 'secret', instanceId: 'i-1', instances: []};
}

describe('finding the sandbox running on a data folder', () => {
	it('finds a started one, and none once it stopped', async () => {
		const dataDir = temporaryDirectory();
		const sandbox = await startSandbox({dataDir});
		await expect(findRunningSandbox(dataDir, 'start it')).resolves.toMatchObject({endpoint: sandbox.endpoint, adminAccessKeyId: sandbox.admin.accessKeyId});
		await sandbox.stop();
		await expect(findRunningSandbox(dataDir, 'start it')).rejects.toMatchObject({code: 'SandboxNotRunning', fix: expect.stringContaining('`start it`')});
	});

	it('a live holder of the folder that has said nowhere where it listens is not one to send anyone to', async () => {
		const dataDir = temporaryDirectory();
		releases.push(lockFolder(dataDir, {role: 'data folder', holder: 'another sandbox', alternative: 'pass another folder'}));
		await expect(findRunningSandbox(dataDir, 'start it')).rejects.toMatchObject({
			code: 'SandboxNotRunning',
			message: expect.stringMatching(new RegExp(`^pid ${process.pid} holds the data folder .*\\(no sandbox\\.json\\)`)),
		});
	});

	it('a live holder whose endpoint does not answer is named, with its pid', async () => {
		const dataDir = temporaryDirectory();
		releases.push(lockFolder(dataDir, {role: 'data folder', holder: 'another sandbox', alternative: 'pass another folder'}));
		const endpoint = `http://127.0.0.1:${await closedPort()}`;
		writeRecord(dataDir, record(endpoint));
		await expect(findRunningSandbox(dataDir, 'start it')).rejects.toMatchObject({
			code: 'SandboxNotAnswering',
			message: `The sandbox on ${dataDir} (pid ${process.pid}) does not answer at ${endpoint} (ECONNREFUSED).`,
		});
	});
});
