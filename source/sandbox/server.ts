import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {handleApi} from './api.js';
import type {SandboxContext} from './context.js';
import {decideFault, type FaultSpec} from './faults.js';
import {BodyAborted} from './http/read-body.js';
import {handleInstanceMetadata} from './imds/endpoint.js';
import {handleMaven, mavenPathPrefix} from './maven/endpoint.js';
import {send} from './protocols/wire-response.js';
import {firstInstance} from './state.js';
import {findInstance} from './ec2/shapes.js';

export interface ServerOptions {
	faults: FaultSpec;
	maxBodyBytes: number;
	timeouts: ServerTimeouts;
}

/** How long a connection may take over each part of its life before the sandbox drops it. */
export interface ServerTimeouts {
	/** Until a request's headers are whole. */
	headersMs: number;
	/** Until a whole request, headers and body, has arrived (the answer's time is not counted). */
	requestMs: number;
	/** How long a connection stays open, idle, for a next request. */
	keepAliveMs: number;
}

// The sandbox listens on loopback for a build on the same machine, so the limits are about
// clients that stall or hold sockets on purpose, never about a slow network:
// - headers: every client here sends its head in one write, in microseconds. 20 s leaves room
//   for a paused or swapping client, and a slowloris trickling header lines loses its socket
//   then (Node's own default is 60 s, checked only every 30 s).
// - request: the body is what takes time. The largest is an upload of maxBodyBytes (64 MiB by
//   default: a Maven artifact, a generic asset); 10 minutes lets it arrive at 110 KB/s, a
//   thousandth of loopback speed, so a slow `mvn deploy` is never cut, while a client that
//   never finishes its body cannot hold the socket past that (Node's default is 5 minutes).
// - keep-alive: 60 s, the idle timeout of AWS's own load balancers. Each answer announces it
//   (Keep-Alive: timeout=60) and Node closes the socket a second after that. Not Node's 5 s:
//   the AWS SDK's Node agent has no idle timeout of its own and so ignores the announcement; after
//   a pause of about 6 s (a short Maven build) it sent its next call into the socket the sandbox
//   was closing (ECONNRESET). An idle socket costs the sandbox a descriptor, nothing more.
// - header size: Node's 16 KiB, also on purpose: SigV4 and a CodeArtifact token fit in a few
//   KiB, and it bounds the request line too, so a query string is never larger.
export const defaultTimeouts: ServerTimeouts = {headersMs: 20_000, requestMs: 10 * 60_000, keepAliveMs: 60_000};
const maxHeaderBytes = 16 * 1024;

export function createSandboxServer(context: SandboxContext, options: ServerOptions): Server {
	return createHttpServer(context, options.timeouts, (request, response) => handle(request, response, context, options));
}

/**
 * A build host's own instance metadata endpoint: IMDS on a port of its own, since the SDKs take
 * only scheme, host and port from AWS_EC2_METADATA_SERVICE_ENDPOINT. Nothing else is served there.
 */
export function createMetadataServer(context: SandboxContext, instanceId: string, timeouts: ServerTimeouts): Server {
	return createHttpServer(context, timeouts, async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
		const instance = findInstance(context.store.state, instanceId);
		if (!url.pathname.startsWith('/latest/') || !instance) {
			request.resume();
			send(response, {status: 404, headers: {'content-type': 'text/plain'}, body: 'Not Found'}, request.method ?? 'GET');
			return;
		}
		send(response, await handleInstanceMetadata(request, url, context, instance), request.method ?? 'GET');
	});
}

function createHttpServer(
	context: SandboxContext,
	timeouts: ServerTimeouts,
	handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): Server {
	const {headersMs, requestMs, keepAliveMs} = timeouts;
	return createServer(
		{
			headersTimeout: Math.min(headersMs, requestMs), // Node requires it: the head is part of the request
			requestTimeout: requestMs,
			keepAliveTimeout: keepAliveMs,
			maxHeaderSize: maxHeaderBytes,
			// How often Node looks for connections past the first two limits (its default, 30 s,
			// would let a stalled client keep its socket half a minute longer than stated).
			connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(Math.min(headersMs, requestMs) / 4))),
		},
		(request, response) => {
			handler(request, response).catch(error => {
				if (error instanceof BodyAborted) {
					// Not the sandbox's failure: one line, no 500 (there is nobody to send it to).
					context.log(`${request.method ?? 'GET'} ${new URL(request.url ?? '/', 'http://sandbox.invalid').pathname}: ${error.message}; nothing was stored.`);
					response.destroy();
					return;
				}
				context.log(`internal error: ${(error as Error).stack ?? String(error)}`);
				if (!response.headersSent) send(response, {status: 500, headers: {'content-type': 'text/plain'}, body: 'Internal sandbox error'});
				else response.destroy();
			});
		},
	);
}

async function handle(request: IncomingMessage, response: ServerResponse, context: SandboxContext, options: ServerOptions): Promise<void> {
	const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
	const method = request.method ?? 'GET';
	if (url.pathname.startsWith('/latest/')) {
		send(response, await handleInstanceMetadata(request, url, context, firstInstance(context.store.state)), method);
		return;
	}
	if (options.faults.latency > 0) await context.sleep(options.faults.latency);
	const fault = decideFault(options.faults);
	if (url.pathname.startsWith(mavenPathPrefix)) {
		if (fault !== 'none') {
			request.resume();
			send(
				response,
				fault === 'Throttling'
					? {status: 429, headers: {'retry-after': '1'}, body: 'Too Many Requests'}
					: {status: 500, headers: {}, body: 'Internal Server Error'},
				method,
			);
			return;
		}
		send(response, await handleMaven(request, url, context, options.maxBodyBytes), method);
		return;
	}
	send(response, await handleApi(request, url, context, options.maxBodyBytes, fault), method);
}
