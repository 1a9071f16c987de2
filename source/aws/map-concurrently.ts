/**
 * Maps `items` with at most `size` calls in flight, results in order: quick on long lists, gentle
 * on an API's rate limits. A call starts as soon as one ends (not once a whole batch has), so one
 * slow answer does not hold the others back; after a failure no new call starts.
 */
export async function mapConcurrently<T, R>(items: readonly T[], size: number, map: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array<R>(items.length);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (!failed && next < items.length) {
			const index = next++;
			try {
				results[index] = await map(items[index] as T);
			} catch (error) {
				failed = true;
				throw error;
			}
		}
	};
	await Promise.all(Array.from({length: Math.min(size, items.length)}, worker));
	return results;
}
