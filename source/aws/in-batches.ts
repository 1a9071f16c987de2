/** Maps `items` a few at a time, in order: quick on long lists, gentle on an API's rate limits. */
export async function inBatches<T, R>(items: readonly T[], size: number, map: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(map))));
	return results;
}
