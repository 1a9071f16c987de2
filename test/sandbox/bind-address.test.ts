import {rmSync} from 'node:fs';
import {Server} from 'node:net';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {bindAddress, startSandbox} from '../../source/sandbox/index.js';
import {adminConfig, offlineMavenCentral, temporaryDirectory} from '../helpers/sandbox.js';

describe('--host localhost', () => {
	afterEach(() => vi.restoreAllMocks());

	it('binds 127.0.0.1, the address it advertises (localhost may resolve to ::1 alone)', () => {
		expect(bindAddress('localhost')).toBe('127.0.0.1');
		expect(bindAddress('LocalHost')).toBe('127.0.0.1');
		for (const host of ['127.0.0.1', '::1', '0.0.0.0', '192.168.1.5']) expect(bindAddress(host)).toBe(host);
	});

	it('listens on 127.0.0.1 and answers there', async () => {
		const listen = vi.spyOn(Server.prototype, 'listen');
		const dataDir = temporaryDirectory('ca-wizard-sandbox-');
		const sandbox = await startSandbox({host: 'localhost', dataDir, mavenCentral: offlineMavenCentral});
		try {
			expect(listen.mock.calls.map(call => call[1])).toContain('127.0.0.1');
			expect(listen.mock.calls.map(call => call[1])).not.toContain('localhost');
			expect(sandbox.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			const identity = await new STSClient(adminConfig(sandbox)).send(new GetCallerIdentityCommand({}));
			expect(identity.Account).toBe(sandbox.accountId);
		} finally {
			await sandbox.stop();
			rmSync(dataDir, {recursive: true, force: true});
		}
	});
});

describe('--host that is not an address of this machine', () => {
	it('is a sentence with the fix, and leaves the data folder free', async () => {
		const dataDir = temporaryDirectory('ca-wizard-sandbox-');
		// 192.0.2.1 is TEST-NET-1, reserved for documentation: never an address of this machine.
		for (const host of ['192.0.2.1', 'no-such-host.invalid']) {
			await expect(startSandbox({host, dataDir, port: 0, mavenCentral: offlineMavenCentral})).rejects.toMatchObject({
				code: 'BadHost',
				message: expect.stringMatching(new RegExp(`^Cannot listen on ${host.replaceAll('.', '\\.')}: it is not an address of this machine`)),
				fix: expect.stringContaining('--host'),
			});
		}
		const sandbox = await startSandbox({dataDir, port: 0, mavenCentral: offlineMavenCentral});
		await sandbox.stop();
		rmSync(dataDir, {recursive: true, force: true});
	});
});
