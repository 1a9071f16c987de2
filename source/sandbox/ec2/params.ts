import type {ApiCall} from '../context.js';
import {CommonError, ServiceError} from '../errors.js';
import {queryList, queryStructList} from '../protocols/aws-query.js';
import {matchWildcard} from '../../iam-policy/wildcard.js';

// EC2's side of the query protocol: its parameter shapes, its filters and its error words.

export function invalidParameterValue(message: string): ServiceError {
	return new ServiceError('InvalidParameterValue', 400, message);
}

export function requiredParameter(params: URLSearchParams, name: string): string {
	const value = params.get(name);
	if (value === null || value === '') throw new ServiceError('MissingParameter', 400, `The request must contain the parameter ${name}`);
	return value;
}

/**
 * Checks `ec2:<action>` on the resource. EC2 words a denial as UnauthorizedOperation, and a
 * permitted request with DryRun=true ends here with DryRunOperation, as AWS does.
 */
export function authorizeEc2(call: ApiCall, params: URLSearchParams, action: string, resource: string, context?: Record<string, string>): void {
	try {
		call.authorize(`ec2:${action}`, resource, context);
	} catch (error) {
		if (error instanceof CommonError && error.failure === 'AccessDenied') {
			throw new ServiceError('UnauthorizedOperation', 403, `You are not authorized to perform this operation. ${error.message}`);
		}
		throw error;
	}
	if (params.get('DryRun') === 'true') throw new ServiceError('DryRunOperation', 412, 'Request would have succeeded, but DryRun flag is set.');
}

export interface Filter {
	name: string;
	values: string[];
}

/** `Filter.N.Name` and `Filter.N.Value.M`; a filter name outside `known` is refused as AWS does. */
export function readFilters(params: URLSearchParams, known: readonly string[]): Filter[] {
	return queryStructList(params, 'Filter').map((item, index) => {
		const name = item['Name'];
		if (name === undefined || name === '') throw new ServiceError('InvalidParameterValue', 400, `The filter name in Filter.${index + 1} must not be empty`);
		if (!known.includes(name)) throw invalidParameterValue(`The filter '${name}' is invalid`);
		const values = queryList(new URLSearchParams(Object.entries(item)), 'Value');
		return {name, values};
	});
}

/**
 * True when every filter has a value that matches one of the item's values (`*` and `?` are
 * wildcards, `\` escapes). Linear-time matching: a pattern like `*a*a*…` cannot stall the server.
 */
export function matchesFilters(filters: Filter[], valuesOf: (name: string) => Array<string | undefined>): boolean {
	return filters.every(filter => {
		const candidates = valuesOf(filter.name).filter((value): value is string => value !== undefined);
		return filter.values.some(pattern => candidates.some(value => matchWildcard(pattern, value, {escapes: true})));
	});
}

/** `MaxResults` within EC2's bounds for the operation, or undefined when absent. */
export function readMaxResults(params: URLSearchParams, min: number, max: number): number | undefined {
	const text = params.get('MaxResults');
	if (text === null || text === '') return undefined;
	const value = Number(text);
	if (!Number.isInteger(value) || value < min || value > max) {
		throw invalidParameterValue(`Value ( ${text} ) for parameter maxResults is invalid. Parameter must be between ${min} and ${max}.`);
	}
	return value;
}

/** Opaque NextToken naming the first item of the next page. */
export function encodeNextToken(key: string): string {
	return Buffer.from(`sbx1:${key}`, 'utf8').toString('base64');
}

export function decodeNextToken(token: string): string {
	const text = Buffer.from(token, 'base64').toString('utf8');
	if (!text.startsWith('sbx1:')) throw new ServiceError('InvalidPaginationToken', 400, `The pagination token ${token} is invalid.`);
	return text.slice('sbx1:'.length);
}
