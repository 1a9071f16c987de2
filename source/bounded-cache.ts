/**
 * A memo for pure work a long-running process repeats (parsing a POM or a policy, wrapping a
 * text, deriving keys): at most `limit` entries, the oldest forgotten first. A value may be
 * undefined (a POM that does not parse is remembered as such).
 */
export class BoundedCache<K, V> {
	private readonly entries = new Map<K, V>();

	constructor(private readonly limit: number) {}

	get(key: K): V | undefined {
		return this.entries.get(key);
	}

	set(key: K, value: V): void {
		if (!this.entries.has(key) && this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as K);
		this.entries.set(key, value);
	}

	/** The value kept for `key`, else `compute()`'s, kept. */
	getOrCompute(key: K, compute: () => V): V {
		if (this.entries.has(key)) return this.entries.get(key) as V;
		const value = compute();
		this.set(key, value);
		return value;
	}
}
