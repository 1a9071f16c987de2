import {createServer, request, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll} from 'vitest';
import type {RunningSandbox} from '../../source/sandbox/index.js';

/**
 * A proxy in front of the sandbox that notes every request reaching it ("METHOD /path"), for
 * tests that count them; a query-protocol call (IAM, EC2, STS) adds its Action ("POST / ListRoles").
 */
export function useCountingProxy(sandbox: {readonly current: RunningSandbox}): {readonly url: string; requests: string[]} {
	const state = {url: '', requests: [] as string[]};
	let proxy: Server;
	beforeAll(async () => {
		const target = new URL(sandbox.current.endpoint);
		proxy = createServer((incoming, outgoing) => {
			const at = state.requests.push(`${incoming.method} ${incoming.url}`) - 1;
			const body: Buffer[] = [];
			incoming.on('data', (chunk: Buffer) => body.push(chunk));
			incoming.on('end', () => {
				const action = new URLSearchParams(Buffer.concat(body).toString('utf8')).get('Action');
				if (action && String(incoming.headers['content-type']).includes('x-www-form-urlencoded')) state.requests[at] += ` ${action}`;
			});
			// Headers go through untouched: the SigV4 signature covers the Host the client used.
			const forward = request({host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers}, answer => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			});
			forward.on('error', () => outgoing.destroy());
			incoming.pipe(forward);
		});
		await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
		state.url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		proxy.closeAllConnections();
		await new Promise(resolve => proxy.close(resolve));
	});
	return state;
}

/** A request that changes something: IAM and EC2 calls other than List/Get/Describe, CodeArtifact writes. */
export function isChange(request: string): boolean {
	const [method = '', path = '', action] = request.split(' ');
	if (action !== undefined) return !/^(List|Get|Describe)/.test(action);
	const route = path.split('?')[0];
	return (
		method === 'DELETE' ||
		method === 'PUT' ||
		(method === 'POST' && ['/v1/domain', '/v1/repository', '/v1/repository/external-connection', '/v1/tag', '/v1/untag'].includes(route ?? ''))
	);
}
