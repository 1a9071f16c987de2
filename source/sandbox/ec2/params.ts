import type {ContextValues} from '../../iam-policy/conditions.js';
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
export function authorizeEc2(call: ApiCall, params: URLSearchParams, action: string, resource: string, context?: ContextValues): void {
	permitEc2(call, action, resource, context);
	dryRunEnds(params);
}

/** authorizeEc2() without the DryRun ending: for an operation that reads its lists once permitted, then ends a dry run. */
export function permitEc2(call: ApiCall, action: string, resource: string, context?: ContextValues): void {
	try {
		call.authorize(`ec2:${action}`, resource, context);
	} catch (error) {
		if (error instanceof CommonError && error.failure === 'AccessDenied') {
			throw new ServiceError('UnauthorizedOperation', 403, `You are not authorized to perform this operation. ${error.message}`);
		}
		throw error;
	}
}

/** A permitted request with DryRun=true ends with DryRunOperation, as on AWS. */
export function dryRunEnds(params: URLSearchParams): void {
	if (params.get('DryRun') === 'true') throw new ServiceError('DryRunOperation', 412, 'Request would have succeeded, but DryRun flag is set.');
}

export interface Filter {
	name: string;
	values: string[];
}

// EC2's model bounds none of these lists. AWS answers a DescribeInstances call with more than 200
// filter values in all with FilterLimitExceeded, "The maximum number of filter values specified
// on a single call is 200" (as clients working around it quote it); the sandbox applies that to
// both of its describe operations. For IDs, EC2's developer guide asks for at most 1,000 per call
// and names no error: the sandbox refuses more with InvalidParameterValue, EC2's word for a
// parameter out of bounds (as for MaxResults).
export const maxFilterValues = 200;
export const maxIds = 1000;

function filterLimitExceeded(): ServiceError {
	return new ServiceError('FilterLimitExceeded', 400, `The maximum number of filter values specified on a single call is ${maxFilterValues}`);
}

/** `Filter.N.Name` and `Filter.N.Value.M`; a filter name outside `known` (and not `pattern`'s) is refused as AWS does. */
export function readFilters(params: URLSearchParams, known: readonly string[], pattern: (name: string) => boolean = () => false): Filter[] {
	const items = queryStructList(params, 'Filter', maxFilterValues);
	if (items.length > maxFilterValues) throw filterLimitExceeded();
	let valueCount = 0;
	return items.map((item, index) => {
		const name = item['Name'];
		if (name === undefined || name === '') throw new ServiceError('InvalidParameterValue', 400, `The filter name in Filter.${index + 1} must not be empty`);
		if (!known.includes(name) && !pattern(name)) throw invalidParameterValue(`The filter '${name}' is invalid`);
		const values = queryList(Object.entries(item), 'Value', maxFilterValues - valueCount);
		valueCount += values.length;
		if (valueCount > maxFilterValues) throw filterLimitExceeded();
		return {name, values};
	});
}

/** `Name.N` IDs (InstanceId.N, AssociationId.N): at most 1,000. */
export function readIds(params: URLSearchParams, name: string): string[] {
	const ids = queryList(params, name, maxIds);
	if (ids.length > maxIds) throw invalidParameterValue(`The request names more than ${maxIds} values for ${name}; name at most ${maxIds} in one call.`);
	return ids;
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

/**
 * Opaque NextToken naming the operation that issued it and the first item of the next page: a
 * token of another list is refused rather than taken as a place in this one.
 */
export function encodeNextToken(operation: string, key: string): string {
	return Buffer.from(`sbx2:${operation}:${key}`, 'utf8').toString('base64');
}

export function decodeNextToken(operation: string, token: string): string {
	const text = Buffer.from(token, 'base64').toString('utf8');
	const prefix = `sbx2:${operation}:`;
	if (!text.startsWith(prefix)) throw new ServiceError('InvalidPaginationToken', 400, `The pagination token ${token} is invalid.`);
	return text.slice(prefix.length);
}
