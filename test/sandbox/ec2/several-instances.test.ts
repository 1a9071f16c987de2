import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {DescribeInstancesCommand, EC2Client, paginateDescribeInstances} from '@aws-sdk/client-ec2';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {fromInstanceMetadata} from '@aws-sdk/credential-providers';
import {afterEach, describe, expect, it} from 'vitest';
import {startSandbox, type RunningSandbox, type SandboxInstance} from '../../../source/sandbox/index.js';
import {adminConfig, offlineMavenCentral, temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';

/** The real SDK's IMDS provider, pointed at one host's metadata endpoint the way the variable points it. */
async function callerAs(sandbox: RunningSandbox, instance: SandboxInstance): Promise<string | undefined> {
	const saved = process.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'];
	process.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'] = instance.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'];
	try {
		const credentials = await fromInstanceMetadata({timeout: 2000, maxRetries: 0})();
		const sts = new STSClient({endpoint: sandbox.endpoint, region: sandbox.region, maxAttempts: 1, credentials});
		return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
	} finally {
		if (saved === undefined) delete process.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'];
		else process.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'] = saved;
	}
}

describe('sandbox --instances 3', () => {
	const sandbox = useSandbox({scenario: 'access-denied', instances: 3});
	const ec2 = () => new EC2Client(adminConfig(sandbox.current));

	it('has three hosts with their own ids, names and metadata ports; the first is the compatible one', () => {
		const {instances, instanceId, env, endpoint} = sandbox.current;
		expect(instances.map(instance => instance.name)).toEqual(['build-host-1', 'build-host-2', 'build-host-3']);
		expect(new Set(instances.map(instance => instance.instanceId)).size).toBe(3);
		expect(new Set(instances.map(instance => new URL(instance.metadataEndpoint).port)).size).toBe(3);
		expect(instances[0]?.instanceId).toBe(instanceId);
		expect(instances[0]?.metadataEndpoint).toBe(env['AWS_EC2_METADATA_SERVICE_ENDPOINT']);
		expect(instances[0]?.metadataEndpoint).toBe(`${endpoint}/`);
		// Acting as a host means having no keys of one's own.
		for (const instance of instances)
			expect(Object.keys(instance.env).filter(name => name.startsWith('AWS_ACCESS') || name.startsWith('AWS_SECRET'))).toEqual([]);
	});

	it('serves each host its own role through its own metadata endpoint, to the real SDK provider', async () => {
		const {accountId, instances} = sandbox.current;
		const arns = [];
		for (const instance of instances) arns.push(await callerAs(sandbox.current, instance));
		expect(arns).toEqual([
			`arn:aws:sts::${accountId}:assumed-role/build-host-role/${instances[0]?.instanceId}`,
			`arn:aws:sts::${accountId}:assumed-role/build-host-2-role/${instances[1]?.instanceId}`,
			`arn:aws:sts::${accountId}:assumed-role/build-host-3-role/${instances[2]?.instanceId}`,
		]);
	});

	it('refuses at one host a metadata token another host issued, and serves nothing but metadata there', async () => {
		const [first, second] = sandbox.current.instances;
		const token = await fetch(new URL('latest/api/token', first?.metadataEndpoint), {
			method: 'PUT',
			headers: {'x-aws-ec2-metadata-token-ttl-seconds': '60'},
		}).then(response => response.text());
		const read = (instance: SandboxInstance | undefined) =>
			fetch(new URL('latest/meta-data/instance-id', instance?.metadataEndpoint), {headers: {'x-aws-ec2-metadata-token': token}});
		expect(await (await read(first)).text()).toBe(first?.instanceId);
		expect((await read(second)).status).toBe(401);
		expect((await fetch(new URL('v1/domains', second?.metadataEndpoint))).status).toBe(404);
	});

	it('describes every host in a reservation of its own, with its Name tag and instance profile', async () => {
		const {Reservations: reservations} = await ec2().send(new DescribeInstancesCommand({}));
		expect(reservations).toHaveLength(3);
		expect(new Set(reservations?.map(reservation => reservation.ReservationId)).size).toBe(3);
		const instances = reservations?.flatMap(reservation => reservation.Instances ?? []);
		expect(instances?.map(instance => instance.Tags)).toEqual([
			[{Key: 'Name', Value: 'build-host-1'}],
			[{Key: 'Name', Value: 'build-host-2'}],
			[{Key: 'Name', Value: 'build-host-3'}],
		]);
		expect(instances?.map(instance => instance.IamInstanceProfile?.Arn?.split('/').at(-1))).toEqual([
			'build-host-profile',
			'build-host-2-profile',
			'build-host-3-profile',
		]);
	});

	it('filters by tag:KEY and tag-key, with wildcards', async () => {
		const ids = async (filters: {Name: string; Values: string[]}[]) =>
			((await ec2().send(new DescribeInstancesCommand({Filters: filters}))).Reservations ?? []).flatMap(r => r.Instances ?? []).map(i => i.InstanceId);
		const [first, second, third] = sandbox.current.instances.map(instance => instance.instanceId);
		expect(await ids([{Name: 'tag:Name', Values: ['build-host-2']}])).toEqual([second]);
		expect(await ids([{Name: 'tag:Name', Values: ['build-host-1', 'build-host-3']}])).toEqual([first, third]);
		expect(await ids([{Name: 'tag:Name', Values: ['build-host-*']}])).toEqual([first, second, third]);
		expect(await ids([{Name: 'tag:Owner', Values: ['*']}])).toEqual([]);
		expect(await ids([{Name: 'tag-key', Values: ['Name']}])).toEqual([first, second, third]);
		expect(await ids([{Name: 'tag-key', Values: ['Owner']}])).toEqual([]);
		expect(
			await ids([
				{Name: 'tag:Name', Values: ['build-host-2']},
				{Name: 'instance-id', Values: [first ?? '']},
			]),
		).toEqual([]);
		await expect(ec2().send(new DescribeInstancesCommand({Filters: [{Name: 'tag:', Values: ['x']}]}))).rejects.toMatchObject({
			name: 'InvalidParameterValue',
			message: "The filter 'tag:' is invalid",
		});
	});

	it('pages with MaxResults and NextToken through the SDK paginator', async () => {
		const pages = [];
		for await (const page of paginateDescribeInstances({client: ec2(), pageSize: 5}, {})) pages.push(page);
		expect(pages.flatMap(page => page.Reservations ?? []).length).toBe(3);
		expect(pages.at(-1)?.NextToken).toBeUndefined();
	});
});

