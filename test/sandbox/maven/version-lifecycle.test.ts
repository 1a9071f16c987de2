// A Maven package version's life as the Maven endpoint and the API see it together: details and
// dependencies read from its POM, what each status lets clients download, publishing refused
// over what an upstream can supply, and a downstream whose upstream repository was deleted.
// The external connection serves a folder this file lays out like a Maven repository.
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {
	AssociateExternalConnectionCommand,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DeletePackageVersionsCommand,
	DeleteRepositoryCommand,
	DescribePackageCommand,
	DescribePackageVersionCommand,
	DescribeRepositoryCommand,
	DisposePackageVersionsCommand,
	GetAuthorizationTokenCommand,
	GetPackageVersionReadmeCommand,
	GetRepositoryEndpointCommand,
	ListPackageVersionDependenciesCommand,
	ListPackageVersionsCommand,
	PutPackageOriginConfigurationCommand,
	UpdatePackageVersionsStatusCommand,
	UpdateRepositoryCommand,
	type CodeartifactClient,
	type PackageVersionStatus,
} from '@aws-sdk/client-codeartifact';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';
import {adminClient} from '../codeartifact/client.js';

const central = temporaryDirectory('ca-wizard-central-');
const centralLib = join(central, 'com', 'acme', 'lib', '1.0');
mkdirSync(centralLib, {recursive: true});
writeFileSync(join(centralLib, 'lib-1.0.pom'), '<project><groupId>com.acme</groupId><artifactId>lib</artifactId><version>1.0</version></project>');
writeFileSync(join(centralLib, 'lib-1.0.jar'), 'PK central lib');

const richPom = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <parent><groupId>com.example</groupId><artifactId>parent</artifactId><version>7</version></parent>
  <groupId>com.example</groupId>
  <artifactId>widget</artifactId>
  <version>2.0</version>
  <name>Widget &amp; Co</name>
  <description>Makes widgets &#8212; fast.</description>
  <url>https://widget.example.com</url>
  <licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0</url></license></licenses>
  <scm><url>https://github.com/example/widget</url></scm>
  <dependencies>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>[2.0,3.0)</version></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>\${junit.version}</version><scope>test</scope></dependency>
  </dependencies>
