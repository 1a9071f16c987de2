import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createMavenUpstream} from '../../../source/sandbox/maven/upstream.js';

// A real node:http server standing in for a remote Maven repository.
let server: Server;
let baseUrl: string;
const requests: Array<Pick<IncomingMessage, 'method' | 'url'>> = [];

// A server that takes requests but never answers: an unreachable-by-timeout host. It keeps
// each request's fate: 'open' until the client gives up on it, then 'abandoned'.
let silent: Server;
let silentUrl: string;
const silentRequests: Array<'open' | 'abandoned'> = [];

let localRepo: string;

async function listen(s: Server): Promise<string> {
	await new Promise<void>(resolve => s.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

async function close(s: Server): Promise<void> {
	s.closeAllConnections();
	await new Promise<void>(resolve => s.close(() => resolve()));
}

beforeAll(async () => {
	server = createServer((request, response) => {
		requests.push({method: request.method, url: request.url});
		if (request.url === '/maven2/com/example/lib/1.0/lib-1.0.jar') {
			response.writeHead(200, {'content-type': 'application/java-archive'}).end('jar-bytes');
		} else if (request.url === '/maven2/com/example/lib/1.0/lib-1.0.pom') {
			response.writeHead(200).end('<project/>');
		} else if (request.url === '/maven2/com/example/boom/1.0/boom-1.0.jar') {
			response.writeHead(500).end('internal error');
		} else {
			response.writeHead(404).end('not found');
		}
	});
	baseUrl = `${await listen(server)}/maven2/`;
	silent = createServer((request, response) => {
		const index = silentRequests.push('open') - 1;
		response.on('close', () => (silentRequests[index] = 'abandoned'));
	});
	silentUrl = `${await listen(silent)}/maven2/`;

	localRepo = await mkdtemp(join(tmpdir(), 'ca-wizard-fallback-'));
	await mkdir(join(localRepo, 'com/example/lib/1.0'), {recursive: true});
	await writeFile(join(localRepo, 'com/example/lib/1.0/lib-1.0.jar'), 'local-jar');
});

afterAll(async () => {
	await close(server);
	await close(silent);
	await rm(localRepo, {recursive: true, force: true});
});

describe('URL upstream', () => {
	it('GETs base + path and keeps the content type', async () => {
		const upstream = createMavenUpstream(baseUrl);
		expect(upstream.description).toBe(baseUrl);
		const file = await upstream.fetch('com/example/lib/1.0/lib-1.0.jar');
		expect(file?.body.toString()).toBe('jar-bytes');
		expect(file?.contentType).toBe('application/java-archive');
		expect(requests.at(-1)).toEqual({method: 'GET', url: '/maven2/com/example/lib/1.0/lib-1.0.jar'});
	});

	it('adds the trailing slash and guesses a missing content type', async () => {
		const upstream = createMavenUpstream(baseUrl.slice(0, -1));
		const file = await upstream.fetch('com/example/lib/1.0/lib-1.0.pom');
		expect(file?.body.toString()).toBe('<project/>');
		expect(file?.contentType).toBe('application/xml');
	});

	it('maps 404 to undefined', async () => {
		expect(await createMavenUpstream(baseUrl).fetch('com/example/lib/2.0/lib-2.0.jar')).toBeUndefined();
	});

	it('throws on other errors, naming the URL and status', async () => {
		const url = `${baseUrl}com/example/boom/1.0/boom-1.0.jar`;
		await expect(createMavenUpstream(baseUrl).fetch('com/example/boom/1.0/boom-1.0.jar')).rejects.toThrow(
			new RegExp(`${url.replaceAll('.', String.raw`\.`)}.*500`),
		);
	});

	it('never sends invalid paths upstream', async () => {
		const before = requests.length;
		expect(await createMavenUpstream(baseUrl).fetch('%2e%2e/%2e%2e/etc/passwd/x/passwd-x.jar')).toBeUndefined();
		expect(requests.length).toBe(before);
	});
});

describe('default upstream', () => {
	it('uses the default URL when it is reachable, without a notice', async () => {
		const notices: string[] = [];
		const upstream = createMavenUpstream(undefined, {defaultUrl: baseUrl, localRepository: localRepo, onNotice: m => notices.push(m)});
		expect(upstream.description).toBe(baseUrl);
		expect((await upstream.fetch('com/example/lib/1.0/lib-1.0.jar'))?.body.toString()).toBe('jar-bytes');
		expect(notices).toEqual([]);
	});

	it('falls back to the local repository when the URL refuses connections, noticing once', async () => {
		const notices: string[] = [];
		const upstream = createMavenUpstream(undefined, {
			defaultUrl: 'http://127.0.0.1:1/maven2/',
			localRepository: localRepo,
			onNotice: m => notices.push(m),
		});
		// Lazy: nothing is probed before the first fetch.
		expect(upstream.description).toBe('http://127.0.0.1:1/maven2/');
		const [first, second] = await Promise.all([upstream.fetch('com/example/lib/1.0/lib-1.0.jar'), upstream.fetch('com/example/lib/1.0/lib-1.0.jar.sha1')]);
		expect(first?.body.toString()).toBe('local-jar');
		expect(second?.body.toString()).toMatch(/^[0-9a-f]{40}$/);
		expect(await upstream.fetch('com/example/lib/2.0/lib-2.0.jar')).toBeUndefined();
		expect(upstream.description).toBe(`local Maven repository ${localRepo}`);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toContain('http://127.0.0.1:1/maven2/');
		expect(notices[0]).toContain(localRepo);
	});

	it('falls back when the URL does not answer within the probe timeout', async () => {
		const notices: string[] = [];
		const upstream = createMavenUpstream(undefined, {
			defaultUrl: silentUrl,
			localRepository: localRepo,
			probeTimeoutMs: 200,
			onNotice: m => notices.push(m),
		});
		// Without the timeout the probe would wait for an answer that never comes.
		expect((await upstream.fetch('com/example/lib/1.0/lib-1.0.jar'))?.body.toString()).toBe('local-jar');
		expect(notices).toHaveLength(1);
		await expect.poll(() => silentRequests).toEqual(['abandoned']); // the probe, given up on
	});
});
