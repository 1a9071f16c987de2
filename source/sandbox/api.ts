import type {IncomingMessage} from 'node:http';
import FindMyWay from 'find-my-way';
import {authorizerFor} from './auth/authorize.js';
import {checkOtherAccountCall} from './auth/other-account-calls.js';
import {resolveAccessKey} from './auth/principal.js';
import {requestFacts} from './auth/request-context.js';
import {checkScope, payloadMismatchMessage, readCredentialScope, verifySignature} from './auth/sigv4.js';
import {codeArtifactRoutes} from './codeartifact/routes.js';
import type {ApiCall, SandboxContext} from './context.js';
import {ec2Service} from './ec2/service.js';
import {CommonError, ServiceError} from './errors.js';
import {BodyAborted, readBody} from './http/read-body.js';
import {iamService} from './iam/service.js';
import {requestId as newRequestId} from './ids.js';
import {queryError, querySuccess, type QueryService} from './protocols/aws-query.js';
import {restError, restInput, restSuccess, type RestRoute} from './protocols/rest-json.js';
import type {WireResponse} from './protocols/wire-response.js';
import {entry} from './state.js';
import {stsService} from './sts.js';

// The AWS APIs: CodeArtifact (restJson1 under /v1/) and the query services IAM, STS and EC2
// (POST /). Authentication comes first: who signs, and whether the credential scope fits, are
// settled before a byte of the body is read; the signature itself covers the body.

const queryServices: Record<string, QueryService> = {iam: iamService, sts: stsService, ec2: ec2Service};
const queryServicesByVersion: Record<string, QueryService> = {
	[iamService.version]: iamService,
	[stsService.version]: stsService,
	[ec2Service.version]: ec2Service,
};

// Replaces a hand-written path matcher: find-my-way tells an unknown operation from a known one.
const restRouter = FindMyWay<FindMyWay.HTTPVersion.V1>({ignoreTrailingSlash: true});
for (const route of codeArtifactRoutes) restRouter.on(route.method, route.path, () => {}, {route});
const restRouteOf = (method: string, path: string) => (restRouter.find(method as FindMyWay.HTTPMethod, path)?.store as {route?: RestRoute} | undefined)?.route;

/** Enough of an unsigned form to find its Version, never more: nobody is known to have sent it. */
const unsignedFormLimit = 16 * 1024;

/**
 * A form (IAM, STS, EC2) or a JSON body (CodeArtifact) is parsed whole, so it gets a limit of
 * its own, well under maxBodyBytes (which sizes uploads: PublishPackageVersion's asset here, a
 * Maven artifact at the repository endpoint). The largest legitimate form is an IAM policy of
 * 131,072 characters up to U+00FF, 6 bytes each percent-encoded, with 50 tags: about 1 MB.
 * 2 MiB of form or JSON parses in about 0.1 s; 64 MiB of `[{},{},…]` took 45 s and 1.5 GB.
 */
const parsedBodyLimit = 2 * 1024 * 1024;

