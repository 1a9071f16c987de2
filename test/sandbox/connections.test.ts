import {createHash} from 'node:crypto';
import {request as httpRequest} from 'node:http';
import {connect, type Socket} from 'node:net';
import {
	CreateDomainCommand,
	CreateRepositoryCommand,
	GetAuthorizationTokenCommand,
	GetRepositoryEndpointCommand,
	ListPackageVersionsCommand,
	type CodeartifactClient,
} from '@aws-sdk/client-codeartifact';
import {HttpRequest} from '@smithy/protocol-http';
import {SignatureV4} from '@smithy/signature-v4';
import {beforeAll, describe, expect, it} from 'vitest';
import {NodeSha256} from '../../source/sandbox/auth/sigv4.js';
import {useSandbox} from '../helpers/sandbox.js';
import {adminClient} from './codeartifact/client.js';

// How the sandbox treats connections that misbehave: an upload the client drops half way is the
// client's doing (one quiet line in the log, no stack trace, no 500), and a client that stalls
// is dropped after the configured time, while a slow but steady upload is not. The timeouts are
// shortened here; each test waits for the connection's own close event, never a fixed sleep.

const timeouts = {headersMs: 300, requestMs: 2500, keepAliveMs: 2000};
const domain = 'conn';
const repository = 'releases';

/** The sandbox's log, and a way to wait for its next line. */
function logSink() {
	const lines: string[] = [];
	let waiting: ((line: string) => void) | undefined;
	return {
		lines,
		log(line: string) {
			lines.push(line);
			waiting?.(line);
		},
		/** The next line logged from now on. */
		next(): Promise<string> {
			return new Promise(resolve => (waiting = resolve));
		},
	};
}

/** A raw connection that sends `firstBytes`: what came back, and how long after opening it closed. */
function rawConnection(endpoint: string, firstBytes: string | Buffer): Promise<{socket: Socket; closed: Promise<{after: number; received: string}>}> {
	const url = new URL(endpoint);
	return new Promise(resolve => {
		const socket = connect(Number(url.port), url.hostname, () => {
			const opened = performance.now();
			let received = '';
			socket.setEncoding('utf8');
			socket.on('data', (chunk: string) => (received += chunk));
			socket.on('error', () => {});
			const closed = new Promise<{after: number; received: string}>(done => socket.on('close', () => done({after: performance.now() - opened, received})));
			socket.write(firstBytes);
			resolve({socket, closed});
		});
	});
}