describe('several instances across restarts', () => {
	const running: RunningSandbox[] = [];
	afterEach(async () => {
		for (const sandbox of running.splice(0)) await sandbox.stop();
	});
	const start = async (dataDir: string, instances?: number) => {
		const sandbox = await startSandbox({
			dataDir,
			mavenCentral: offlineMavenCentral,
			...(instances === undefined ? {} : {instances}),
			log: message => logged.push(message),
		});
		running.push(sandbox);
		return sandbox;
	};
	const logged: string[] = [];

	it('keeps the hosts, their roles and their tags; another --instances later only earns a notice', async () => {
		const dataDir = temporaryDirectory();
		const first = await start(dataDir, 3);
		await first.stop();
		running.length = 0;
		const second = await start(dataDir, 2);
		expect(second.instances.map(({instanceId, name}) => ({instanceId, name}))).toEqual(first.instances.map(({instanceId, name}) => ({instanceId, name})));
		expect(logged.join('\n')).toContain('already holds a sandbox with 3 instance(s); --instances applies to a new data folder only');
		const arn = await callerAs(second, second.instances[2] as SandboxInstance);
		expect(arn).toBe(`arn:aws:sts::${second.accountId}:assumed-role/build-host-3-role/${second.instances[2]?.instanceId}`);
	});

	it('takes a state.json with the old single instance as build-host-1', async () => {
		const dataDir = temporaryDirectory();
		const made = await start(dataDir);
		await made.stop();
		running.length = 0;
		// As a ca-wizard before several instances wrote it: one `instance`, no tags.
		const path = join(dataDir, 'state.json');
		const state = JSON.parse(readFileSync(path, 'utf8')) as {instances?: Array<Record<string, unknown>>; instance?: Record<string, unknown>};
		const [only] = state.instances ?? [];
		delete only?.['tags'];
		state.instance = only;
		delete state.instances;
		writeFileSync(path, JSON.stringify(state));

		const again = await start(dataDir);
		expect(again.instances).toMatchObject([{instanceId: made.instanceId, name: 'build-host-1'}]);
		expect(await callerAs(again, again.instances[0] as SandboxInstance)).toBe(
			`arn:aws:sts::${again.accountId}:assumed-role/build-host-role/${made.instanceId}`,
		);
		const {Reservations: reservations} = await new EC2Client(adminConfig(again)).send(
			new DescribeInstancesCommand({Filters: [{Name: 'tag:Name', Values: ['build-host-1']}]}),
		);
		expect(reservations?.[0]?.Instances?.[0]?.InstanceId).toBe(made.instanceId);
		again.flush();
		expect(JSON.parse(readFileSync(path, 'utf8'))).not.toHaveProperty('instance');
	});

	it('refuses a count outside 1..100 before touching the data folder', async () => {
		await expect(startSandbox({dataDir: temporaryDirectory(), instances: 0})).rejects.toMatchObject({code: 'BadInstances'});
		await expect(startSandbox({dataDir: temporaryDirectory(), instances: 101})).rejects.toMatchObject({code: 'BadInstances'});
	});
});
