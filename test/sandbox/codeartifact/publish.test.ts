import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, type Dirent} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative, sep} from 'node:path';
import {
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribePackageVersionCommand,
	GetPackageVersionAssetCommand,
	ListPackageVersionsCommand,
	paginateListPackageVersionAssets,
	PublishPackageVersionCommand,
	PutPackageOriginConfigurationCommand,
	type CodeartifactClient,
	type PublishPackageVersionCommandInput,
} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import {temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';
import {adminClient} from './client.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A real gzip-compressed tarball, as a learner would publish. */
function tarball(): Buffer {
	const folder = temporaryDirectory('ca-wizard-tar-');
	mkdirSync(join(folder, 'dist'));
	try {
		writeFileSync(join(folder, 'dist', 'app.txt'), 'hello from a generic package\n'.repeat(50));
		return execFileSync('tar', ['-czf', '-', '-C', folder, 'dist']);
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
}

/** Every file under the data folder, relative to it. */
function filesUnder(root: string): string[] {
	return (readdirSync(root, {recursive: true, withFileTypes: true}) as Dirent[])
		.filter(entry => entry.isFile())
		.map(entry => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

describe('PublishPackageVersion and GetPackageVersionAsset through the real SDK', () => {
	const sandbox = useSandbox();
	let client: CodeartifactClient;
	const domain = 'generic';
	const repository = 'artifacts';
	const coordinates = {domain, repository, format: 'generic' as const, namespace: 'my-ns'};
	const publish = (input: Partial<PublishPackageVersionCommandInput> & {assetContent: Buffer}) =>
		client.send(
			new PublishPackageVersionCommand({
				...coordinates,
				package: 'my-package',
				packageVersion: '1.0.0',
				assetName: 'asset.tar.gz',
				assetSHA256: sha256(input.assetContent),
				...input,
			}),
		);

	beforeAll(async () => {
		client = adminClient(sandbox.current);
		await client.send(new CreateDomainCommand({domain}));
		await client.send(new CreateRepositoryCommand({domain, repository}));
	});

	it('round-trips a tar.gz: publish, describe, list assets, download the same bytes', async () => {
		const bytes = tarball();
		const published = await publish({package: 'round-trip', assetContent: bytes});
		expect(published).toMatchObject({
			format: 'generic',
			namespace: 'my-ns',
			package: 'round-trip',
			version: '1.0.0',
			status: 'Published',
			asset: {name: 'asset.tar.gz', size: bytes.length, hashes: {'SHA-256': sha256(bytes), MD5: createHash('md5').update(bytes).digest('hex')}},
		});
		expect(published.versionRevision).toMatch(/^\S+$/);

		const {packageVersion} = await client.send(new DescribePackageVersionCommand({...coordinates, package: 'round-trip', packageVersion: '1.0.0'}));
		expect(packageVersion).toMatchObject({
			format: 'generic',
			namespace: 'my-ns',
			packageName: 'round-trip',
			displayName: 'round-trip',
			version: '1.0.0',
			revision: published.versionRevision,
			status: 'Published',
			licenses: [],
			origin: {domainEntryPoint: {repositoryName: repository}, originType: 'INTERNAL'},
		});
		expect(packageVersion?.publishedTime).toBeInstanceOf(Date);

		const downloaded = await client.send(
			new GetPackageVersionAssetCommand({...coordinates, package: 'round-trip', packageVersion: '1.0.0', asset: 'asset.tar.gz'}),
		);
		expect(downloaded).toMatchObject({assetName: 'asset.tar.gz', packageVersion: '1.0.0', packageVersionRevision: published.versionRevision});
		const received = Buffer.from(await downloaded.asset!.transformToByteArray());
		expect(sha256(received)).toBe(sha256(bytes));
		expect(execFileSync('tar', ['-tzf', '-'], {input: received}).toString()).toContain('dist/app.txt');

		await expect(
			client.send(new GetPackageVersionAssetCommand({...coordinates, package: 'round-trip', packageVersion: '1.0.0', asset: 'other.bin'})),
		).rejects.toMatchObject({name: 'ResourceNotFoundException', resourceType: 'asset'});
		await expect(
			client.send(
				new GetPackageVersionAssetCommand({
					...coordinates,
					package: 'round-trip',
					packageVersion: '1.0.0',
					asset: 'asset.tar.gz',
					packageVersionRevision: 'stale-revision',
				}),
			),
		).rejects.toMatchObject({name: 'ResourceNotFoundException'});
	});

	it('keeps a version Unfinished until a publish without unfinished, then takes no new assets', async () => {
		const parts = ['part-a.bin', 'part-b.bin', 'part-c.bin'].map(name => ({name, bytes: Buffer.from(`content of ${name}`)}));
		const first = await publish({package: 'multi', assetName: parts[0]!.name, assetContent: parts[0]!.bytes, unfinished: true});
		expect(first.status).toBe('Unfinished');
		const second = await publish({package: 'multi', assetName: parts[1]!.name, assetContent: parts[1]!.bytes, unfinished: true});
		expect(second.status).toBe('Unfinished');
		expect(second.versionRevision).not.toBe(first.versionRevision);
		const last = await publish({package: 'multi', assetName: parts[2]!.name, assetContent: parts[2]!.bytes});
		expect(last.status).toBe('Published');

		const names: string[] = [];
		for await (const page of paginateListPackageVersionAssets({client, pageSize: 2}, {...coordinates, package: 'multi', packageVersion: '1.0.0'})) {
			expect(page).toMatchObject({format: 'generic', namespace: 'my-ns', package: 'multi', version: '1.0.0', versionRevision: last.versionRevision});
			names.push(...(page.assets ?? []).map(a => a.name ?? ''));
		}
		expect(names).toEqual(parts.map(p => p.name));

		// Identical content under the same name is accepted again; anything else is a conflict.
		await expect(publish({package: 'multi', assetName: parts[0]!.name, assetContent: parts[0]!.bytes})).resolves.toMatchObject({status: 'Published'});
		await expect(publish({package: 'multi', assetName: parts[0]!.name, assetContent: Buffer.from('changed')})).rejects.toMatchObject({
			name: 'ConflictException',
			$metadata: {httpStatusCode: 409},
		});
		await expect(publish({package: 'multi', assetName: 'late.bin', assetContent: Buffer.from('late')})).rejects.toMatchObject({name: 'ConflictException'});
	});

	it('stores nothing when the content does not hash to x-amz-content-sha256', async () => {
		await client.send(new PutPackageOriginConfigurationCommand({...coordinates, package: 'tampered', restrictions: {publish: 'ALLOW', upstream: 'BLOCK'}}));
		const bytes = Buffer.from('the real content');
		const wrong = sha256(Buffer.from('something else'));
		await expect(publish({package: 'tampered', assetContent: bytes, assetSHA256: wrong})).rejects.toMatchObject({
			name: 'ValidationException',
			$metadata: {httpStatusCode: 400},
		});
		await expect(publish({package: 'tampered', assetContent: bytes, assetSHA256: sha256(bytes).toUpperCase()})).rejects.toMatchObject({
			name: 'ValidationException',
		});
		const listed = await client.send(new ListPackageVersionsCommand({...coordinates, package: 'tampered'}));
		expect(listed.versions).toEqual([]);
		expect(listed.defaultDisplayVersion).toBeUndefined();
		expect(existsSync(join(sandbox.current.dataDir, 'blobs', sha256(bytes).slice(0, 2), sha256(bytes)))).toBe(false);
	});

	it('publishes generic packages only, with a namespace', async () => {
		const bytes = Buffer.from('x');
		await expect(publish({format: 'npm', assetContent: bytes})).rejects.toMatchObject({name: 'ValidationException'});
		await expect(publish({namespace: undefined, assetContent: bytes})).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining('namespace'),
		});
		await expect(
			client.send(
				new PublishPackageVersionCommand({
					domain,
					repository: 'nowhere',
					format: 'generic',
					namespace: 'n',
					package: 'p',
					packageVersion: '1',
					assetName: 'a',
					assetSHA256: sha256(bytes),
					assetContent: bytes,
				}),
			),
		).rejects.toMatchObject({name: 'ResourceNotFoundException'});
	});

	it('honours publish BLOCK in the package origin configuration', async () => {
		const bytes = Buffer.from('blocked');
		const set = (publishRule: 'ALLOW' | 'BLOCK') =>
			client.send(new PutPackageOriginConfigurationCommand({...coordinates, package: 'guarded', restrictions: {publish: publishRule, upstream: 'ALLOW'}}));
		await expect(set('BLOCK')).resolves.toMatchObject({originConfiguration: {restrictions: {publish: 'BLOCK', upstream: 'ALLOW'}}});
		await expect(publish({package: 'guarded', assetContent: bytes})).rejects.toMatchObject({name: 'AccessDeniedException', $metadata: {httpStatusCode: 403}});
		await set('ALLOW');
		await expect(publish({package: 'guarded', assetContent: bytes})).resolves.toMatchObject({status: 'Published'});
	});

	it('keeps asset names as names: traversal attempts are refused and nothing lands outside the data folder', async () => {
		const {dataDir} = sandbox.current;
		const bytes = Buffer.from('would-be traversal');
		const marker = `ca-wizard-escape-${process.pid}-${Date.now()}`;
		const absolute = join(tmpdir(), marker);
		const attempts = [`../${marker}`, `..%2F${marker}`, `..%2F..%2F${marker}`, absolute, `..\\${marker}`, '..', '.', 'a/b', ' lead', 'two  spaces'];
		for (const assetName of attempts) {
			await expect(publish({package: 'traversal', assetName, assetContent: bytes}), assetName).rejects.toMatchObject({name: 'ValidationException'});
		}
		for (const outside of [join(dataDir, '..', marker), join(dataDir, '..', '..', marker), join(dataDir, 'blobs', '..', '..', marker), absolute]) {
			expect(existsSync(outside), outside).toBe(false);
		}
		// Odd but allowed names are stored as names and served back by name.
		const odd = ['..~x', '[1] (final); ünïcödé ÿ.tar.gz'];
		for (const [index, assetName] of odd.entries()) {
			const content = Buffer.from(`odd ${index}`);
			await publish({package: 'traversal', packageVersion: `2.${index}`, assetName, assetContent: content});
			const got = await client.send(new GetPackageVersionAssetCommand({...coordinates, package: 'traversal', packageVersion: `2.${index}`, asset: assetName}));
			expect(Buffer.from(await got.asset!.transformToByteArray()).toString()).toBe(content.toString());
			// X-AssetName goes out as Latin-1, which is how the SDK reads it: the name comes back as it went in.
			expect(got.assetName).toBe(assetName);
		}
		// Beyond Latin-1 no header bytes would come back as the name: such names are refused up front.
		for (const assetName of ['名前.tar.gz', 'Ωmega.bin']) {
			await expect(publish({package: 'traversal', packageVersion: '3.0', assetName, assetContent: bytes}), assetName).rejects.toMatchObject({
				name: 'ValidationException',
				$metadata: {httpStatusCode: 400},
				message: expect.stringContaining('Latin-1 only'),
			});
		}
		const unexpected = filesUnder(dataDir).filter(
			path => !/^(state\.json(\.prev)?|sandbox\.json|\.ca-wizard\.lock\/\d+|blobs\/[0-9a-f]{2}\/[0-9a-f]{64})$/.test(path),
		);
		expect(unexpected).toEqual([]);
	});
});
