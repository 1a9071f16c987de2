import {CommonError, ServiceError} from '../errors.js';
import type {ApiCall, SandboxContext} from '../context.js';
import {buildXml, type XmlNode} from './xml.js';
import type {CommonErrorTable} from './query-common-errors.js';
import type {WireResponse} from './wire-response.js';
import {retryAfter} from './rest-json.js';

/** The query protocol of IAM and STS (awsQuery) and of EC2 (ec2Query): form in, XML out. */
export type QueryHandler = (params: URLSearchParams, call: ApiCall, context: SandboxContext) => Promise<XmlNode | undefined> | XmlNode | undefined;

export interface QueryService {
	/** Signing name, e.g. 'iam'. */
	name: string;
	version: string;
	namespace: string;
	style: 'awsQuery' | 'ec2Query';
	actions: Record<string, QueryHandler>;
	/** How this service names the failures all services share: [code, status]. */
	common: CommonErrorTable;
}

export function querySuccess(service: QueryService, action: string, result: XmlNode | undefined, requestId: string): WireResponse {
	const inner: XmlNode =
		service.style === 'ec2Query'
			? {requestId, ...result}
			: {...(result ? {[`${action}Result`]: result} : {}), ResponseMetadata: {RequestId: requestId}};
	return {
		status: 200,
		headers: {'content-type': 'text/xml', 'x-amzn-requestid': requestId},
		body: buildXml({[`${action}Response`]: {'@_xmlns': service.namespace, ...inner}}),
	};
}

export function queryError(service: QueryService, error: ServiceError | CommonError, requestId: string): WireResponse {
	const [code, status] = error instanceof ServiceError ? [error.code, error.status] : service.common[error.failure];
	const headers = {'content-type': 'text/xml', 'x-amzn-requestid': requestId, ...(error instanceof ServiceError ? error.headers : retryAfter(error.failure))};
	const body =
		service.style === 'ec2Query'
			? buildXml({Response: {Errors: {Error: {Code: code, Message: error.message}}, RequestID: requestId}})
			: buildXml({
					ErrorResponse: {
						'@_xmlns': service.namespace,
						Error: {Type: status >= 500 ? 'Receiver' : 'Sender', Code: code, Message: error.message},
						RequestId: requestId,
					},
				});
	return {status, headers, body};
}

/** Reads `Prefix.member.N` (awsQuery) or `Prefix.N` (ec2Query) lists in order. */
export function queryList(params: URLSearchParams, prefix: string): string[] {
	const values: string[] = [];
	for (let index = 1; params.has(`${prefix}.${index}`); index++) values.push(params.get(`${prefix}.${index}`)!);
	return values;
}

/** Reads a list of structures, e.g. `Tags.member.N.Key` → [{Key, Value}]. */
export function queryStructList(params: URLSearchParams, prefix: string): Record<string, string>[] {
	const items: Record<string, string>[] = [];
	for (let index = 1; ; index++) {
		const start = `${prefix}.${index}.`;
		const item: Record<string, string> = {};
		for (const [key, value] of params) if (key.startsWith(start)) item[key.slice(start.length)] = value;
		if (Object.keys(item).length === 0) return items;
		items.push(item);
	}
}

export function required(params: URLSearchParams, name: string, errorCode = 'ValidationError'): string {
	const value = params.get(name);
	if (value === null || value === '') {
		throw new ServiceError(errorCode, 400, `1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
	}
	return value;
}
