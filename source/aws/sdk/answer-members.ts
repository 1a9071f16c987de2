import {attempt, attemptFind, present} from './classify-error.js';

// The shapes every adapter call takes: one member of one answer, or the items of every page.

/** Runs one SDK call and maps `member` of its answer, which a successful answer always has. */
export async function attemptMember<O, K extends keyof O & string, R>(
	operation: string,
	call: () => Promise<O>,
	member: K,
	map: (value: NonNullable<O[K]>) => R,
): Promise<R> {
	const output = await attempt(operation, call);
	return map(present(output[member] as NonNullable<O[K]> | undefined, operation, member));
}

/** Like attemptMember, but undefined when the service answers not-found. */
export async function findMember<O, K extends keyof O & string, R>(
	operation: string,
	call: () => Promise<O>,
	member: K,
	map: (value: NonNullable<O[K]>) => R,
): Promise<R | undefined> {
	const value = (await attemptFind(operation, call))?.[member];
	return value === undefined || value === null ? undefined : map(value);
}

/** Runs a paginated SDK call to its last page and collects what `itemsOf` takes from each. */
export function attemptPages<P, T>(operation: string, pages: () => AsyncIterable<P>, itemsOf: (page: P) => T[]): Promise<T[]> {
	return attempt(operation, async () => {
		const items: T[] = [];
		for await (const page of pages()) items.push(...itemsOf(page));
		return items;
	});
}
