import {createServer, request, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll} from 'vitest';
import {codeArtifactRoutes} from '../../source/sandbox/codeartifact/routes.js';
import {ec2Service} from '../../source/sandbox/ec2/service.js';
import {iamService} from '../../source/sandbox/iam/service.js';
import type {RunningSandbox} from '../../source/sandbox/index.js';
import {stsService} from '../../source/sandbox/sts.js';

/** One request, as the AWS operation it asks for (the API's own name) and its parameters (query string, or form). */
export interface ProxiedOperation {
	/** codeartifact, iam, sts, ec2 (the form's Version tells which), imds or maven. */
	service: string;
	/** E.g. CreateDomain, AttachRolePolicy; for imds and maven, the HTTP method. */
	operation: string;
	parameters: Record<string, string>;
}

/** Whether an operation only reads: AWS names every read Get…, List… or Describe…; metadata and Maven downloads are reads too. */
export function isRead({service, operation}: ProxiedOperation): boolean {
	if (service === 'imds') return true;
	if (service === 'maven') return operation === 'GET' || operation === 'HEAD';
	return /^(?:Get|List|Describe)[A-Z]/.test(operation);
}

/**
 * A proxy in front of the sandbox that notes every request reaching it ("METHOD /path") and,
 * in `operations`, which AWS operation it was, for tests that count them; a query-protocol
 * call (IAM, EC2, STS) adds its Action to the request's line ("POST / ListRoles").
 */
export function useCountingProxy(sandbox: {readonly current: RunningSandbox}): {readonly url: string; requests: string[]; operations: ProxiedOperation[]} {
	const state = {url: '', requests: [] as string[], operations: [] as ProxiedOperation[]};
	let proxy: Server;
	beforeAll(async () => {
		const target = new URL(sandbox.current.endpoint);
		proxy = createServer((incoming, outgoing) => {
			const at = state.requests.push(`${incoming.method} ${incoming.url}`) - 1;
			const chunks: Buffer[] = [];
			incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
			incoming.on('end', () => {
				const body = Buffer.concat(chunks);
				state.operations.push(operationOf(incoming.method ?? 'GET', incoming.url ?? '/', body));
				const action = new URLSearchParams(body.toString('utf8')).get('Action');
				if (action && String(incoming.headers['content-type']).includes('x-www-form-urlencoded')) state.requests[at] += ` ${action}`;
				// Headers go through untouched: the SigV4 signature covers the Host the client used.
				const forward = request({host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers}, answer => {
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
				});
				forward.on('error', () => outgoing.destroy());
				forward.end(body);
			});
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

const queryServices: Record<string, string> = Object.fromEntries([iamService, stsService, ec2Service].map(service => [service.version, service.name]));

function operationOf(method: string, path: string, body: Buffer): ProxiedOperation {
	const url = new URL(path, 'http://proxy.invalid');
	const query = Object.fromEntries(url.searchParams);
	if (url.pathname.startsWith('/latest/')) return {service: 'imds', operation: method, parameters: {path: url.pathname}};
	if (url.pathname.startsWith('/d/')) return {service: 'maven', operation: method, parameters: {path: url.pathname}};
	if (url.pathname.startsWith('/v1/')) {
		const route = codeArtifactRoutes.find(one => one.method === method && one.path === url.pathname.replace(/\/$/, ''));
		return {service: 'codeartifact', operation: route?.operation ?? `${method} ${url.pathname}`, parameters: query};
	}
	const form = Object.fromEntries(new URLSearchParams(method === 'POST' ? body.toString('utf8') : url.search));
	const {Action = '?', Version = '', ...parameters} = form;
	return {service: queryServices[Version] ?? 'unknown', operation: Action, parameters};
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
