// The Maven endpoint against a data folder seeded on disk (domain, repositories, roles), with a
// counting HTTP server as Maven Central: independent of the control-plane routes, and able to
// speak as role sessions whose policies are set up in advance.
import {createHash} from 'node:crypto';
import {writeFileSync, readFileSync, rmSync} from 'node:fs';
import {createServer, request as httpRequest, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {adminPrincipal, roleSessionPrincipal, type Principal} from '../../../source/sandbox/auth/principal.js';
import {issueAuthorizationToken} from '../../../source/sandbox/codeartifact/auth-token.js';
import {startSandbox, type RunningSandbox} from '../../../source/sandbox/index.js';
import type {PackageRecord, SandboxState} from '../../../source/sandbox/state.js';
import {initialState} from '../../../source/sandbox/store/initial-state.js';
import {temporaryDirectory} from '../../helpers/sandbox.js';
import {roleRecord} from '../../helpers/role-record.js';

const domain = 'acme-corp'; // a dash in the name: the owner is what follows the last one
const jar = Buffer.from('PK\u0003\u0004 lib 1.0 jar bytes');
const pom = Buffer.from(
	'<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>lib</artifactId><version>1.0</version></project>',
);
const centralMetadata = Buffer.from(
	'<?xml version="1.0"?><metadata><groupId>com.example</groupId><artifactId>lib</artifactId><versioning><latest>1.0</latest><release>1.0</release><versions><version>0.9</version><version>1.0</version></versions></versioning></metadata>',
);

// What the fake Maven Central holds, and how often each path was asked for.
const central = new Map<string, Buffer>([
	['com/example/lib/1.0/lib-1.0.jar', jar],
	['com/example/lib/1.0/lib-1.0.pom', pom],
	['com/example/lib/maven-metadata.xml', centralMetadata],
	['com/example/blocked/1.0/blocked-1.0.jar', jar],
	['com/example/burst/1.0/burst-1.0.jar', Buffer.from('burst')],
	['com/example/deep/2.0/deep-2.0.jar', Buffer.from('deep')],
	['com/example/mine/9.0/mine-9.0.jar', Buffer.from('the public impostor')],
	['com/example/lib/2.0-SNAPSHOT/lib-2.0-SNAPSHOT.jar', Buffer.from('a snapshot')],
]);
const hits = new Map<string, number>();
let centralServer: Server;
let sandbox: RunningSandbox;
let state: SandboxState; // the seeded copy: same token secret and account as the running sandbox
let dataDir: string;

function seed(): SandboxState {
	const seeded = initialState({region: 'us-east-1', scenario: 'access-denied'});
	seeded.domains[domain] = {name: domain, createdTime: 1_700_000_000, encryptionKey: 'arn:aws:kms:us-east-1:000000000000:key/x', tags: []};
	const repository = (name: string, upstreams: string[], externalConnections: string[] = []) => {
		seeded.repositories[`${domain}/${name}`] = {domain, name, description: '', upstreams, externalConnections, createdTime: 1_700_000_000, tags: []};
	};
	repository('app', ['middle']);
	repository('middle', ['store']);
	repository('store', [], ['public:maven-central']);
	repository('lonely', []);
	// A package the app repository must never take from upstreams (dependency-confusion protection).
	const blocked: PackageRecord = {
		domain,
		repository: 'app',
		format: 'maven',
		namespace: 'com.example',
		name: 'blocked',
		originConfiguration: {restrictions: {publish: 'ALLOW', upstream: 'BLOCK'}},
		versions: [],
	};
	seeded.packages[[domain, 'app', 'maven', 'com.example', 'blocked'].join('\u0000')] = blocked;
	const role = (name: string, statements: unknown[]) => {
		const id = `AROA${name
			.toUpperCase()
			.replace(/[^A-Z]/g, '')
			.padEnd(17, 'X')}`;
		seeded.iam.roles[name] = roleRecord(name, {id, inlinePolicies: {main: JSON.stringify({Version: '2012-10-17', Statement: statements})}});
	};
	const repositoryArn = (name: string) => `arn:aws:codeartifact:us-east-1:${seeded.accountId}:repository/${domain}/${name}`;
	role('reader-role', [{Effect: 'Allow', Action: 'codeartifact:ReadFromRepository', Resource: repositoryArn('app')}]);
	role('publisher-role', [
		{Effect: 'Allow', Action: 'codeartifact:ReadFromRepository', Resource: repositoryArn('lonely')},
		{
			Effect: 'Allow',
			Action: ['codeartifact:PublishPackageVersion', 'codeartifact:PutPackageMetadata'],
			Resource: `arn:aws:codeartifact:us-east-1:${seeded.accountId}:package/${domain}/lonely/maven/com.example.team/*`,
		},
	]);
	return seeded;
}

/** A token as GetAuthorizationToken would issue it to `principal` (the admin by default). */
function token(
	principal: Principal = adminPrincipal(state),
	tokenDomain = domain,
	owner = state.accountId,
	expiration = Math.floor(Date.now() / 1000) + 3600,
): string {
	return issueAuthorizationToken(state, {principalArn: principal.arn, principalId: principal.userId, domain: tokenDomain, domainOwner: owner, expiration});
}

const roleToken = (role: string) => token(roleSessionPrincipal(state, role, 'i-0123456789abcdef0'));
const basic = (password: string, user = 'aws') => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const base = (repository: string, tokenDomain = domain) => `${sandbox.endpoint}/d/${tokenDomain}-${state.accountId}/maven/${repository}/`;

async function get(repository: string, path: string, init: RequestInit & {password?: string} = {}) {
	const {password = token(), ...rest} = init;
	return fetch(base(repository) + path, {...rest, headers: {authorization: basic(password), ...(rest.headers as Record<string, string> | undefined)}});
}

/** The persisted snapshot (cache fills are written a moment later; flush asks for them now). */
function persisted(): SandboxState {
	sandbox.flush();
	return JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8')) as SandboxState;
}

function persistedPackage(repository: string, name: string, namespace = 'com.example'): PackageRecord | undefined {
	return persisted().packages[[domain, repository, 'maven', namespace, name].join('\u0000')];
}

/** A request with the path sent exactly as written (fetch would resolve dot segments first). */
function rawRequest(path: string, authorization: string): Promise<{status: number; body: string}> {
	const {port} = new URL(sandbox.endpoint);
	return new Promise((resolve, reject) => {
		const req = httpRequest({host: '127.0.0.1', port, path, method: 'GET', headers: {authorization}}, response => {
			const chunks: Buffer[] = [];
			response.on('data', chunk => chunks.push(chunk as Buffer));
			response.on('end', () => resolve({status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8')}));
		});
		req.on('error', reject);
		req.end();
	});
}

beforeAll(async () => {
	centralServer = createServer((request, response) => {
		const path = decodeURIComponent((request.url ?? '/').slice(1));
		hits.set(path, (hits.get(path) ?? 0) + 1);
		const body = central.get(path);
		// A little latency makes concurrent requests overlap, as they do against the real Central.
		setTimeout(() => {
			if (body) response.writeHead(200, {'content-type': 'application/octet-stream'}).end(body);
			else response.writeHead(404).end();
		}, 30);
	});
	await new Promise<void>(resolve => centralServer.listen(0, '127.0.0.1', resolve));
	dataDir = temporaryDirectory('ca-wizard-maven-seeded-');
	state = seed();
	writeFileSync(join(dataDir, 'state.json'), JSON.stringify(state));
	sandbox = await startSandbox({dataDir, mavenCentral: `http://127.0.0.1:${(centralServer.address() as AddressInfo).port}/`, maxBodyBytes: 1024 * 1024});
});

afterAll(async () => {
	await sandbox?.stop();
	await new Promise(resolve => centralServer?.close(resolve));
	if (dataDir) rmSync(dataDir, {recursive: true, force: true});
});

describe('authentication', () => {
	it('challenges a request without credentials with Basic', async () => {
		const response = await fetch(base('app') + 'com/example/lib/1.0/lib-1.0.pom');
		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="[^"]+"$/);
	});

	it.each([
		['a forged token', () => basic('not.a-token')],
		['a token signed with another secret', () => basic(token().replace(/.$/, c => (c === 'A' ? 'B' : 'A')))],
		['a user other than aws', () => basic(token(), 'admin')],
		['a token for another domain', () => basic(token(undefined, 'other-domain'))],
		['a token for another owner', () => basic(token(undefined, domain, '999999999999'))],
	])('refuses %s with 401', async (_name, header) => {
		const response = await fetch(base('app') + 'com/example/lib/1.0/lib-1.0.pom', {headers: {authorization: header()}});
		expect(response.status).toBe(401);
		expect(await response.text()).not.toContain(token().slice(0, 20));
	});

	it('refuses an expired token', async () => {
		const expired = token(undefined, domain, state.accountId, Math.floor(Date.now() / 1000) - 1);
		expect((await get('app', 'com/example/lib/1.0/lib-1.0.pom', {password: expired})).status).toBe(401);
	});

	it('accepts the token as a Bearer credential too', async () => {
		const response = await fetch(base('app') + 'com/example/lib/1.0/lib-1.0.pom', {headers: {authorization: `Bearer ${token()}`}});
		expect(response.status).toBe(200);
	});
});

describe('addressing', () => {
	it('answers 404 for an unknown domain, repository or format', async () => {
		const ghost = await fetch(`${sandbox.endpoint}/d/ghost-${state.accountId}/maven/app/com/example/lib/1.0/lib-1.0.pom`, {
			headers: {authorization: basic(token(undefined, 'ghost'))},
		});
		expect(ghost.status).toBe(404);
		expect((await get('nowhere', 'com/example/lib/1.0/lib-1.0.pom')).status).toBe(404);
		const npm = await fetch(`${sandbox.endpoint}/d/${domain}-${state.accountId}/npm/app/lodash`, {headers: {authorization: basic(token())}});
		// Not a missing file: a format the sandbox does not serve, said so.
		expect(npm.status).toBe(501);
		expect(await npm.text()).toContain('serves the maven and generic formats only');
	});

	it.each([
		'/../../../../etc/passwd',
		'/com/example/lib/1.0/../../../../../../etc/passwd',
		'/com/example/lib/1.0/%2e%2e/%2e%2e/%2e%2e/%2e%2e/state.json',
		'/com/example/lib/1.0/..%2f..%2f..%2fstate.json',
		'/com%2fexample/lib/1.0/lib-1.0.jar',
		'//etc/passwd',
		'/com/example/lib/1.0/..%5c..%5cstate.json',
		'/com/example/lib/1.0/lib-1.0.jar%00.pom',
		'/',
		'/state.json',
		'/blobs',
	])('refuses the path %s', async path => {
		const response = await rawRequest(`/d/${domain}-${state.accountId}/maven/app${path}`, basic(token()));
		// 400 or 404 from the endpoint; a path whose dot segments climb out of /d/ altogether is
		// routed by the server (which resolves them) to the AWS API, and refused there (403).
		expect(path.startsWith('/../') ? [403] : [400, 404]).toContain(response.status);
		expect(response.body).not.toMatch(/root:|tokenSecret/);
	});

	it('refuses methods a repository does not take', async () => {
		const response = await get('app', 'com/example/lib/1.0/lib-1.0.pom', {method: 'DELETE'});
		expect(response.status).toBe(405);
	});
});

describe('reading through upstreams', () => {
	it('fetches from the external connection through the chain and retains the version in the requesting repository and the one holding the connection', async () => {
		const response = await get('app', 'com/example/lib/1.0/lib-1.0.jar');
		expect(response.status).toBe(200);
		expect(Buffer.from(await response.arrayBuffer()).equals(jar)).toBe(true);
		expect(response.headers.get('content-type')).toBe('application/java-archive');
		expect(response.headers.get('content-length')).toBe(String(jar.length));
		expect(Date.parse(response.headers.get('last-modified') ?? '')).toBeGreaterThan(Date.now() - 60_000);
		for (const repository of ['app', 'store']) {
			const pkg = persistedPackage(repository, 'lib');
			expect(pkg?.originConfiguration.restrictions).toEqual({publish: 'BLOCK', upstream: 'ALLOW'});
			expect(pkg?.versions).toHaveLength(1);
			expect(pkg?.versions[0]).toMatchObject({
				version: '1.0',
				status: 'Published',
				origin: {domainEntryPoint: {externalConnectionName: 'public:maven-central'}, originType: 'EXTERNAL'},
			});
			expect(pkg?.versions[0]?.assets.map(a => a.name)).toContain('lib-1.0.jar');
		}
		expect(persistedPackage('middle', 'lib')).toBeUndefined(); // intermediate repositories keep nothing
	});

	it('serves the retained copy without asking Central again, and adds further assets to the same version', async () => {
		const before = hits.get('com/example/lib/1.0/lib-1.0.jar');
		expect((await get('app', 'com/example/lib/1.0/lib-1.0.jar')).status).toBe(200);
		expect(hits.get('com/example/lib/1.0/lib-1.0.jar')).toBe(before);
		const response = await get('app', 'com/example/lib/1.0/lib-1.0.pom');
		expect(response.headers.get('content-type')).toMatch(/^(application|text)\/xml/);
		expect(await response.text()).toBe(pom.toString());
		expect(
			persistedPackage('app', 'lib')
				?.versions[0]?.assets.map(a => a.name)
				.sort(),
		).toEqual(['lib-1.0.jar', 'lib-1.0.pom']);
	});

	it('serves checksums computed from the stored bytes, never fetched', async () => {
		for (const algorithm of ['sha1', 'md5', 'sha256', 'sha512']) {
			const response = await get('app', `com/example/lib/1.0/lib-1.0.jar.${algorithm}`);
			expect(response.status).toBe(200);
			expect(await response.text()).toBe(createHash(algorithm).update(jar).digest('hex'));
		}
		expect([...hits.keys()].some(path => /\.(sha1|md5|sha256|sha512)$/.test(path))).toBe(false);
	});

	it('answers HEAD with the headers and no body', async () => {
		const response = await get('app', 'com/example/lib/1.0/lib-1.0.jar', {method: 'HEAD'});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-length')).toBe(String(jar.length));
		expect((await response.arrayBuffer()).byteLength).toBe(0);
	});

	it('serves a version the upstream repository already holds from there, without Central', async () => {
		expect((await get('store', 'com/example/deep/2.0/deep-2.0.jar')).status).toBe(200);
		const before = hits.get('com/example/deep/2.0/deep-2.0.jar');
		expect(await (await get('app', 'com/example/deep/2.0/deep-2.0.jar')).text()).toBe('deep');
		expect(hits.get('com/example/deep/2.0/deep-2.0.jar')).toBe(before);
		expect(persistedPackage('app', 'deep')?.versions[0]?.origin.originType).toBe('EXTERNAL');
	});

	it('answers 404 for what no repository in reach has', async () => {
		expect((await get('app', 'com/example/nothing/1.0/nothing-1.0.jar')).status).toBe(404);
		expect((await get('app', 'com/example/nothing/1.0/nothing-1.0.jar.sha1')).status).toBe(404);
		expect((await get('lonely', 'com/example/lib/1.0/lib-1.0.jar')).status).toBe(404); // no upstream at all
	});

	it('never takes a SNAPSHOT from the external connection', async () => {
		expect((await get('app', 'com/example/lib/2.0-SNAPSHOT/lib-2.0-SNAPSHOT.jar')).status).toBe(404);
		expect(hits.get('com/example/lib/2.0-SNAPSHOT/lib-2.0-SNAPSHOT.jar')).toBeUndefined();
	});

	it('honours upstream: BLOCK (dependency-confusion protection)', async () => {
		const response = await get('app', 'com/example/blocked/1.0/blocked-1.0.jar');
		expect(response.status).toBe(404);
		expect(hits.get('com/example/blocked/1.0/blocked-1.0.jar')).toBeUndefined();
		expect(persistedPackage('store', 'blocked')).toBeUndefined();
	});

	it('fetches a file once and records one version when many ask at the same moment', async () => {
		const responses = await Promise.all(Array.from({length: 12}, (_, i) => get(i % 2 ? 'app' : 'store', 'com/example/burst/1.0/burst-1.0.jar')));
		expect(responses.map(r => r.status)).toEqual(Array(12).fill(200));
		expect(hits.get('com/example/burst/1.0/burst-1.0.jar')).toBe(1);
		for (const repository of ['app', 'store']) {
			const versions = persistedPackage(repository, 'burst')?.versions ?? [];
			expect(versions).toHaveLength(1);
			expect(versions[0]?.assets).toHaveLength(1);
		}
	});
});

describe('maven-metadata.xml', () => {
	it("passes the external connection's metadata through, with matching checksums", async () => {
		const response = await get('app', 'com/example/lib/maven-metadata.xml');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/xml/);
		expect(await response.text()).toBe(centralMetadata.toString());
		const sha1 = await (await get('app', 'com/example/lib/maven-metadata.xml.sha1')).text();
		expect(sha1).toBe(createHash('sha1').update(centralMetadata).digest('hex'));
	});

	it('is never stored as a package version', () => {
		expect(Object.values(persisted().packages).some(p => p.versions.some(v => v.assets.some(a => a.name.startsWith('maven-metadata'))))).toBe(false);
	});

	it('answers 404 when no repository knows the artifact', async () => {
		expect((await get('app', 'com/example/unknown/maven-metadata.xml')).status).toBe(404);
	});
});

describe('authorization of role sessions, at each request', () => {
	it("refuses a role without codeartifact:ReadFromRepository with 403 and AWS's message", async () => {
		const response = await get('app', 'com/example/lib/1.0/lib-1.0.pom', {password: roleToken('build-host-role')});
		expect(response.status).toBe(403);
		expect(await response.text()).toContain(
			`User: arn:aws:sts::${state.accountId}:assumed-role/build-host-role/i-0123456789abcdef0 is not authorized to perform: codeartifact:ReadFromRepository on resource: arn:aws:codeartifact:us-east-1:${state.accountId}:repository/${domain}/app`,
		);
	});

	it('lets a role read only the repositories its policy names', async () => {
		expect((await get('app', 'com/example/lib/1.0/lib-1.0.pom', {password: roleToken('reader-role')})).status).toBe(200);
		expect((await get('store', 'com/example/lib/1.0/lib-1.0.pom', {password: roleToken('reader-role')})).status).toBe(403);
	});

	it('refuses a publish outside the packages the role may publish', async () => {
		const response = await get('lonely', 'com/example/other/1.0/other-1.0.jar', {method: 'PUT', body: jar, password: roleToken('publisher-role')});
		expect(response.status).toBe(403);
		expect(await response.text()).toContain('codeartifact:PublishPackageVersion');
	});
});

describe('publishing (mvn deploy)', () => {
	const file = 'com/example/team/tool/1.0/tool-1.0';
	const toolJar = Buffer.from('PK tool 1.0');
	const toolPom = Buffer.from('<project><artifactId>tool</artifactId></project>');
	const metadata =
		'<metadata><groupId>com.example.team</groupId><artifactId>tool</artifactId><versioning><release>1.0</release><versions><version>1.0</version></versions></versioning></metadata>';
	const put = (path: string, body: Buffer | string) => get('lonely', path, {method: 'PUT', body, password: roleToken('publisher-role')});
	const read = (path: string) => get('lonely', path, {password: roleToken('publisher-role')});

	it('stores assets as an Unfinished version that readers cannot see yet', async () => {
		expect((await put(`${file}.jar`, toolJar)).status).toBe(201);
		expect((await put(`${file}.jar.sha1`, createHash('sha1').update(toolJar).digest('hex'))).status).toBe(200);
		expect((await put(`${file}.pom`, toolPom)).status).toBe(201);
		expect((await put(`${file}.pom.md5`, `${createHash('md5').update(toolPom).digest('hex')}  tool-1.0.pom\n`)).status).toBe(200);
		expect((await read(`${file}.jar`)).status).toBe(404);
		const pkg = persistedPackage('lonely', 'tool', 'com.example.team');
		expect(pkg?.originConfiguration.restrictions).toEqual({publish: 'ALLOW', upstream: 'BLOCK'});
		expect(pkg?.versions[0]).toMatchObject({
			version: '1.0',
			status: 'Unfinished',
			origin: {domainEntryPoint: {repositoryName: 'lonely'}, originType: 'INTERNAL'},
		});
	});

	it('refuses a checksum that does not match the stored asset', async () => {
		expect((await put(`${file}.jar.sha1`, '0'.repeat(40))).status).toBe(400);
	});

	it('publishes the version when its maven-metadata.xml arrives', async () => {
		expect((await put('com/example/team/tool/maven-metadata.xml', metadata)).status).toBeLessThan(300);
		expect((await put('com/example/team/tool/maven-metadata.xml.sha1', createHash('sha1').update(metadata).digest('hex'))).status).toBeLessThan(300);
		const response = await read(`${file}.jar`);
		expect(response.status).toBe(200);
		expect(Buffer.from(await response.arrayBuffer()).equals(toolJar)).toBe(true);
		expect(persistedPackage('lonely', 'tool', 'com.example.team')?.versions[0]?.status).toBe('Published');
	});

	it('generates maven-metadata.xml from the published versions', async () => {
		const response = await read('com/example/team/tool/maven-metadata.xml');
		expect(response.status).toBe(200);
		const xml = await response.text();
		expect(xml).toContain('<groupId>com.example.team</groupId>');
		expect(xml).toContain('<artifactId>tool</artifactId>');
		expect(xml).toContain('<latest>1.0</latest>');
		expect(xml).toContain('<release>1.0</release>');
		expect(xml).toContain('<versions>\n      <version>1.0</version>\n    </versions>');
		expect(xml).toMatch(/<lastUpdated>\d{14}<\/lastUpdated>/);
		expect(await (await read('com/example/team/tool/maven-metadata.xml.sha1')).text()).toBe(createHash('sha1').update(xml).digest('hex'));
	});

	it('accepts identical bytes again but refuses different bytes for an existing asset (409)', async () => {
		expect((await put(`${file}.jar`, toolJar)).status).toBe(200);
		expect((await put(`${file}.jar`, Buffer.from('PK tampered'))).status).toBe(409);
	});

	it('refuses to publish into a package that came from upstream (publish: BLOCK)', async () => {
		const response = await get('app', 'com/example/lib/1.1/lib-1.1.jar', {method: 'PUT', body: jar});
		expect(response.status).toBe(409);
		expect(await response.text()).toMatch(/publish: BLOCK/);
	});

	it('keeps a published package from being shadowed by a public one (upstream: BLOCK)', async () => {
		const adminPut = (path: string, body: string) => get('app', path, {method: 'PUT', body});
		expect((await adminPut('com/example/mine/1.0/mine-1.0.jar', 'internal')).status).toBe(201);
		expect(
			(await adminPut('com/example/mine/maven-metadata.xml', '<metadata><versioning><versions><version>1.0</version></versions></versioning></metadata>'))
				.status,
		).toBe(201);
		expect((await get('app', 'com/example/mine/9.0/mine-9.0.jar')).status).toBe(404);
		expect(hits.get('com/example/mine/9.0/mine-9.0.jar')).toBeUndefined();
		// Its metadata is generated from what was published, not taken from Central.
		expect(await (await get('app', 'com/example/mine/maven-metadata.xml')).text()).toContain('<version>1.0</version>');
	});

	it('publishes SNAPSHOT builds and describes the newest in the version-level metadata', async () => {
		const folder = 'com/example/team/snap/1.1-SNAPSHOT';
		for (const build of ['20240102.030405-1', '20240102.040506-2']) {
			expect((await put(`${folder}/snap-1.1-${build}.jar`, `jar ${build}`)).status).toBe(201);
			expect((await put(`${folder}/snap-1.1-${build}.pom`, `pom ${build}`)).status).toBe(201);
			expect((await put(`${folder}/maven-metadata.xml`, '<metadata/>')).status).toBe(201);
		}
		expect(
			(
				await put(
					'com/example/team/snap/maven-metadata.xml',
					'<metadata><versioning><versions><version>1.1-SNAPSHOT</version></versions></versioning></metadata>',
				)
			).status,
		).toBe(201);
		const xml = await (await read(`${folder}/maven-metadata.xml`)).text();
		expect(xml).toContain('<version>1.1-SNAPSHOT</version>');
		expect(xml).toContain('<timestamp>20240102.040506</timestamp>');
		expect(xml).toContain('<buildNumber>2</buildNumber>');
		expect(xml).toContain('<extension>jar</extension>\n        <value>1.1-20240102.040506-2</value>');
		expect(await (await read(`${folder}/snap-1.1-20240102.040506-2.jar`)).text()).toBe('jar 20240102.040506-2');
		expect(await (await read('com/example/team/snap/maven-metadata.xml')).text()).toContain('<latest>1.1-SNAPSHOT</latest>');
	});

	it('refuses a body over the limit with 413', async () => {
		const response = await put('com/example/team/big/1.0/big-1.0.jar', Buffer.alloc(1024 * 1024 + 1));
		expect(response.status).toBe(413);
	});
});
