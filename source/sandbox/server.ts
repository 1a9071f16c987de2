import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {setTimeout as delay} from 'node:timers/promises';
import FindMyWay from 'find-my-way';
import {authorizerFor} from './auth/authorize.js';
import {resolveAccessKey} from './auth/principal.js';
import {payloadMismatchMessage, readCredentialScope, verifySignature} from './auth/sigv4.js';
import {codeArtifactRoutes} from './codeartifact/routes.js';
import type {ApiCall, SandboxContext} from './context.js';
import {ec2Service} from './ec2/service.js';
import {CommonError, ServiceError} from './errors.js';
import {decideFault, type FaultSpec} from './faults.js';
import {readBody} from './http/read-body.js';
import {iamService} from './iam/service.js';
import {requestId as newRequestId} from './ids.js';
import {handleInstanceMetadata} from './imds.js';
import {handleMaven, mavenPathPrefix} from './maven/endpoint.js';
import {queryError, querySuccess, type QueryService} from './protocols/aws-query.js';
import {restError, restInput, restSuccess, type RestRoute} from './protocols/rest-json.js';
import {send, type WireResponse} from './protocols/wire-response.js';
import {stsService} from './sts.js';

export interface ServerOptions {
	faults: FaultSpec;
	maxBodyBytes: number;
}

const queryServices: Record<string, QueryService> = {iam: iamService, sts: stsService, ec2: ec2Service};

// Replaces a hand-written path matcher: find-my-way tells an unknown operation from a known one.
const restRouter = FindMyWay<FindMyWay.HTTPVersion.V1>({ignoreTrailingSlash: true});
for (const route of codeArtifactRoutes) restRouter.on(route.method, route.path, () => {}, {route});

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

async function handleApi(request: IncomingMessage, url: URL, context: SandboxContext, options: ServerOptions, fault: string): Promise<WireResponse> {
	const requestId = newRequestId();
	const method = request.method ?? 'GET';
	const isRest = url.pathname.startsWith('/v1/');
	let scopeService = 'iam';
	let queryService: QueryService | undefined;
	const fail = (error: ServiceError | CommonError): WireResponse =>
		isRest ? restError(error, requestId) : queryError(queryService ?? iamService, error, requestId);
	try {
		const scope = readCredentialScope(request.headers);
		if (scope) scopeService = scope.service;
		if (!isRest && Object.hasOwn(queryServices, scopeService)) queryService = queryServices[scopeService];
		const body = await readBody(request, options.maxBodyBytes);
		if (!scope) throw new CommonError('MissingAuthentication', 'Missing Authentication Token');
		const {principal, secretAccessKey} = resolveAccessKey(context.store.state, scope.accessKeyId, scope.sessionToken, context.now());
		const {payloadMatches} = await verifySignature({method, path: decodePath(url.pathname), query: url.searchParams, headers: request.headers, body}, secretAccessKey, context.now());
		if (fault === 'Throttling') throw new CommonError('Throttling', 'Rate exceeded');
		if (fault === 'Internal') throw new CommonError('Internal', 'An internal error occurred (injected by --faults).');
		const call: ApiCall = {principal, authorize: authorizerFor(context.store.state, principal), requestId};
		if (isRest) {
			const found = restRouter.find(method as FindMyWay.HTTPMethod, url.pathname);
			const route = (found?.store as {route?: RestRoute} | undefined)?.route;
			if (!route) throw new CommonError('UnknownOperation', `No CodeArtifact operation matches ${method} ${url.pathname}.`);
			// The asset's own hash check names the field; everywhere else a mismatch is a bad signature.
			if (!payloadMatches && route.operation !== 'PublishPackageVersion') throw new CommonError('BadSignature', payloadMismatchMessage);
			const output = await route.handler(restInput(method, url.searchParams, request.headers, body), call, context);
			return restSuccess(output, requestId);
		}
		if (!payloadMatches) throw new CommonError('BadSignature', payloadMismatchMessage);
		if (!queryService) throw new CommonError('UnknownOperation', `The sandbox does not emulate the service "${scopeService}".`);
		const params = new URLSearchParams(method === 'POST' ? body.toString('utf8') : url.search);
		const action = params.get('Action') ?? '';
		const handler = Object.hasOwn(queryService.actions, action) ? queryService.actions[action] : undefined;
		if (!handler) throw new CommonError('UnknownOperation', `Could not find operation ${action} for version ${params.get('Version') ?? ''}`);
		return querySuccess(queryService, action, await handler(params, call, context), requestId);
	} catch (error) {
		if (error instanceof ServiceError || error instanceof CommonError) return fail(error);
		throw error;
	}
}

function decodePath(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		throw new CommonError('MalformedBody', 'The request path is not valid percent-encoding.');
	}
}
