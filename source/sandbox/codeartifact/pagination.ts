import {invalid} from './validation.js';

export const defaultPageSize = 100;

export interface Page<T> {
	items: T[];
	nextToken?: string;
}

/**
 * One page of an already filtered and sorted list. The token is opaque to clients: the
 * operation it belongs to, the offset of the next item and, given `key` (an item's identity),
 * that item's key, base64url-encoded. The next page starts at that item wherever it now stands,
 * as AWS's tokens (which carry a key, not a count) do: a clean-up that deletes each page before
 * asking for the next skips nothing. Only when that item is gone does the offset decide. A
 * token from another operation, or one that was never issued, is a ValidationException.
 */
export function paginate<T>(
	items: readonly T[],
	operation: string,
	maxResults: number | undefined,
	nextToken: string | undefined,
	key?: (item: T) => string,
): Page<T> {
	let start = 0;
	if (nextToken !== undefined) {
		const token = readToken(operation, nextToken);
		const found = token.key === undefined || !key ? -1 : items.findIndex(item => key(item) === token.key);
		start = found >= 0 ? found : token.offset;
	}
	const end = start + (maxResults ?? defaultPageSize);
	const page: Page<T> = {items: items.slice(start, end)};
	const next = items[end];
	if (next !== undefined) page.nextToken = Buffer.from(`ca1:${operation}:${end}${key ? `:${key(next)}` : ''}`).toString('base64url');
	return page;
}

function readToken(operation: string, token: string): {offset: number; key?: string} {
	const match = /^ca1:([A-Za-z]+):(\d{1,9})(?::(.*))?$/s.exec(Buffer.from(token, 'base64url').toString('utf8'));
	if (!/^[A-Za-z0-9_-]+$/.test(token) || !match || match[1] !== operation) {
		throw invalid('The nextToken is not valid. Use the nextToken returned by the previous response of the same operation.');
	}
	return {offset: Number(match[2]), ...(match[3] === undefined ? {} : {key: match[3]})};
}

/** Code-point order, the same in every locale: pages must not shift between requests. */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
