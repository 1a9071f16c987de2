// The Maven repository endpoint end to end, set up and inspected with the official SDK only:
// real HTTP, the offline Maven Central (~/.m2/repository) behind public:maven-central, tokens
// from GetAuthorizationToken, and a role session whose policies change between requests.
import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {request as httpRequest} from 'node:http';
import {join} from 'node:path';
import {
	AssociateExternalConnectionCommand,
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	GetAuthorizationTokenCommand,
	GetPackageVersionAssetCommand,
	GetRepositoryEndpointCommand,
	ListPackagesCommand,
	ListPackageVersionAssetsCommand,
	ListPackageVersionsCommand,
	PutPackageOriginConfigurationCommand,
} from '@aws-sdk/client-codeartifact';
import {DeleteRolePolicyCommand, IAMClient, PutRolePolicyCommand} from '@aws-sdk/client-iam';
import {fromInstanceMetadata} from '@aws-sdk/credential-providers';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {adminConfig, offlineMavenCentral, useMetadataEndpoint, useSandbox} from '../../helpers/sandbox.js';

const domain = 'demo-corp';
const lang3 = 'org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0';
const jacksonCore = 'com/fasterxml/jackson/core/jackson-core/2.17.2/jackson-core-2.17.2';
const inCi = process.env.CI === 'true';
const missing = [`${lang3}.jar`, `${lang3}.pom`, `${jacksonCore}.jar`].filter(file => !existsSync(join(offlineMavenCentral, file)));
// In CI the offline Maven Central is part of the environment: its absence is a failure, not a skip.
const skipReason = missing.length > 0 && !inCi ? `the offline Maven Central lacks ${missing.join(', ')}` : undefined;
if (skipReason) console.warn(`Skipping the Maven endpoint tests: ${skipReason}.`);