</project>`;

describe('Maven package versions through the endpoint and the API', () => {
	const sandbox = useSandbox({mavenCentral: central});
	afterAll(() => rmSync(central, {recursive: true, force: true}));
	let client: CodeartifactClient;
	let token: string;
	const domain = 'lifecycle';
	const urls = new Map<string, string>();
	const request = (repository: string, path: string, init: RequestInit = {}) =>
		fetch(`${urls.get(repository)}${path}`, {...init, headers: {authorization: `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`}});
	const folder = (groupId: string, artifactId: string, version: string) => `${groupId.replaceAll('.', '/')}/${artifactId}/${version}/${artifactId}-${version}`;
	/** mvn deploy's sequence: jar, pom, then the artifact's metadata that publishes the version. */
	const deploy = async (repository: string, groupId: string, artifactId: string, version: string, pom = '<project/>') => {
		const base = folder(groupId, artifactId, version);
		const jar = await request(repository, `${base}.jar`, {method: 'PUT', body: `PK ${artifactId} ${version}`});
		if (jar.status !== 201) return jar.status;
		expect((await request(repository, `${base}.pom`, {method: 'PUT', body: pom})).status).toBe(201);
		const metadata = `<metadata><versioning><versions><version>${version}</version></versions></versioning></metadata>`;
		expect((await request(repository, `${groupId.replaceAll('.', '/')}/${artifactId}/maven-metadata.xml`, {method: 'PUT', body: metadata})).status).toBe(201);
		return jar.status;
	};
	const coordinates = (repository: string, groupId: string, artifactId: string) => ({
		domain,
		repository,
		format: 'maven' as const,
		namespace: groupId,
		package: artifactId,
	});
	const setStatus = (repository: string, version: string, targetStatus: PackageVersionStatus) =>
		client.send(new UpdatePackageVersionsStatusCommand({...coordinates(repository, 'com.example', 'widget'), versions: [version], targetStatus}));

	beforeAll(async () => {
		client = adminClient(sandbox.current);
		await client.send(new CreateDomainCommand({domain}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'central-store'}));
		await client.send(new AssociateExternalConnectionCommand({domain, repository: 'central-store', externalConnection: 'public:maven-central'}));
		for (const repository of ['solo', 'shared', 'old-upstream']) await client.send(new CreateRepositoryCommand({domain, repository}));
		const withUpstreams = (repository: string, upstreams: string[]) =>
			client.send(new CreateRepositoryCommand({domain, repository, upstreams: upstreams.map(repositoryName => ({repositoryName}))}));
		await withUpstreams('app', ['shared', 'central-store']);
		await withUpstreams('down', ['old-upstream', 'central-store']);
		token = (await client.send(new GetAuthorizationTokenCommand({domain}))).authorizationToken ?? '';
		for (const repository of ['solo', 'shared', 'app', 'down']) {
			urls.set(repository, (await client.send(new GetRepositoryEndpointCommand({domain, repository, format: 'maven'}))).repositoryEndpoint ?? '');
		}
	});

	it("describes a version with its POM's name, description, URLs and licenses, and lists its dependencies as written", async () => {
		expect(await deploy('solo', 'com.example', 'widget', '2.0', richPom)).toBe(201);
		const widget = {...coordinates('solo', 'com.example', 'widget'), packageVersion: '2.0'};
		const described = await client.send(new DescribePackageVersionCommand(widget));
		expect(outputShapeProblems('codeartifact', 'DescribePackageVersion', described)).toEqual([]);
		expect(described.packageVersion).toMatchObject({
			displayName: 'Widget & Co',
			summary: 'Makes widgets — fast.',
			homePage: 'https://widget.example.com',
			sourceCodeRepository: 'https://github.com/example/widget',
			licenses: [{name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0'}],
		});
		const dependencies = await client.send(new ListPackageVersionDependenciesCommand(widget));
		expect(outputShapeProblems('codeartifact', 'ListPackageVersionDependencies', dependencies)).toEqual([]);
		expect(dependencies).toMatchObject({
			format: 'maven',
			namespace: 'com.example',
			package: 'widget',
			version: '2.0',
			versionRevision: described.packageVersion?.revision,
		});
		expect(dependencies.dependencies).toEqual([
			{namespace: 'com.example', package: 'parent', dependencyType: 'parent', versionRequirement: '7'},
			{namespace: 'org.slf4j', package: 'slf4j-api', dependencyType: 'compile', versionRequirement: '[2.0,3.0)'},
			{namespace: 'org.junit.jupiter', package: 'junit-jupiter', dependencyType: 'test', versionRequirement: '${junit.version}'},
		]);
		expect(dependencies.nextToken).toBeUndefined();
		const readme = await client.send(new GetPackageVersionReadmeCommand(widget));
		expect(outputShapeProblems('codeartifact', 'GetPackageVersionReadme', readme)).toEqual([]);
		// A POM has no readme: its <description> stands in, as the API reference says.
		expect(readme).toMatchObject({format: 'maven', namespace: 'com.example', package: 'widget', version: '2.0', readme: 'Makes widgets — fast.'});
		expect(await deploy('solo', 'com.example', 'bare', '1.0')).toBe(201);
		const bare = await client.send(new GetPackageVersionReadmeCommand({...coordinates('solo', 'com.example', 'bare'), packageVersion: '1.0'}));
		expect(bare.readme).toBeUndefined();
		await expect(client.send(new ListPackageVersionDependenciesCommand({...widget, packageVersion: '9.9'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'package-version',
		});
	});

	it('pages a long dependency list with nextToken', async () => {
		const many = Array.from(
			{length: 120},
			(_, i) => `<dependency><groupId>org.many</groupId><artifactId>dep-${i}</artifactId><version>1</version></dependency>`,
		);
		expect(await deploy('solo', 'com.example', 'big', '1.0', `<project><dependencies>${many.join('')}</dependencies></project>`)).toBe(201);
		const input = {...coordinates('solo', 'com.example', 'big'), packageVersion: '1.0'};
		const first = await client.send(new ListPackageVersionDependenciesCommand(input));
		expect(first.dependencies).toHaveLength(100);
		const second = await client.send(new ListPackageVersionDependenciesCommand({...input, nextToken: first.nextToken}));
		expect(second.dependencies?.map(d => d.package)).toEqual(Array.from({length: 20}, (_, i) => `dep-${100 + i}`));
		expect(second.nextToken).toBeUndefined();
	});

	it('serves an Unlisted version but not an Archived, Disposed or deleted one', async () => {
		expect(await deploy('solo', 'com.example', 'widget', '3.0')).toBe(201);
		const jar = () => request('solo', `${folder('com.example', 'widget', '3.0')}.jar`);
		expect((await jar()).status).toBe(200);
		await setStatus('solo', '3.0', 'Unlisted');
		expect((await jar()).status).toBe(200);
		await setStatus('solo', '3.0', 'Archived');
		expect((await jar()).status).toBe(404);
		expect(await (await request('solo', 'com/example/widget/maven-metadata.xml')).text()).not.toContain('<version>3.0</version>');
		await setStatus('solo', '3.0', 'Published');
		expect((await jar()).status).toBe(200);
		await client.send(new DisposePackageVersionsCommand({...coordinates('solo', 'com.example', 'widget'), versions: ['3.0']}));
		expect((await jar()).status).toBe(404);
		const disposed = await client.send(new DescribePackageVersionCommand({...coordinates('solo', 'com.example', 'widget'), packageVersion: '3.0'}));
		expect(disposed.packageVersion?.status).toBe('Disposed');

		expect(await deploy('solo', 'com.example', 'widget', '4.0')).toBe(201);
		await client.send(new DeletePackageVersionsCommand({...coordinates('solo', 'com.example', 'widget'), versions: ['4.0']}));
		expect((await request('solo', `${folder('com.example', 'widget', '4.0')}.jar`)).status).toBe(404);
	});

	it('refuses with 409 to publish a version an upstream repository or the external connection can supply, and stores nothing', async () => {
		const fromCentral = await request('app', `${folder('com.acme', 'lib', '1.0')}.jar`, {method: 'PUT', body: 'PK impostor'});
		expect(fromCentral.status).toBe(409);
		expect(await fromCentral.text()).toContain('external connection public:maven-central');
		await expect(client.send(new DescribePackageCommand(coordinates('app', 'com.acme', 'lib')))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
		await expect(client.send(new DescribePackageCommand(coordinates('central-store', 'com.acme', 'lib')))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
		});
		expect(await (await request('app', `${folder('com.acme', 'lib', '1.0')}.jar`)).text()).toBe('PK central lib');

		expect(await deploy('shared', 'com.example', 'common', '1.0')).toBe(201);
		const fromShared = await request('app', `${folder('com.example', 'common', '1.0')}.jar`, {method: 'PUT', body: 'PK other'});
		expect(fromShared.status).toBe(409);
		expect(await fromShared.text()).toContain('upstream repository shared');
		expect(await deploy('app', 'com.example', 'common', '1.1')).toBe(201);
		const versions = await client.send(new ListPackageVersionsCommand(coordinates('app', 'com.example', 'common')));
		expect(versions.versions?.map(v => v.version)).toEqual(['1.1']);

		// A package that takes nothing from upstreams in this repository may be published under any version.
		await client.send(
			new PutPackageOriginConfigurationCommand({...coordinates('app', 'org.internal', 'lib'), restrictions: {publish: 'ALLOW', upstream: 'BLOCK'}}),
		);
		expect(await deploy('app', 'org.internal', 'lib', '1.0')).toBe(201);
	});

	it('lets an upstream repository be deleted; its downstream refuses upstream look-ups until UpdateRepository', async () => {
		const pom = `${folder('com.acme', 'lib', '1.0')}.pom`;
		expect((await request('down', pom)).status).toBe(200);
		await client.send(new DeleteRepositoryCommand({domain, repository: 'old-upstream'}));
		const described = await client.send(new DescribeRepositoryCommand({domain, repository: 'down'}));
		expect(described.repository?.upstreams).toEqual([{repositoryName: 'central-store'}]);
		const refused = await request('down', `${folder('com.acme', 'lib', '1.0')}.jar`);
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('A repository referenced in your upstream graph no longer exists.');
		// What the repository holds itself is still served.
		expect((await request('down', pom)).status).toBe(200);
		await client.send(new UpdateRepositoryCommand({domain, repository: 'down'}));
		expect(await (await request('down', `${folder('com.acme', 'lib', '1.0')}.jar`)).text()).toBe('PK central lib');
	});
});
