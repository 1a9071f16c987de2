import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';

const run = promisify(execFile);

describe('the aws CLI v1 against the sandbox, as a learner types it', () => {
	const sandbox = useSandbox();
	const home = temporaryDirectory('ca-wizard-cli-home-');
	afterAll(() => rmSync(home, {recursive: true, force: true}));

	/** Runs `aws --endpoint-url URL codeartifact ARGS --output json` and parses its output; never prints it. */
	async function aws(...args: string[]): Promise<Record<string, unknown>> {
		const {env, endpoint, region} = sandbox.current;
		const {stdout} = await run('aws', ['--endpoint-url', endpoint, 'codeartifact', ...args, '--output', 'json'], {
			env: {
				PATH: process.env.PATH ?? '/usr/bin:/bin',
				HOME: home,
				// Keep the developer's own profiles out of the test.
				AWS_CONFIG_FILE: join(home, 'no-config'),
				AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
				...env,
				// CLI v1 (botocore) reads AWS_DEFAULT_REGION only, not AWS_REGION.
				AWS_DEFAULT_REGION: env.AWS_DEFAULT_REGION ?? region,
			},
			timeout: 60_000,
		});
		return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
	}

	it('creates a domain and a repository, connects Maven Central, and reads them back', {timeout: 90_000}, async () => {
		const {accountId, endpoint} = sandbox.current;
		const domain = await aws('create-domain', '--domain', 'learner');
		expect(domain.domain).toMatchObject({name: 'learner', owner: accountId, status: 'Active'});
		// CLI v1 prints timestamps as they came on the wire: epoch seconds.
		expect((domain.domain as {createdTime: unknown}).createdTime).toBeCloseTo(Date.now() / 1000, -2);

		const listed = await aws('list-domains');
		expect((listed.domains as {name: string}[]).map(d => d.name)).toContain('learner');

		await aws('create-repository', '--domain', 'learner', '--domain-owner', accountId, '--repository', 'maven-central-store', '--description', 'Maven Central');
		const app = await aws('create-repository', '--domain', 'learner', '--repository', 'app', '--upstreams', 'repositoryName=maven-central-store');
		expect(app.repository).toMatchObject({name: 'app', upstreams: [{repositoryName: 'maven-central-store'}]});

		const connected = await aws(
			'associate-external-connection',
			'--domain',
			'learner',
			'--repository',
			'maven-central-store',
			'--external-connection',
			'public:maven-central',
		);
		expect(connected.repository).toMatchObject({
			externalConnections: [{externalConnectionName: 'public:maven-central', packageFormat: 'maven', status: 'Available'}],
		});

		const token = await aws('get-authorization-token', '--domain', 'learner', '--domain-owner', accountId, '--duration-seconds', '900');
		expect(typeof token.authorizationToken).toBe('string');
		expect((token.authorizationToken as string).length).toBeGreaterThan(20);
		expect(token.expiration).toBeCloseTo(Date.now() / 1000 + 900, -1);

		const repositoryEndpoint = await aws(
			'get-repository-endpoint',
			'--domain',
			'learner',
			'--domain-owner',
			accountId,
			'--repository',
			'app',
			'--format',
			'maven',
		);
		expect(repositoryEndpoint.repositoryEndpoint).toBe(`${endpoint}/d/learner-${accountId}/maven/app/`);

		const packages = await aws('list-packages', '--domain', 'learner', '--repository', 'app');
		expect(packages.packages).toEqual([]);
	});

	it('publishes a generic package from a file and downloads it again', {timeout: 90_000}, async () => {
		const file = join(home, 'asset.tar.gz');
		const bytes = Buffer.from('not really gzip, but bytes all the same');
		writeFileSync(file, bytes);
		const hash = createHash('sha256').update(bytes).digest('hex');
		await aws('create-domain', '--domain', 'cli-generic');
		await aws('create-repository', '--domain', 'cli-generic', '--repository', 'files');
		const coordinates = [
			'--domain',
			'cli-generic',
			'--repository',
			'files',
			'--format',
			'generic',
			'--namespace',
			'my-ns',
			'--package',
			'my-package',
			'--package-version',
			'1.0.0',
		];
		const published = await aws('publish-package-version', ...coordinates, '--asset-content', file, '--asset-name', 'asset.tar.gz', '--asset-sha256', hash);
		expect(published).toMatchObject({status: 'Published', asset: {name: 'asset.tar.gz', size: bytes.length, hashes: {'SHA-256': hash}}});
		const target = join(home, 'downloaded.tar.gz');
		const downloaded = await aws('get-package-version-asset', ...coordinates, '--asset', 'asset.tar.gz', target);
		expect(downloaded).toMatchObject({assetName: 'asset.tar.gz', packageVersion: '1.0.0', packageVersionRevision: published.versionRevision});
		expect(readFileSync(target)).toEqual(bytes);
		// A Latin-1 name survives the X-AssetName header: the CLI reads header values as Latin-1.
		const accented = ['--package-version', '1.0.1', '--asset', 'café ünïcödé.tar.gz'];
		await aws(
			'publish-package-version',
			...coordinates.slice(0, -2),
			...accented.slice(0, 2),
			'--asset-content',
			file,
			'--asset-name',
			accented[3]!,
			'--asset-sha256',
			hash,
		);
		const again = await aws('get-package-version-asset', ...coordinates.slice(0, -2), ...accented, join(home, 'accented.tar.gz'));
		expect(again.assetName).toBe('café ünïcödé.tar.gz');
	});

	it('cleans up what a learner published: status, dispose, delete versions, delete the package', {timeout: 180_000}, async () => {
		const file = join(home, 'cleanup.bin');
		writeFileSync(file, 'clean me up');
		const hash = createHash('sha256').update('clean me up').digest('hex');
		await aws('create-domain', '--domain', 'cli-cleanup');
		await aws('create-repository', '--domain', 'cli-cleanup', '--repository', 'files');
		const pkg = ['--domain', 'cli-cleanup', '--repository', 'files', '--format', 'generic', '--namespace', 'ns', '--package', 'tool'];
		for (const version of ['1.0.0', '1.0.1', '1.0.2']) {
			await aws('publish-package-version', ...pkg, '--package-version', version, '--asset-content', file, '--asset-name', 'tool.bin', '--asset-sha256', hash);
		}
		const archived = await aws('update-package-versions-status', ...pkg, '--versions', '1.0.0', '--target-status', 'Archived');
		expect(archived).toMatchObject({successfulVersions: {'1.0.0': {status: 'Archived'}}, failedVersions: {}});
		const disposed = await aws('dispose-package-versions', ...pkg, '--versions', '1.0.1', '--expected-status', 'Published');
		expect(disposed).toMatchObject({successfulVersions: {'1.0.1': {status: 'Disposed'}}});
		const deleted = await aws('delete-package-versions', ...pkg, '--versions', '1.0.2', '1.0.9');
		expect(deleted).toMatchObject({successfulVersions: {'1.0.2': {status: 'Deleted'}}, failedVersions: {'1.0.9': {errorCode: 'NOT_FOUND'}}});
		const listed = await aws('list-package-versions', ...pkg);
		expect((listed.versions as {version: string; status: string}[]).map(v => `${v.version} ${v.status}`)).toEqual(['1.0.0 Archived', '1.0.1 Disposed']);
		const gone = await aws('delete-package', ...pkg);
		expect(gone.deletedPackage).toMatchObject({format: 'generic', namespace: 'ns', package: 'tool'});
		expect((await aws('list-packages', '--domain', 'cli-cleanup', '--repository', 'files')).packages).toEqual([]);
	});

	it('lets the CLI paginate list-domains by itself', {timeout: 90_000}, async () => {
		for (let i = 0; i < 4; i++) await aws('create-domain', '--domain', `cli-page-${i}`);
		const listed = await aws('list-domains', '--page-size', '2');
		expect((listed.domains as {name: string}[]).map(d => d.name).filter(n => n.startsWith('cli-page-'))).toEqual([
			'cli-page-0',
			'cli-page-1',
			'cli-page-2',
			'cli-page-3',
		]);
	});

	it("surfaces service errors through the CLI's exit status and message", {timeout: 90_000}, async () => {
		await aws('create-domain', '--domain', 'twice');
		const failure = await aws('create-domain', '--domain', 'twice').then(
			() => undefined,
			(error: Error & {code?: number; stderr?: string}) => error,
		);
		expect(failure?.code).toBe(255); // CLI v1's status for a service error (v2 uses 254)
		expect(failure?.stderr).toContain('An error occurred (ConflictException) when calling the CreateDomain operation');
	});
});
