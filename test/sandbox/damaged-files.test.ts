import {createHash} from 'node:crypto';
import {readdirSync, readFileSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribeDomainCommand,
	GetPackageVersionAssetCommand,
	PublishPackageVersionCommand,
} from '@aws-sdk/client-codeartifact';
import {afterEach, describe, expect, it} from 'vitest';
import {startSandbox, type RunningSandbox} from '../../source/sandbox/index.js';
import {adminConfig, offlineMavenCentral, temporaryDirectory} from '../helpers/sandbox.js';

// Files damaged on disk (by an older version's cut-off writes, or power loss): never served
// as if whole, and never a reason to lose every record.

const running: RunningSandbox[] = [];
afterEach(async () => {
	for (const sandbox of running.splice(0)) await sandbox.stop();
});

async function start(dataDir: string, log?: (message: string) => void): Promise<RunningSandbox> {
	const sandbox = await startSandbox({dataDir, mavenCentral: offlineMavenCentral, ...(log ? {log} : {})});
	running.push(sandbox);
	return sandbox;
}

describe('a damaged blob', () => {
	it('is not served, and the next publish of the same bytes repairs it', async () => {
		const dataDir = temporaryDirectory();
		const client = new CodeartifactClient(adminConfig(await start(dataDir)));
		await client.send(new CreateDomainCommand({domain: 'damage'}));
		await client.send(new CreateRepositoryCommand({domain: 'damage', repository: 'store'}));
		const bytes = Buffer.from(Array.from({length: 150_000}, (_, index) => (index * 13) % 256));
		const sha = createHash('sha256').update(bytes).digest('hex');
		const coordinates = {domain: 'damage', repository: 'store', format: 'generic', namespace: 'tools', package: 'kit'} as const;
		const publish = (packageVersion: string) =>
			client.send(new PublishPackageVersionCommand({...coordinates, packageVersion, assetName: 'kit.bin', assetContent: bytes, assetSHA256: sha}));
		const get = (packageVersion: string) =>
			client
				.send(new GetPackageVersionAssetCommand({...coordinates, packageVersion, asset: 'kit.bin'}))
				.then(async output => Buffer.from(await output.asset!.transformToByteArray()));
		await publish('1.0.0');
		truncateSync(join(dataDir, 'blobs', sha.slice(0, 2), sha), 110_592); // what a full disk left before

		await expect(get('1.0.0')).rejects.toMatchObject({name: 'InternalServerException', $metadata: {httpStatusCode: 500}});
		await publish('1.0.1'); // the same bytes, so the same blob
		expect((await get('1.0.0')).equals(bytes)).toBe(true);
	});
});

describe('a damaged state.json', () => {
	it('starts from the snapshot before it, says so, and keeps the damaged file', async () => {
		const dataDir = temporaryDirectory();
		const first = await start(dataDir);
		const client = new CodeartifactClient(adminConfig(first));
		await client.send(new CreateDomainCommand({domain: 'earlier'}));
		await client.send(new CreateDomainCommand({domain: 'last'}));
		await first.stop();
		running.length = 0;
		const statePath = join(dataDir, 'state.json');
		const text = readFileSync(statePath, 'utf8');
		writeFileSync(statePath, text.slice(0, text.length / 2)); // torn, as by power loss

		const notices: string[] = [];
		const again = new CodeartifactClient(adminConfig(await start(dataDir, message => notices.push(message))));
		expect((await again.send(new DescribeDomainCommand({domain: 'earlier'}))).domain?.name).toBe('earlier');
		const damaged = readdirSync(dataDir).filter(name => name.startsWith('state.json.damaged-'));
		expect(damaged).toHaveLength(1);
		expect(readFileSync(join(dataDir, damaged[0]!), 'utf8')).toBe(text.slice(0, text.length / 2));
		expect(notices.join('\n')).toContain(`Started from the snapshot before it (${statePath}.prev)`);
		expect(notices.join('\n')).toContain(damaged[0]);
		expect(JSON.parse(readFileSync(statePath, 'utf8')).domains.earlier).toBeDefined(); // whole again
	});

	it('without a readable earlier snapshot, refuses to start, naming the file and the fix, and changes nothing', async () => {
		const dataDir = temporaryDirectory();
		await (await start(dataDir)).stop();
		running.length = 0;
		const statePath = join(dataDir, 'state.json');
		writeFileSync(statePath, '{"version": 1, "doma');
		writeFileSync(`${statePath}.prev`, '');
		await expect(start(dataDir)).rejects.toMatchObject({code: 'CorruptState', message: expect.stringContaining(`mv ${statePath} ${statePath}.damaged`)});
		expect(readFileSync(statePath, 'utf8')).toBe('{"version": 1, "doma');
		await expect(start(dataDir)).rejects.toMatchObject({code: 'CorruptState'}); // the failed start released the folder: not "in use"
	});
});
