import {ServiceError, type CommonError, type CommonFailure} from '../errors.js';
import type {ApiCall, SandboxContext} from '../context.js';
import type {WireResponse} from './wire-response.js';

/** restJson1, as CodeArtifact speaks it: inputs in the query, a JSON (or raw) body, errors by header. */
export interface RestInput {
	readonly method: string;
	readonly query: URLSearchParams;
	readonly headers: Record<string, string | string[] | undefined>;
	readonly body: Buffer;
	/** The JSON body; an empty body is `{}` (POSTs whose inputs all sit in the query send none). */
	json(): Record<string, unknown>;
}

export interface RestOutput {
	status?: number;
	json?: unknown;
	raw?: Buffer;
	headers?: Record<string, string>;
}

export type RestHandler = (input: RestInput, call: ApiCall, context: SandboxContext) => Promise<RestOutput> | RestOutput;

export interface RestRoute {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	operation: string;
	handler: RestHandler;
}

export function restInput(method: string, query: URLSearchParams, headers: RestInput['headers'], body: Buffer): RestInput {
	let parsed: Record<string, unknown> | undefined;
	return {
		method,
		query,
		headers,
		body,
		json() {
			if (parsed) return parsed;
			if (body.length === 0) return (parsed = {});
			let value: unknown;
			try {
				value = JSON.parse(body.toString('utf8'));
			} catch {
				throw new ServiceError('ValidationException', 400, 'The request body is not valid JSON.', {reason: 'CANNOT_PARSE'});
			}
			if (typeof value !== 'object' || value === null || Array.isArray(value)) {
				throw new ServiceError('ValidationException', 400, 'The request body must be a JSON object.', {reason: 'CANNOT_PARSE'});
			}
			return (parsed = value as Record<string, unknown>);
		},
	};
}

export function restSuccess(output: RestOutput, requestId: string): WireResponse {
	const headers = {'x-amzn-requestid': requestId, ...output.headers};
	if (output.raw) return {status: output.status ?? 200, headers: {'content-type': 'application/octet-stream', ...headers}, body: output.raw};
	return {status: output.status ?? 200, headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify(output.json ?? {})};
}

const common: Record<CommonFailure, [string, number, Record<string, string>?]> = {
	MissingAuthentication: ['MissingAuthenticationTokenException', 403],
	UnknownAccessKey: ['UnrecognizedClientException', 403],
	BadSignature: ['InvalidSignatureException', 403],
	ExpiredToken: ['ExpiredTokenException', 403],
	AccessDenied: ['AccessDeniedException', 403],
	Throttling: ['ThrottlingException', 429],
	Internal: ['InternalServerException', 500],
	UnknownOperation: ['ValidationException', 400, {reason: 'UNKNOWN_OPERATION'}],
	// 501, which neither SDK retries: botocore prints it as "An error occurred (NotImplementedException) when calling the X operation: …".
	NotEmulated: ['NotImplementedException', 501],
	MalformedBody: ['ValidationException', 400, {reason: 'CANNOT_PARSE'}],
	TooLarge: ['ValidationException', 413, {reason: 'OTHER'}],
};

export function restError(error: ServiceError | CommonError, requestId: string): WireResponse {
	const [code, status, fields, headers] =
		error instanceof ServiceError
			? [error.code, error.status, error.fields, error.headers]
			: ([...withDefaults(common[error.failure]), retryAfter(error.failure)] as const);
	return {
		status,
		headers: {'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': requestId, ...headers},
		body: JSON.stringify({message: error.message, ...fields}),
	};
}

function withDefaults([code, status, fields]: [string, number, Record<string, string>?]): [string, number, Record<string, string>] {
	return [code, status, fields ?? {}];
}

export function retryAfter(failure: CommonFailure): Record<string, string> {
	return failure === 'Throttling' ? {'retry-after': '1'} : {};
}
