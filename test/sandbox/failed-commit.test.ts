import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {CreateRoleCommand, GetRoleCommand, IAMClient} from '@aws-sdk/client-iam';
import {afterAll, describe, expect, it} from 'vitest';
import {startSandbox, type RunningSandbox} from '../../source/sandbox/index.js';
import {entry} from '../../source/sandbox/state.js';
import {SandboxStore} from '../../source/sandbox/store/sandbox-store.js';
import {adminConfig, offlineMavenCentral, temporaryDirectory} from '../helpers/sandbox.js';
import {ec2Trust} from '../helpers/trust-policies.js';

// A change whose snapshot cannot be written is not acknowledged, and not kept in memory either:
// otherwise the sandbox would serve it until a restart lost it, or a later commit saved it.

const defaults = {region: 'us-east-1', scenario: 'no-profile'} as const;
const role = (name: string) => ({
	name,
	id: 'AROAEXAMPLEXXXXXXXXXX',
	path: '/',
	description: '',
	assumeRolePolicyDocument: ec2Trust,
	maxSessionDuration: 3600,
	createDate: '2030-01-01T00:00:00Z',
	attachedPolicyArns: [],
	inlinePolicies: {},
	tags: [],
});

describe('SandboxStore.commit() failures', () => {
	const dataDir = temporaryDirectory('ca-wizard-store-');
	afterAll(() => rmSync(dataDir, {recursive: true, force: true}));

	it('restore the last written state into the same object, and rethrow', () => {
		let failing = false;
		const writes: string[] = [];
		const store = new SandboxStore(dataDir, defaults, (path, text) => {
			if (failing) throw new Error('ENOSPC: no space left on device');
			writeFileSync(path, text);
			writes.push(text);
		});
		const held = store.state;
		held.iam.roles['kept'] = role('kept');
		store.commit();
		held.iam.roles['lost'] = role('lost');
		held.domains['lost'] = {name: 'lost', createdTime: 1, encryptionKey: 'k', tags: []};
		failing = true;
		expect(() => store.commit()).toThrow('ENOSPC');
		expect(store.state).toBe(held); // handlers hold this very object
		expect(entry(store.state.iam.roles, 'kept')).toMatchObject({name: 'kept'});
		expect(entry(store.state.iam.roles, 'lost')).toBeUndefined();
		expect(entry(store.state.domains, 'lost')).toBeUndefined();
		expect(JSON.stringify(store.state)).toBe(readFileSync(join(dataDir, 'state.json'), 'utf8'));
		expect(Object.getPrototypeOf(store.state.iam.roles)).toBeNull();
		// Later changes are saved without the undone one.
		failing = false;
		store.state.iam.roles['later'] = role('later');
		store.commit();
		const onDisk = JSON.parse(writes.at(-1)!) as {iam: {roles: Record<string, unknown>}};
		expect(Object.keys(onDisk.iam.roles).sort()).toEqual(['kept', 'later']);
	});
});

describe('a snapshot that cannot be written, over the wire', () => {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	let running: RunningSandbox | undefined;
	afterAll(async () => {
		await running?.stop();
		rmSync(dataDir, {recursive: true, force: true});
	});

	it('answers 500, serves what the disk holds, and works again once the disk does', async () => {
		running = await startSandbox({dataDir, mavenCentral: offlineMavenCentral, scenario: 'no-profile'});
		const iam = new IAMClient(adminConfig(running));
		await iam.send(new CreateRoleCommand({RoleName: 'kept', AssumeRolePolicyDocument: ec2Trust}));
		// Root ignores permissions: a directory where the snapshot goes makes the rename fail.
		const statePath = join(dataDir, 'state.json');
		rmSync(statePath);
		mkdirSync(join(statePath, 'blocker'), {recursive: true});
		await expect(iam.send(new CreateRoleCommand({RoleName: 'lost', AssumeRolePolicyDocument: ec2Trust}))).rejects.toMatchObject({
			name: 'ServiceFailureException',
			$metadata: {httpStatusCode: 500},
		});
		await expect(iam.send(new GetRoleCommand({RoleName: 'lost'}))).rejects.toMatchObject({name: 'NoSuchEntityException'});
		expect((await iam.send(new GetRoleCommand({RoleName: 'kept'}))).Role?.RoleName).toBe('kept');
		rmSync(statePath, {recursive: true});
		await iam.send(new CreateRoleCommand({RoleName: 'later', AssumeRolePolicyDocument: ec2Trust}));
		await running.stop();
		running = await startSandbox({dataDir, mavenCentral: offlineMavenCentral});
		const again = new IAMClient(adminConfig(running));
		expect((await again.send(new GetRoleCommand({RoleName: 'kept'}))).Role?.RoleName).toBe('kept');
		expect((await again.send(new GetRoleCommand({RoleName: 'later'}))).Role?.RoleName).toBe('later');
		await expect(again.send(new GetRoleCommand({RoleName: 'lost'}))).rejects.toMatchObject({name: 'NoSuchEntityException'});
	});
});
