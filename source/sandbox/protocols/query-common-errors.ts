import type {CommonFailure} from '../errors.js';

/** A failure's [code, HTTP status] as one query-protocol service words it. */
export type CommonErrorTable = Record<CommonFailure, [string, number]>;

// The generic AWS words for the shared failures, as STS uses them unchanged. IAM and EC2 word
// some differently, so each service names only where it departs from these.
const awsQueryWords: CommonErrorTable = {
	MissingAuthentication: ['MissingAuthenticationToken', 403],
	UnknownAccessKey: ['InvalidClientTokenId', 403],
	BadSignature: ['SignatureDoesNotMatch', 403],
	ExpiredToken: ['ExpiredToken', 403],
	AccessDenied: ['AccessDenied', 403],
	Throttling: ['Throttling', 400],
	Internal: ['InternalFailure', 500],
	UnknownOperation: ['InvalidAction', 400],
	NotEmulated: ['NotImplemented', 501],
	MalformedBody: ['MalformedQueryString', 400],
	TooLarge: ['RequestEntityTooLarge', 413],
};

/** The shared table with one service's own words for some failures. */
export function queryCommonErrors(overrides: Partial<CommonErrorTable> = {}): CommonErrorTable {
	return {...awsQueryWords, ...overrides};
}