export async function handleApi(request: IncomingMessage, url: URL, context: SandboxContext, maxBodyBytes: number, fault: string): Promise<WireResponse> {
	const requestId = newRequestId();
	const method = request.method ?? 'GET';
	const isRest = url.pathname.startsWith('/v1/');
	const {state} = context.store;
	let queryService: QueryService | undefined;
	const fail = (error: ServiceError | CommonError): WireResponse =>
		isRest ? restError(error, requestId) : queryError(queryService ?? iamService, error, requestId);
	try {
		const scope = readCredentialScope(request.headers);
		if (!scope) {
			// Answered in the words of the service the form names: EC2's AuthFailure is not IAM's.
			if (!isRest) queryService = await unsignedFormService(request, url, method);
			throw new CommonError('MissingAuthentication', 'Missing Authentication Token');
		}
		if (!isRest) queryService = entry(queryServices, scope.service);
		const regions = (service: string | undefined) => (service === 'iam' ? [state.region, 'us-east-1'] : [state.region]); // IAM is global: us-east-1 too
		const {principal, secretAccessKey} = resolveAccessKey(state, scope.accessKeyId, scope.sessionToken, context.now());
		const scopedService = isRest ? 'codeartifact' : queryService?.name;
		checkScope(scope, {regions: regions(scopedService), service: scopedService});
		const uploads = isRest && restRouteOf(method, url.pathname)?.operation === 'PublishPackageVersion';
		const body = await readBody(request, uploads ? maxBodyBytes : Math.min(maxBodyBytes, parsedBodyLimit));
		const params = isRest ? undefined : new URLSearchParams(method === 'POST' ? body.toString('utf8') : url.search);
		// The form's Version says which query service is served; the scope must be that service's.
		const named = params && serviceOfVersion(params.get('Version'));
		if (named && named !== queryService) {
			queryService = named;
			checkScope(scope, {regions: regions(named.name), service: named.name});
		}
		const {payloadMatches} = await verifySignature(
			{method, path: decodePath(url.pathname), query: url.searchParams, headers: request.headers, body},
			secretAccessKey,
			context.now(),
		);
		if (fault === 'Throttling') throw new CommonError('Throttling', 'Rate exceeded');
		if (fault === 'Internal') throw new CommonError('Internal', 'An internal error occurred (injected by --faults).');
		// Authorised by IAM as it has propagated (--iam-delay); the handler itself reads and changes the live state.
		const call: ApiCall = {principal, authorize: authorizerFor(context.effective(), principal, requestFacts(request, context.now(), scope.service)), requestId};
		if (!params) {
			const found = restRouter.find(method as FindMyWay.HTTPMethod, url.pathname);
			const route = (found?.store as {route?: RestRoute} | undefined)?.route;
			if (!route) throw notEmulated(`CodeArtifact operation at ${method} ${url.pathname}`);
			checkOtherAccountCall(principal, {service: 'codeartifact', operation: route.operation, query: url.searchParams});
			// The asset's own hash check names the field; everywhere else a mismatch is a bad signature.
			if (!payloadMatches && route.operation !== 'PublishPackageVersion') throw new CommonError('BadSignature', payloadMismatchMessage);
			const output = await route.handler(restInput(method, url.searchParams, request.headers, body), call, context);
			return restSuccess(output, requestId);
		}
		if (!payloadMatches) throw new CommonError('BadSignature', payloadMismatchMessage);
		if (!queryService) throw notEmulated(`service "${scope.service}"`);
		checkOtherAccountCall(principal, {service: queryService.name});
		const action = params.get('Action') ?? '';
		if (action === '') throw new CommonError('UnknownOperation', `Could not find operation for version ${params.get('Version') ?? ''}`);
		const handler = entry(queryService.actions, action);
		if (!handler) throw notEmulated(`${queryService.name.toUpperCase()} action ${action} (version ${params.get('Version') ?? ''})`);
		return querySuccess(queryService, action, await handler(params, call, context), requestId);
	} catch (error) {
		if (error instanceof ServiceError || error instanceof CommonError) return fail(error);
		if (error instanceof BodyAborted) throw error; // nobody to answer: the server notes it quietly
		// E.g. a snapshot that could not be written: the change was undone (see SandboxStore.commit).
		context.log(`internal error: ${(error as Error).stack ?? String(error)}`);
		return fail(new CommonError('Internal', 'The sandbox could not complete the request; nothing was changed. See its log for the cause.'));
	}
}

/**
 * AWS may well have it (a newer model's operation, an action the sandbox leaves out): the sandbox
 * says it does not emulate it rather than blame the caller's input with a ValidationException.
 */
function notEmulated(what: string): CommonError {
	return new CommonError('NotEmulated', `The ca-wizard sandbox does not emulate the ${what}. It emulates the operations its README lists.`);
}

function serviceOfVersion(version: string | null): QueryService | undefined {
	return version === null ? undefined : entry(queryServicesByVersion, version);
}

/** The query service an unsigned form names by its Version (2016-11-15 is EC2, 2011-06-15 STS…). */
async function unsignedFormService(request: IncomingMessage, url: URL, method: string): Promise<QueryService | undefined> {
	let form = url.search;
	if (method === 'POST') {
		const body = await readBody(request, unsignedFormLimit).catch(() => undefined);
		if (body) form = body.toString('utf8');
	}
	return serviceOfVersion(new URLSearchParams(form).get('Version'));
}

function decodePath(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		throw new CommonError('MalformedBody', 'The request path is not valid percent-encoding.');
	}
}
