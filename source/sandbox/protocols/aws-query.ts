import {ServiceError, type CommonError} from '../errors.js';
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
		service.style === 'ec2Query' ? {requestId, ...result} : {...(result ? {[`${action}Result`]: result} : {}), ResponseMetadata: {RequestId: requestId}};
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

// Lists travel flattened: `Tags.member.1.Key=a&Tags.member.1.Value=b&Tags.member.2.Key=…`.
// Each reader below makes one pass over the form, whatever the list's length: asking the form
// for `Prefix.1`, `Prefix.2`, … in turn scanned it once per item, and 8,000 tags (380 KB) held
// the whole sandbox for seconds. Items past `limit + 1` are not even kept: a caller that gets
// more than `limit` back refuses the list in its own service's words, having done no work for
// the rest. Like the lookups they replace, a list ends at its first missing index.

/**
 * Calls `take` for each key under `prefix.N` (N a canonical positive integer up to limit + 1)
 * with N, the rest of the key after `prefix.N.` ('' for `prefix.N` itself) and the value.
 */
function scanItems(form: Iterable<[string, string]>, prefix: string, limit: number, take: (index: number, rest: string, value: string) => void): void {
	const start = `${prefix}.`;
	const last = limit + 1;
	for (const [key, value] of form) {
		if (!key.startsWith(start)) continue;
		let at = start.length;
		const first = key.charCodeAt(at);
		if (!(first >= 0x31 && first <= 0x39)) continue; // 1-9: no leading zero, no sign
		let index = first - 0x30;
		for (at++; at < key.length && key.charCodeAt(at) !== 0x2e; at++) {
			const digit = key.charCodeAt(at) - 0x30;
			index = digit >= 0 && digit <= 9 && index <= last ? index * 10 + digit : Infinity;
		}
		if (index <= last) take(index, at < key.length ? key.slice(at + 1) : '', value);
	}
}

/** Reads `Prefix.member.N` (awsQuery) or `Prefix.N` (ec2Query) lists in order: at most `limit + 1` items. */
export function queryList(form: Iterable<[string, string]>, prefix: string, limit: number): string[] {
	const byIndex = new Map<number, string>();
	scanItems(form, prefix, limit, (index, rest, value) => {
		if (rest === '' && !byIndex.has(index)) byIndex.set(index, value); // the first, as URLSearchParams.get
	});
	return inOrder(byIndex);
}

/** Reads a list of structures, e.g. `Tags.member.N.Key` → [{Key, Value}]: at most `limit + 1` items. */
export function queryStructList(form: Iterable<[string, string]>, prefix: string, limit: number): Record<string, string>[] {
	const byIndex = new Map<number, Record<string, string>>();
	scanItems(form, prefix, limit, (index, rest, value) => {
		if (rest === '') return;
		let item = byIndex.get(index);
		// No prototype: a member named __proto__ is a member like any other.
		if (!item) byIndex.set(index, (item = Object.create(null) as Record<string, string>));
		item[rest] = value;
	});
	return inOrder(byIndex);
}

/** Items 1, 2, 3… up to the first missing one. */
function inOrder<T>(byIndex: Map<number, T>): T[] {
	const items: T[] = [];
	for (let item = byIndex.get(1); item !== undefined; item = byIndex.get(items.length + 1)) items.push(item);
	return items;
}
