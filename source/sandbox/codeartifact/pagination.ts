import {invalid} from './validation.js';

export const defaultPageSize = 100;

export interface Page<T> {
	items: T[];
	nextToken?: string;
}

/**
 * One page of an already filtered and sorted list. The token is opaque to clients: the
 * operation it belongs to and the offset of the next item, base64url-encoded. A token from
 * another operation, or one that was never issued, is a ValidationException.
 */
export function paginate<T>(items: readonly T[], operation: string, maxResults: number | undefined, nextToken: string | undefined): Page<T> {
	const start = nextToken === undefined ? 0 : readToken(operation, nextToken);
	const end = start + (maxResults ?? defaultPageSize);
	const page: Page<T> = {items: items.slice(start, end)};
	if (end < items.length) page.nextToken = Buffer.from(`ca1:${operation}:${end}`).toString('base64url');
	return page;
}

function readToken(operation: string, token: string): number {
	const match = /^ca1:([A-Za-z]+):(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
	if (!/^[A-Za-z0-9_-]+$/.test(token) || !match || match[1] !== operation) {
		throw invalid('The nextToken is not valid. Use the nextToken returned by the previous response of the same operation.');
	}
	return Number(match[2]);
}

/** Code-point order, the same in every locale: pages must not shift between requests. */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
