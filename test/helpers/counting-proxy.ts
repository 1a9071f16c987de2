import {createServer, request, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll} from 'vitest';
import type {RunningSandbox} from '../../source/sandbox/index.js';

/** A proxy in front of the sandbox that notes every request reaching it ("METHOD /path"), for tests that count them. */
export function useCountingProxy(sandbox: {readonly current: RunningSandbox}): {readonly url: string; requests: string[]} {
	const state = {url: '', requests: [] as string[]};
	let proxy: Server;
	beforeAll(async () => {
		const target = new URL(sandbox.current.endpoint);
		proxy = createServer((incoming, outgoing) => {
			state.requests.push(`${incoming.method} ${incoming.url}`);
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