describe.skipIf(skipReason !== undefined)('the Maven repository endpoint', () => {
	const sandbox = useSandbox();
	let client: CodeartifactClient;
	let token: string;
	let appUrl: string;
	let isolatedUrl: string;
	let owner: string;

	const basic = (password: string) => `Basic ${Buffer.from(`aws:${password}`).toString('base64')}`;
	const get = (url: string, init: RequestInit & {password?: string} = {}) => {
		const {password = token, ...rest} = init;
		return fetch(url, {...rest, headers: {authorization: basic(password)}});
	};
	const packages = async (repository: string) => (await client.send(new ListPackagesCommand({domain, repository, format: 'maven'}))).packages ?? [];

	beforeAll(async () => {
		expect(missing, `the offline Maven Central (${offlineMavenCentral}) must hold these files`).toEqual([]);
		client = new CodeartifactClient(adminConfig(sandbox.current));
		owner = sandbox.current.accountId;
		await client.send(new CreateDomainCommand({domain}));
		await client.send(new CreateDomainCommand({domain: 'other-corp'}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'maven-central-store'}));
		await client.send(new AssociateExternalConnectionCommand({domain, repository: 'maven-central-store', externalConnection: 'public:maven-central'}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'app', upstreams: [{repositoryName: 'maven-central-store'}]}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'isolated'}));
		token = (await client.send(new GetAuthorizationTokenCommand({domain}))).authorizationToken ?? '';
		appUrl = (await client.send(new GetRepositoryEndpointCommand({domain, repository: 'app', format: 'maven'}))).repositoryEndpoint ?? '';
		isolatedUrl = (await client.send(new GetRepositoryEndpointCommand({domain, repository: 'isolated', format: 'maven'}))).repositoryEndpoint ?? '';
	});

	afterAll(() => client?.destroy());

	it('lives where GetRepositoryEndpoint says', () => {
		expect(appUrl).toBe(`${sandbox.current.endpoint}/d/${domain}-${owner}/maven/app/`);
	});

	describe('authentication', () => {
		it('challenges a request without credentials', async () => {
			const response = await fetch(`${appUrl}${lang3}.pom`);
			expect(response.status).toBe(401);
			expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="/);
		});

		it('refuses a bad token', async () => {
			expect((await get(`${appUrl}${lang3}.pom`, {password: 'eyJub3QiOiJ2YWxpZCJ9.c2lnbmF0dXJl'})).status).toBe(401);
		});

		it('refuses a token for another domain', async () => {
			const other = (await client.send(new GetAuthorizationTokenCommand({domain: 'other-corp'}))).authorizationToken ?? '';
			expect((await get(`${appUrl}${lang3}.pom`, {password: other})).status).toBe(401);
		});
	});

	describe('reading through the upstream chain', () => {
		it('fetches from the offline Maven Central, byte for byte', async () => {
			for (const extension of ['pom', 'jar']) {
				const response = await get(`${appUrl}${lang3}.${extension}`);
				expect(response.status).toBe(200);
				const body = Buffer.from(await response.arrayBuffer());
				expect(body.equals(readFileSync(join(offlineMavenCentral, `${lang3}.${extension}`)))).toBe(true);
				expect(response.headers.get('content-length')).toBe(String(body.length));
				expect(response.headers.get('content-type')).toBe(extension === 'jar' ? 'application/java-archive' : 'application/xml');
				expect(response.headers.get('last-modified')).toMatch(/GMT$/);
			}
		});

		it('serves checksums equal to the hashes of the bytes', async () => {
			const bytes = readFileSync(join(offlineMavenCentral, `${lang3}.jar`));
			for (const algorithm of ['sha1', 'md5', 'sha256', 'sha512']) {
				expect(await (await get(`${appUrl}${lang3}.jar.${algorithm}`)).text()).toBe(createHash(algorithm).update(bytes).digest('hex'));
			}
		});

		it('lists the fetched assets with all four hashes of their bytes', async () => {
			const bytes = readFileSync(join(offlineMavenCentral, `${lang3}.jar`));
			expect((await get(`${appUrl}${lang3}.jar`)).status).toBe(200);
			const hash = (algorithm: string) => createHash(algorithm).update(bytes).digest('hex');
			for (const repository of ['app', 'maven-central-store']) {
				const {assets} = await client.send(
					new ListPackageVersionAssetsCommand({
						domain,
						repository,
						format: 'maven',
						namespace: 'org.apache.commons',
						package: 'commons-lang3',
						packageVersion: '3.14.0',
					}),
				);
				expect(assets?.find(asset => asset.name === 'commons-lang3-3.14.0.jar')).toEqual({
					name: 'commons-lang3-3.14.0.jar',
					size: bytes.length,
					hashes: {MD5: hash('md5'), 'SHA-1': hash('sha1'), 'SHA-256': hash('sha256'), 'SHA-512': hash('sha512')},
				});
			}
		});

		it('answers HEAD without a body', async () => {
			const response = await get(`${appUrl}${lang3}.jar`, {method: 'HEAD'});
			expect(response.status).toBe(200);
			expect(Number(response.headers.get('content-length'))).toBeGreaterThan(100_000);
			expect((await response.arrayBuffer()).byteLength).toBe(0);
		});

		it('retains the package in the requesting repository and in the one with the external connection', async () => {
			for (const repository of ['app', 'maven-central-store']) {
				const found = (await packages(repository)).find(p => p.package === 'commons-lang3');
				expect(found).toMatchObject({
					format: 'maven',
					namespace: 'org.apache.commons',
					package: 'commons-lang3',
					originConfiguration: {restrictions: {publish: 'BLOCK', upstream: 'ALLOW'}},
				});
				const {versions} = await client.send(
					new ListPackageVersionsCommand({domain, repository, format: 'maven', namespace: 'org.apache.commons', package: 'commons-lang3'}),
				);
				expect(versions).toHaveLength(1);
				expect(versions?.[0]).toMatchObject({
					version: '3.14.0',
					status: 'Published',
					origin: {domainEntryPoint: {externalConnectionName: 'public:maven-central'}, originType: 'EXTERNAL'},
				});
			}
		});

		it('generates maven-metadata.xml from the versions it holds (the offline Central has none)', async () => {
			const response = await get(`${appUrl}org/apache/commons/commons-lang3/maven-metadata.xml`);
			expect(response.status).toBe(200);
			const xml = await response.text();
			expect(xml).toContain('<artifactId>commons-lang3</artifactId>');
			expect(xml).toContain('<release>3.14.0</release>');
			expect(await (await get(`${appUrl}org/apache/commons/commons-lang3/maven-metadata.xml.sha1`)).text()).toBe(createHash('sha1').update(xml).digest('hex'));
		});

		it('honours upstream: BLOCK, and lifting it lets the package through', async () => {
			const coordinates = {domain, repository: 'app', format: 'maven' as const, namespace: 'com.fasterxml.jackson.core', package: 'jackson-core'};
			await client.send(new PutPackageOriginConfigurationCommand({...coordinates, restrictions: {publish: 'ALLOW', upstream: 'BLOCK'}}));
			expect((await get(`${appUrl}${jacksonCore}.jar`)).status).toBe(404);
			expect((await packages('maven-central-store')).some(p => p.package === 'jackson-core')).toBe(false);
			await client.send(new PutPackageOriginConfigurationCommand({...coordinates, restrictions: {publish: 'BLOCK', upstream: 'ALLOW'}}));
			expect((await get(`${appUrl}${jacksonCore}.jar`)).status).toBe(200);
		});

		it('answers 404 in a repository without upstreams', async () => {
			expect((await get(`${isolatedUrl}${lang3}.jar`)).status).toBe(404);
		});
	});

	describe('publishing', () => {
		const file = 'com/example/demo/greeter/1.0.0/greeter-1.0.0';
		const jar = Buffer.from('PK\u0003\u0004 greeter');
		const coordinates = {domain, repository: 'isolated', format: 'maven' as const, namespace: 'com.example.demo', package: 'greeter'};

		it('takes a mvn deploy sequence and publishes the version with the metadata', async () => {
			const put = (path: string, body: string | Buffer) => get(`${isolatedUrl}${path}`, {method: 'PUT', body});
			expect((await put(`${file}.jar`, jar)).status).toBe(201);
			expect((await put(`${file}.jar.sha1`, createHash('sha1').update(jar).digest('hex'))).ok).toBe(true);
			expect((await put(`${file}.pom`, '<project/>')).status).toBe(201);
			expect(
				(
					await put(
						'com/example/demo/greeter/maven-metadata.xml',
						'<metadata><versioning><versions><version>1.0.0</version></versions></versioning></metadata>',
					)
				).ok,
			).toBe(true);
			const found = (await packages('isolated')).find(p => p.package === 'greeter');
			expect(found?.originConfiguration?.restrictions).toEqual({publish: 'ALLOW', upstream: 'BLOCK'});
			const {versions} = await client.send(new ListPackageVersionsCommand(coordinates));
			expect(versions?.[0]).toMatchObject({
				version: '1.0.0',
				status: 'Published',
				origin: {domainEntryPoint: {repositoryName: 'isolated'}, originType: 'INTERNAL'},
			});
			const asset = await client.send(new GetPackageVersionAssetCommand({...coordinates, packageVersion: '1.0.0', asset: 'greeter-1.0.0.jar'}));
			expect(Buffer.from(await asset.asset!.transformToByteArray()).equals(jar)).toBe(true);
			expect(Buffer.from(await (await get(`${isolatedUrl}${file}.jar`)).arrayBuffer()).equals(jar)).toBe(true);
		});

		it('refuses to publish over a package that came from upstream', async () => {
			expect((await get(`${appUrl}org/apache/commons/commons-lang3/9.9.9/commons-lang3-9.9.9.jar`, {method: 'PUT', body: jar})).status).toBe(409);
		});
	});

	it('refuses traversal attempts', async () => {
		const {port} = new URL(sandbox.current.endpoint);
		const status = (path: string) =>
			new Promise<number>((resolve, reject) => {
				const req = httpRequest(
					{host: '127.0.0.1', port, path: `/d/${domain}-${owner}/maven/app/${path}`, headers: {authorization: basic(token)}},
					response => {
						response.resume();
						resolve(response.statusCode ?? 0);
					},
				);
				req.on('error', reject);
				req.end();
			});
		for (const path of ['org/%2e%2e/%2e%2e/%2e%2e/%2e%2e/state.json', 'org/apache/..%2f..%2fstate.json', '%2fetc/passwd/x/y', 'a/b/c/..']) {
			expect([400, 404]).toContain(await status(path));
		}
	});

	describe('a role session, authorized at each request', () => {
		useMetadataEndpoint(sandbox);

		it('is refused without codeartifact:ReadFromRepository, then served once a policy allows it', async () => {
			const {accountId, instanceId, region} = sandbox.current;
			const iam = new IAMClient(adminConfig(sandbox.current));
			const allow = (statements: object[]) => JSON.stringify({Version: '2012-10-17', Statement: statements});
			const tokenStatements = [
				{Effect: 'Allow', Action: 'codeartifact:GetAuthorizationToken', Resource: '*'},
				{Effect: 'Allow', Action: 'sts:GetServiceBearerToken', Resource: '*', Condition: {StringEquals: {'sts:AWSServiceName': 'codeartifact.amazonaws.com'}}},
			];
			await iam.send(new PutRolePolicyCommand({RoleName: 'build-host-role', PolicyName: 'codeartifact', PolicyDocument: allow(tokenStatements)}));
			const hostClient = new CodeartifactClient({
				endpoint: sandbox.current.endpoint,
				region,
				maxAttempts: 1,
				credentials: fromInstanceMetadata({timeout: 2000, maxRetries: 0}),
			});
			const roleToken = (await hostClient.send(new GetAuthorizationTokenCommand({domain}))).authorizationToken ?? '';
			hostClient.destroy();

			const denied = await get(`${appUrl}${lang3}.pom`, {password: roleToken});
			expect(denied.status).toBe(403);
			expect(await denied.text()).toContain(
				`User: arn:aws:sts::${accountId}:assumed-role/build-host-role/${instanceId} is not authorized to perform: codeartifact:ReadFromRepository on resource: arn:aws:codeartifact:${region}:${accountId}:repository/${domain}/app because no identity-based policy allows the codeartifact:ReadFromRepository action`,
			);

			const read = {Effect: 'Allow', Action: 'codeartifact:ReadFromRepository', Resource: `arn:aws:codeartifact:${region}:${accountId}:repository/${domain}/*`};
			await iam.send(new PutRolePolicyCommand({RoleName: 'build-host-role', PolicyName: 'codeartifact', PolicyDocument: allow([...tokenStatements, read])}));
			expect((await get(`${appUrl}${lang3}.pom`, {password: roleToken})).status).toBe(200);

			await iam.send(new DeleteRolePolicyCommand({RoleName: 'build-host-role', PolicyName: 'codeartifact'}));
			expect((await get(`${appUrl}${lang3}.pom`, {password: roleToken})).status).toBe(403);
			iam.destroy();
		});
	});
});
