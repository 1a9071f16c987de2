import {describe, expect, it} from 'vitest';
import type {AwsApis} from '../../source/aws/apis.js';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {AwsFailure} from '../../source/aws/errors.js';
import {useSandbox} from '../helpers/sandbox.js';
import {TestClock} from '../helpers/test-clock.js';

describe('the CodeArtifact adapter against the sandbox', () => {
	const clock = new TestClock();
	const sandbox = useSandbox({clock});
	const apis = async (): Promise<AwsApis> => createAwsApis({kind: 'sandbox', ...sandbox.current});

	it('creates, describes and lists domains; a second create is a conflict', async () => {
		const {codeartifact} = await apis();
		expect(await codeartifact.describeDomain('acme')).toBeUndefined();
		const created = await codeartifact.createDomain('acme');
		expect(created).toMatchObject({name: 'acme', owner: sandbox.current.accountId, status: 'Active'});
		expect(created.arn).toBe(`arn:aws:codeartifact:${sandbox.current.region}:${sandbox.current.accountId}:domain/acme`);
		expect(created.createdTime).toBeInstanceOf(Date);
		expect(await codeartifact.describeDomain('acme')).toEqual(created);
		expect((await codeartifact.listDomains()).map(domain => domain.name)).toContain('acme');

		const again = await codeartifact.createDomain('acme').catch((error: unknown) => error);
		expect(again).toBeInstanceOf(AwsFailure);
		expect(again).toMatchObject({kind: 'conflict', code: 'ConflictException', operation: 'codeartifact:CreateDomain'});
		expect((again as AwsFailure).message).toMatch(/acme/);
	});

	it('creates repositories with upstreams and an external connection, and changes upstreams', async () => {
		const {codeartifact} = await apis();
		await codeartifact.createDomain('repos');
		const store = await codeartifact.createRepository('repos', 'store', {description: 'Maven Central, cached'});
		expect(store).toEqual({
			name: 'store',
			domain: 'repos',
			domainOwner: sandbox.current.accountId,
			arn: `arn:aws:codeartifact:${sandbox.current.region}:${sandbox.current.accountId}:repository/repos/store`,
			description: 'Maven Central, cached',
			upstreams: [],
			externalConnections: [],
		});
		expect((await codeartifact.associateExternalConnection('repos', 'store', 'public:maven-central')).externalConnections).toEqual(['public:maven-central']);
		const app = await codeartifact.createRepository('repos', 'app', {upstreams: ['store']});
		expect(app).toMatchObject({name: 'app', description: '', upstreams: ['store']});
		expect((await codeartifact.updateUpstreams('repos', 'app', [])).upstreams).toEqual([]);
		expect((await codeartifact.updateUpstreams('repos', 'app', ['store'])).upstreams).toEqual(['store']);

		expect(await codeartifact.describeRepository('repos', 'store')).toMatchObject({externalConnections: ['public:maven-central']});
		expect(await codeartifact.describeRepository('repos', 'missing')).toBeUndefined();
		expect(await codeartifact.describeRepository('no-such-domain', 'store')).toBeUndefined();
		const listed = await codeartifact.listRepositories('repos');
		expect(listed.map(repository => [repository.name, repository.upstreams, repository.externalConnections]).sort()).toEqual([
			['app', ['store'], []],
			['store', [], ['public:maven-central']],
		]);
	});

	it('reports a missing domain as not-found and a bad name as validation', async () => {
		const {codeartifact} = await apis();
		await expect(codeartifact.createRepository('no-such-domain', 'app', {})).rejects.toMatchObject({
			kind: 'not-found',
			code: 'ResourceNotFoundException',
			operation: 'codeartifact:CreateRepository',
		});
		await expect(codeartifact.createDomain('Not A Name!')).rejects.toMatchObject({
			kind: 'validation',
			code: 'ValidationException',
			operation: 'codeartifact:CreateDomain',
		});
	});

	it('lists every repository of a domain, past the first page', async () => {
		const {codeartifact} = await apis();
		await codeartifact.createDomain('many');
		const names = Array.from({length: 101}, (_, index) => `repo-${String(index).padStart(3, '0')}`);
		for (const name of names) await codeartifact.createRepository('many', name, {});
		expect((await codeartifact.listRepositories('many')).map(repository => repository.name).sort()).toEqual(names);
	});

	it('hands out an authorization token with its expiration as a Date, and the Maven endpoint', async () => {
		const {codeartifact} = await apis();
		await codeartifact.createDomain('tokens');
		await codeartifact.createRepository('tokens', 'app', {});
		const issued = Math.floor(clock.now().getTime() / 1000) * 1000; // the sandbox counts whole seconds
		const token = await codeartifact.getAuthorizationToken('tokens', {durationSeconds: 900, domainOwner: sandbox.current.accountId});
		expect(token.token.length).toBeGreaterThan(20);
		expect(token.expiration).toBeInstanceOf(Date);
		expect(token.expiration.getTime()).toBe(issued + 900_000);
		expect((await codeartifact.getAuthorizationToken('tokens')).expiration.getTime()).toBeGreaterThan(issued + 3_600_000);

		const endpoint = await codeartifact.getRepositoryEndpoint('tokens', 'app', 'maven');
		expect(endpoint).toBe(`${sandbox.current.endpoint}/d/tokens-${sandbox.current.accountId}/maven/app/`);

		const failure: unknown = await codeartifact.getAuthorizationToken('tokens', {durationSeconds: 1}).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(AwsFailure);
		expect(failure).toMatchObject({kind: 'validation', operation: 'codeartifact:GetAuthorizationToken'});
		expect((failure as AwsFailure).message).not.toContain(token.token);
	});

	it('lists packages and their versions, the most recently published first', async () => {
		const {codeartifact} = await apis();
		await codeartifact.createDomain('pkgs');
		await codeartifact.createRepository('pkgs', 'app', {});
		const {token} = await codeartifact.getAuthorizationToken('pkgs');
		const base = await codeartifact.getRepositoryEndpoint('pkgs', 'app', 'maven');
		const put = async (path: string, body: string) => {
			const response = await fetch(base + path, {method: 'PUT', body, headers: {authorization: `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`}});
			expect(response.status, `PUT ${path}`).toBeLessThan(300);
		};
		const publish = async (version: string, versions: string[]) => {
			await put(`com/example/widget/${version}/widget-${version}.jar`, `widget ${version}`);
			await put(
				'com/example/widget/maven-metadata.xml',
				`<metadata><groupId>com.example</groupId><artifactId>widget</artifactId><versioning><versions>${versions.map(v => `<version>${v}</version>`).join('')}</versions></versioning></metadata>`,
			);
		};
		// Published in an order that is not version order, at distinct times.
		await publish('2.0.0', ['2.0.0']);
		clock.advance(1000);
		await publish('1.0.0', ['1.0.0', '2.0.0']);
		clock.advance(1000);
		const lastPublished = clock.now().getTime();
		await publish('0.1.0', ['0.1.0', '1.0.0', '2.0.0']);

		const packages = await codeartifact.listPackages('pkgs', 'app', {format: 'maven'});
		expect(packages).toEqual([{format: 'maven', namespace: 'com.example', name: 'widget', publish: 'ALLOW', upstream: 'BLOCK'}]);
		expect(await codeartifact.listPackages('pkgs', 'app', {format: 'npm'})).toEqual([]);

		const versions = await codeartifact.listPackageVersions('pkgs', 'app', {format: 'maven', namespace: 'com.example', name: 'widget'});
		expect(versions.map(version => [version.version, version.status])).toEqual([
			['0.1.0', 'Published'],
			['1.0.0', 'Published'],
			['2.0.0', 'Published'],
		]);
		await expect(codeartifact.listPackageVersions('pkgs', 'app', {format: 'maven', namespace: 'com.example', name: 'absent'})).rejects.toMatchObject({
			kind: 'not-found',
		});

		expect(await codeartifact.describePackage('pkgs', 'app', {format: 'maven', namespace: 'com.example', name: 'widget'})).toEqual(packages[0]);
		expect(await codeartifact.describePackage('pkgs', 'app', {format: 'maven', namespace: 'com.example', name: 'absent'})).toBeUndefined();

		const newest = await codeartifact.describePackageVersion('pkgs', 'app', {format: 'maven', namespace: 'com.example', name: 'widget'}, '0.1.0');
		// Published to app itself: that is where it entered the domain.
		expect(newest).toMatchObject({version: '0.1.0', status: 'Published', origin: {repository: 'app'}});
		expect(newest.publishedTime?.getTime()).toBe(lastPublished);
		await expect(codeartifact.describePackageVersion('pkgs', 'app', {format: 'maven', namespace: 'com.example', name: 'widget'}, '9.9')).rejects.toMatchObject({
			kind: 'not-found',
		});
	});
});
