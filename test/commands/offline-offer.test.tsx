import {renderWizard, keys} from '../helpers/render.js';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {connectOrOffline} from '../../source/commands/offline-offer.js';
import {invocationName} from '../../source/commands/invocation-name.js';
import type {Connection} from '../../source/commands/connect-target.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

// No usable credentials: a profile that exists nowhere (the SDK refuses before any request).
const noCredentials = {target: {kind: 'aws' as const, profile: 'ca-wizard-test-no-such-profile', region: 'us-east-1'}};
const connections: Connection[] = [];
afterEach(async () => {
	for (const connection of connections.splice(0)) await connection.close();
});

it('at a terminal, says AWS cannot be reached and why, offers the offline journey at 80×24, and Enter takes it', async () => {
	const wizard = renderWizard([], {columns: 80, rows: 24});
	const workDir = temporaryDirectory('ca-wizard-offline-');
	const reached = connectOrOffline(noCredentials, workDir, wizard.host, 'ask');
	const frame = await wizard.waitForText('? Walk the journey offline, on an embedded sandbox');
	expect(frame.replace(/\s*│\s*/g, ' ')).toContain('No usable AWS credentials were found, so ca-wizard cannot reach AWS');
	expect(frame.replace(/\s*│\s*/g, ' ').replace(/\s+/g, ' ')).toContain(`Or walk the journey offline now, as ${invocationName()} --sandbox would: Enter.`);
	expect(frame).toContain('(Y/n)');
	expect(wizard.height()).toBeLessThan(24);
	await wizard.press(keys.enter);
	const {connection, offline} = await reached;
	connections.push(connection);
	expect(offline).toBe(true);
	expect(connection.kind).toBe('sandbox');
	expect(connection.sandboxEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	const identity = await connection.aws.sts.getCallerIdentity();
	expect(identity.arn).toMatch(/^arn:aws:/);
	await wizard.waitForText('nothing reaches AWS');
});

it('without a terminal (or with --yes) it stops, naming --sandbox, and never switches', async () => {
	const wizard = renderWizard([]);
	await expect(connectOrOffline(noCredentials, temporaryDirectory('ca-wizard-offline-'), wizard.host, 'stop')).rejects.toMatchObject({
		code: 'NoCredentials',
		fix: expect.stringContaining(`run ${invocationName()} --sandbox.`),
	});
	expect(wizard.store.getState().question).toBeUndefined();
});

it('declined with n, it stops with the problem and its fixes, and starts no sandbox', async () => {
	const wizard = renderWizard([], {columns: 80, rows: 24});
	const workDir = temporaryDirectory('ca-wizard-offline-');
	// Caught at once: the refusal may come while the key is still being pressed, before an await could see it.
	const refused = connectOrOffline(noCredentials, workDir, wizard.host, 'ask').then(
		() => undefined,
		(error: unknown) => error,
	);
	await wizard.waitForText('? Walk the journey offline');
	await wizard.press('n');
	expect(await refused).toMatchObject({code: 'NoCredentials', fix: expect.stringContaining('aws configure')});
	expect(existsSync(join(workDir, 'sandbox-data'))).toBe(false);
});