describe('connections', () => {
	const sink = logSink();
	const sandbox = useSandbox({timeouts, log: line => sink.log(line)});
	let client: CodeartifactClient;
	let artifactUrl: (version: string) => string;
	let authorization: string;

	beforeAll(async () => {
		client = adminClient(sandbox.current);
		await client.send(new CreateDomainCommand({domain}));
		await client.send(new CreateRepositoryCommand({domain, repository}));
		const token = (await client.send(new GetAuthorizationTokenCommand({domain}))).authorizationToken!;
		authorization = `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`;
		const endpoint = (await client.send(new GetRepositoryEndpointCommand({domain, repository, format: 'maven'}))).repositoryEndpoint!;
		artifactUrl = version => `${endpoint}com/example/lib/${version}/lib-${version}.jar`;
	});

	/** Starts an upload announcing `declared` bytes, sends `sent` of them, then drops the connection. */
	function droppedUpload(method: string, url: string, headers: Record<string, string>, declared: number, sent: number): Promise<void> {
		return new Promise(resolve => {
			const request = httpRequest(url, {method, headers: {...headers, 'content-length': String(declared)}});
			request.on('error', () => resolve());
			request.on('close', () => resolve());
			request.write(Buffer.alloc(sent, 0x61), () => setImmediate(() => request.destroy()));
		});
	}

	describe('an upload the client drops half way', () => {
		it('at the Maven endpoint: one quiet line, no stack trace, nothing stored', async () => {
			const line = sink.next();
			await droppedUpload('PUT', artifactUrl('1.0'), {authorization}, 1024 * 1024, 64 * 1024);
			const logged = await line;
			expect(logged).toMatch(
				/^PUT \/d\/conn-\d{12}\/maven\/releases\/com\/example\/lib\/1\.0\/lib-1\.0\.jar: the connection closed after \d+ of 1048576 bytes of the body; nothing was stored\.$/,
			);
			expect(sink.lines.join('\n')).not.toMatch(/internal error|\n\s+at /);
			await expect(
				client.send(new ListPackageVersionsCommand({domain, repository, format: 'maven', namespace: 'com.example', package: 'lib'})),
			).rejects.toMatchObject({name: 'ResourceNotFoundException'});
		});

		it('in PublishPackageVersion: the same', async () => {
			const asset = Buffer.alloc(1024 * 1024, 0x62);
			const url = new URL(sandbox.current.endpoint);
			const query = {domain, repository, format: 'generic', namespace: 'ns', package: 'pkg', version: '1.0', asset: 'big.bin'};
			const signed = await new SignatureV4({
				credentials: sandbox.current.admin,
				region: sandbox.current.region,
				service: 'codeartifact',
				sha256: NodeSha256,
			}).sign(
				new HttpRequest({
					method: 'POST',
					protocol: 'http:',
					hostname: url.hostname,
					port: Number(url.port),
					path: '/v1/package/version/publish',
					query,
					headers: {host: url.host, 'content-type': 'application/octet-stream', 'x-amz-content-sha256': createHash('sha256').update(asset).digest('hex')},
				}),
			);
			const line = sink.next();
			await droppedUpload(
				'POST',
				`${sandbox.current.endpoint}/v1/package/version/publish?${new URLSearchParams(query)}`,
				signed.headers as Record<string, string>,
				asset.length,
				64 * 1024,
			);
			expect(await line).toMatch(/^POST \/v1\/package\/version\/publish: the connection closed after \d+ of 1048576 bytes of the body; nothing was stored\.$/);
			expect(sink.lines.join('\n')).not.toMatch(/internal error|\n\s+at /);
		});
	});

	describe('timeouts', () => {
		it('drops a client that never finishes its headers, after headersMs', async () => {
			const {closed} = await rawConnection(sandbox.current.endpoint, 'GET /v1/domains HTTP/1.1\r\nHost: sandbox\r\nX-Slow: ');
			const {after, received} = await closed;
			expect(received).toMatch(/^HTTP\/1\.1 408 /);
			expect(after).toBeGreaterThanOrEqual(timeouts.headersMs - 50);
		});

		it('drops a client that never finishes its body, after requestMs', async () => {
			const path = new URL(artifactUrl('2.0')).pathname;
			const line = sink.next();
			const {closed} = await rawConnection(
				sandbox.current.endpoint,
				`PUT ${path} HTTP/1.1\r\nHost: sandbox\r\nAuthorization: ${authorization}\r\nContent-Length: 100000\r\n\r\n${'a'.repeat(100)}`,
			);
			const {after, received} = await closed;
			expect(received).toMatch(/^HTTP\/1\.1 408 /);
			expect(after).toBeGreaterThanOrEqual(timeouts.requestMs - 50);
			expect(await line).toMatch(/the connection closed after 100 of 100000 bytes/);
		});

		it('keeps a slow upload that outlasts headersMs but not requestMs', async () => {
			const body = Buffer.alloc(5 * 1024, 0x63);
			const request = httpRequest(artifactUrl('3.0'), {method: 'PUT', headers: {authorization, 'content-length': String(body.length)}});
			const status = new Promise<number>((resolve, reject) => {
				request.on('response', response => resolve(response.resume().statusCode ?? 0));
				request.on('error', reject);
			});
			request.write(body.subarray(0, 1024));
			// A connection opened after the upload began loses its socket for its unfinished headers:
			// headersMs has passed for the upload too, which has sent only part of its body.
			const {closed} = await rawConnection(sandbox.current.endpoint, 'GET /v1/domains HTTP/1.1\r\nHost: sandbox\r\n');
			expect((await closed).received).toMatch(/^HTTP\/1\.1 408 /);
			request.end(body.subarray(1024));
			expect(await status).toBe(201);
		});

		it('closes a connection left idle after an answer, after keepAliveMs', async () => {
			let answered = 0;
			const {socket, closed} = await rawConnection(sandbox.current.endpoint, 'GET /v1/domain?domain=conn HTTP/1.1\r\nHost: sandbox\r\n\r\n');
			socket.once('data', () => (answered = performance.now()));
			const {received} = await closed;
			expect(received).toMatch(/^HTTP\/1\.1 403 .*\r\nKeep-Alive: timeout=2\r\n/s); // announced in seconds
			expect(performance.now() - answered).toBeGreaterThanOrEqual(timeouts.keepAliveMs - 50);
		});
	});
});
