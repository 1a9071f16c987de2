import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {
	AssociateExternalConnectionCommand,
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribeDomainCommand,
	GetAuthorizationTokenCommand,
	GetPackageVersionAssetCommand,
	GetRepositoryEndpointCommand,
	ListDomainsCommand,
	ListPackagesCommand,
	PublishPackageVersionCommand,
} from '@aws-sdk/client-codeartifact';
import {afterEach, describe, expect, it} from 'vitest';
import {startSandbox, type RunningSandbox} from '../../source/sandbox/index.js';
import {exitOf, startSandboxProcess} from '../helpers/cli-process.js';
import {adminConfig, offlineMavenCentral, temporaryDirectory} from '../helpers/sandbox.js';

const running: RunningSandbox[] = [];
afterEach(async () => {
	for (const sandbox of running.splice(0)) await sandbox.stop();
});

async function start(dataDir: string): Promise<RunningSandbox> {
	const sandbox = await startSandbox({dataDir});
	running.push(sandbox);
	return sandbox;
}

describe('sandbox persistence', () => {
	it('keeps domains and identities across a restart', async () => {
		const dataDir = temporaryDirectory();
		const first = await start(dataDir);
		const client = new CodeartifactClient(adminConfig(first));
		await client.send(new CreateDomainCommand({domain: 'kept'}));
		await client.send(new CreateDomainCommand({domain: 'kept-too'}));
		await first.stop();
		running.length = 0;

		const second = await start(dataDir);
		expect(second.accountId).toBe(first.accountId);
		expect(second.admin).toEqual(first.admin);
		const again = new CodeartifactClient(adminConfig(second));
		const domain = await again.send(new DescribeDomainCommand({domain: 'kept'}));
		expect(domain.domain?.name).toBe('kept');
		const names = (await again.send(new ListDomainsCommand({}))).domains?.map(d => d.name);
		expect(names).toEqual(expect.arrayContaining(['kept', 'kept-too']));
	});

	it('keeps published asset bytes across a restart', async () => {
		const dataDir = temporaryDirectory();
		const first = await start(dataDir);
		const client = new CodeartifactClient(adminConfig(first));
		await client.send(new CreateDomainCommand({domain: 'assets'}));
		await client.send(new CreateRepositoryCommand({domain: 'assets', repository: 'generic-store'}));
		const bytes = Buffer.from('tar bytes stand-in');
		const sha = createHash('sha256').update(bytes).digest('hex');
		await client.send(
			new PublishPackageVersionCommand({
				domain: 'assets',
				repository: 'generic-store',
				format: 'generic',
				namespace: 'tools',
				package: 'kit',
				packageVersion: '1.0.0',
				assetName: 'kit.tar.gz',
				assetContent: bytes,
				assetSHA256: sha,
			}),
		);
		await first.stop();
		running.length = 0;

		const second = await start(dataDir);
		const asset = await new CodeartifactClient(adminConfig(second)).send(
			new GetPackageVersionAssetCommand({
				domain: 'assets',
				repository: 'generic-store',
				format: 'generic',
				namespace: 'tools',
				package: 'kit',
				packageVersion: '1.0.0',
				asset: 'kit.tar.gz',
			}),
		);
		expect(Buffer.from(await asset.asset!.transformToByteArray())).toEqual(bytes);
	});

	it('writes the versions it retained from Maven Central when it stops, so a restart still lists them', async () => {
		const dataDir = temporaryDirectory();
		const first = await startSandbox({dataDir, mavenCentral: offlineMavenCentral});
		running.push(first);
		const client = new CodeartifactClient(adminConfig(first));
		await client.send(new CreateDomainCommand({domain: 'cache'}));
		await client.send(new CreateRepositoryCommand({domain: 'cache', repository: 'central'}));
		await client.send(new AssociateExternalConnectionCommand({domain: 'cache', repository: 'central', externalConnection: 'public:maven-central'}));
		const {authorizationToken} = await client.send(new GetAuthorizationTokenCommand({domain: 'cache'}));
		const {repositoryEndpoint} = await client.send(new GetRepositoryEndpointCommand({domain: 'cache', repository: 'central', format: 'maven'}));
		const pom = await fetch(`${repositoryEndpoint}org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.pom`, {
			headers: {authorization: `Basic ${Buffer.from(`aws:${authorizationToken}`).toString('base64')}`},
		});
		expect(pom.status).toBe(200);
		await first.stop();
		running.length = 0;

		const second = await start(dataDir);
		const {packages} = await new CodeartifactClient(adminConfig(second)).send(new ListPackagesCommand({domain: 'cache', repository: 'central'}));
		expect(packages?.map(p => `${p.namespace}:${p.package}`)).toEqual(['org.apache.commons:commons-lang3']);
	});

	it('survives kill -9 in the middle of a burst of writes: every acknowledged change is there', async () => {
		const dataDir = temporaryDirectory();
		const first = await startSandboxProcess(['--port', '0', '--data', dataDir]);
		const description = JSON.parse(readFileSync(join(dataDir, 'sandbox.json'), 'utf8'));
		const config = {
			endpoint: first.endpoint,
			region: description.region,
			credentials: {accessKeyId: description.adminAccessKeyId, secretAccessKey: description.adminSecretAccessKey},
			maxAttempts: 1,
		};
		const client = new CodeartifactClient(config);
		const acknowledged: string[] = [];
		let stop = false;
		const writers = Array.from({length: 4}, async (_, writer) => {
			for (let index = 0; !stop; index++) {
				const name = `d${writer}-${index}`;
				try {
					await client.send(new CreateDomainCommand({domain: name}));
					acknowledged.push(name);
				} catch {
					return; // the server died under this request: not acknowledged
				}
			}
		});
		await expect.poll(() => acknowledged.length, {timeout: 20_000}).toBeGreaterThan(40);
		first.child.kill('SIGKILL');
		stop = true;
		await Promise.all(writers);
		expect((await exitOf(first.child)).signal).toBe('SIGKILL');

		// The stale lock of the killed process does not block the restart.
		const second = await start(dataDir);
		const listed = new Set<string>();
		const restarted = new CodeartifactClient(adminConfig(second));
		let nextToken: string | undefined;
		do {
			const page = await restarted.send(new ListDomainsCommand({maxResults: 1000, ...(nextToken ? {nextToken} : {})}));
			for (const domain of page.domains ?? []) listed.add(domain.name!);
			nextToken = page.nextToken;
		} while (nextToken);
		for (const name of acknowledged) expect(listed.has(name)).toBe(true);
	});
});
