import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {setTimeout as delay} from 'node:timers/promises';
import {handleApi} from './api.js';
import type {SandboxContext} from './context.js';
import {decideFault, type FaultSpec} from './faults.js';
import {handleInstanceMetadata} from './imds.js';
import {handleMaven, mavenPathPrefix} from './maven/endpoint.js';
import {send} from './protocols/wire-response.js';

export interface ServerOptions {
	faults: FaultSpec;
	maxBodyBytes: number;
}

export function createSandboxServer(context: SandboxContext, options: ServerOptions): Server {
	return createServer((request, response) => {
		handle(request, response, context, options).catch(error => {
			context.log(`internal error: ${(error as Error).stack ?? String(error)}`);
			if (!response.headersSent) send(response, {status: 500, headers: {'content-type': 'text/plain'}, body: 'Internal sandbox error'});
			else response.destroy();
		});
	});
}

async function handle(request: IncomingMessage, response: ServerResponse, context: SandboxContext, options: ServerOptions): Promise<void> {
	const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
	const method = request.method ?? 'GET';
	if (url.pathname.startsWith('/latest/')) {
		send(response, await handleInstanceMetadata(request, url, context), method);
		return;
	}
	if (options.faults.latency > 0) await delay(options.faults.latency);
	const fault = decideFault(options.faults);
	if (url.pathname.startsWith(mavenPathPrefix)) {
		if (fault !== 'none') {
			request.resume();
			send(response, fault === 'Throttling' ? {status: 429, headers: {'retry-after': '1'}, body: 'Too Many Requests'} : {status: 500, headers: {}, body: 'Internal Server Error'}, method);
			return;
		}
		send(response, await handleMaven(request, url, context, options.maxBodyBytes), method);
		return;
	}
	send(response, await handleApi(request, url, context, options, fault), method);
}
