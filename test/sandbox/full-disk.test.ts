import type {ChildProcess} from 'node:child_process';
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {
	AssociateExternalConnectionCommand,
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	GetAuthorizationTokenCommand,
	GetPackageVersionAssetCommand,
	GetRepositoryEndpointCommand,
	PublishPackageVersionCommand,
} from '@aws-sdk/client-codeartifact';
import {CreatePolicyCommand, IAMClient, paginateListPolicies} from '@aws-sdk/client-iam';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {startSandbox, type RunningSandbox} from '../../source/sandbox/index.js';
import {exitOf, startSandboxProcess} from '../helpers/cli-process.js';
import {adminConfig, offlineMavenCentral} from '../helpers/sandbox.js';
import {smallDisk, type SmallDisk} from '../helpers/small-disk.js';

// A disk that fills up under a running sandbox: every write is whole or refused with a 5xx,
// never a 200 over a cut-off file; after a kill -9 and a restart, every acknowledged change is there.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sandboxOn(disk: SmallDisk) {
	const dataDir = join(disk.folder, 'data');
	const child = await startSandboxProcess(['--port', '0', '--data', dataDir, '--maven-central', offlineMavenCentral], process.env, disk.wrap);
	cleanups.push(() => void child.child.kill('SIGKILL'));
	const description = JSON.parse(readFileSync(join(dataDir, 'sandbox.json'), 'utf8'));
	const config = {
		endpoint: child.endpoint,
		region: description.region,
		credentials: {accessKeyId: description.adminAccessKeyId, secretAccessKey: description.adminSecretAccessKey},
		maxAttempts: 1,
	};
	return {dataDir, child, config};
}

/** A sandbox with the domain `full` and its repository `store`, before the disk fills up. */
async function sandboxWithStore(disk: SmallDisk) {
	const started = await sandboxOn(disk);
	const client = new CodeartifactClient(started.config);
	await client.send(new CreateDomainCommand({domain: 'full'}));
	await client.send(new CreateRepositoryCommand({domain: 'full', repository: 'store'}));
	return {...started, client};
}

/** kill -9, room on the disk again, and the sandbox started afresh on the same data. */
async function killAndRestart(started: {dataDir: string; child: {child: ChildProcess}}, disk: SmallDisk): Promise<RunningSandbox> {
	started.child.child.kill('SIGKILL');
	await exitOf(started.child.child);
	disk.free();
	const sandbox = await startSandbox({dataDir: started.dataDir, mavenCentral: offlineMavenCentral});
	cleanups.push(() => sandbox.stop());
	return sandbox;
}

const temporaryFiles = (folder: string) =>
	readdirSync(folder, {recursive: true})
		.map(String)
		.filter(name => name.endsWith('.tmp'));
const statusOf = (error: unknown) => (error as {$metadata?: {httpStatusCode?: number}}).$metadata?.httpStatusCode;

function disk(): SmallDisk {
	const created = smallDisk();
	cleanups.push(() => created.remove());
	return created;
}

describe('a full disk under the sandbox', () => {
	it('answers 500 when state.json cannot be written whole, and a restart after kill -9 has every acknowledged record', async () => {
		const small = disk();
		const {dataDir, child, config} = await sandboxOn(small);
		small.fill(24 * 1024);
		const iam = new IAMClient(config);
		const document = JSON.stringify({
			Version: '2012-10-17',
			Statement: [{Effect: 'Allow', Action: 'codeartifact:ReadFromRepository', Resource: `arn:aws:codeartifact:*:*:repository/${'x'.repeat(1500)}`}],
		});
		const acknowledged: string[] = [];
		let refused = 0;
		for (let index = 0; index < 400 && refused < 3; index++) {
			try {
				await iam.send(new CreatePolicyCommand({PolicyName: `policy-${index}`, PolicyDocument: document}));
				acknowledged.push(`policy-${index}`);
			} catch (error) {
				expect(statusOf(error), String(error)).toBe(500);
				refused++;
			}
		}
		expect(refused, `the ${small.kind} never filled up`).toBe(3);
		expect(acknowledged.length).toBeGreaterThan(0);
		expect(temporaryFiles(dataDir)).toEqual([]);

		const restarted = new IAMClient(adminConfig(await killAndRestart({dataDir, child}, small)));
		const listed = new Set<string>();
		for await (const page of paginateListPolicies({client: restarted}, {Scope: 'Local'}))
			for (const policy of page.Policies ?? []) listed.add(policy.PolicyName!);
		for (const name of acknowledged) expect(listed.has(name), name).toBe(true);
	});

	it('serves a file Maven asks for while its cache fill cannot be written, and a restart after kill -9 serves it whole', async () => {
		const small = disk();
		const started = await sandboxWithStore(small);
		const {dataDir, client, child} = started;
		await client.send(new AssociateExternalConnectionCommand({domain: 'full', repository: 'store', externalConnection: 'public:maven-central'}));
		const jar = 'org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar'; // ~650 kB: more than is left
		const bytes = readFileSync(join(offlineMavenCentral, jar));
		const fetchJar = async (from: CodeartifactClient) => {
			const {authorizationToken} = await from.send(new GetAuthorizationTokenCommand({domain: 'full'}));
			const {repositoryEndpoint} = await from.send(new GetRepositoryEndpointCommand({domain: 'full', repository: 'store', format: 'maven'}));
			const response = await fetch(`${repositoryEndpoint}${jar}`, {
				headers: {authorization: `Basic ${Buffer.from(`aws:${authorizationToken}`).toString('base64')}`},
			});
			return {status: response.status, body: Buffer.from(await response.arrayBuffer())};
		};
		small.fill(48 * 1024);
		const served = await fetchJar(client);
		expect(served.status).toBe(200);
		expect(served.body.equals(bytes)).toBe(true);
		// The cache fill's write, just after the reply, fails: the log says so, and no temporary file is left.
		await vi.waitFor(() => expect(child.stderr()).toContain('cannot be stored yet'), {timeout: 10_000});
		expect(temporaryFiles(dataDir)).toEqual([]);

		const again = await fetchJar(new CodeartifactClient(adminConfig(await killAndRestart(started, small))));
		expect(again.status).toBe(200);
		expect(again.body.equals(bytes)).toBe(true);
	});

	it('never acknowledges or serves a cut-off blob; publishing the same bytes again stores them whole', async () => {
		const small = disk();
		const started = await sandboxWithStore(small);
		const {dataDir, client} = started;
		small.fill(48 * 1024);
		const bytes = Buffer.from(Array.from({length: 150_000}, (_, index) => (index * 7) % 251));
		const asset = {
			domain: 'full',
			repository: 'store',
			format: 'generic',
			namespace: 'tools',
			package: 'kit',
			packageVersion: '1.0.0',
			assetName: 'kit.bin',
		} as const;
		const publish = (to: CodeartifactClient) =>
			to.send(new PublishPackageVersionCommand({...asset, assetContent: bytes, assetSHA256: createHash('sha256').update(bytes).digest('hex')}));
		const get = (from: CodeartifactClient) =>
			from
				.send(new GetPackageVersionAssetCommand({...asset, asset: asset.assetName}))
				.then(async output => Buffer.from(await output.asset!.transformToByteArray()));
		await expect(publish(client)).rejects.toSatisfy(error => statusOf(error) === 500);
		expect(temporaryFiles(dataDir)).toEqual([]);

		const again = new CodeartifactClient(adminConfig(await killAndRestart(started, small)));
		await expect(get(again)).rejects.toMatchObject({name: 'ResourceNotFoundException'});
		await publish(again);
		expect((await get(again)).equals(bytes)).toBe(true);
	});
});
