import {describe, expect, it} from 'vitest';
import {BoundedCache} from '../source/bounded-cache.js';

describe('BoundedCache', () => {
	it('computes a key once, and remembers an undefined value too', () => {
		const cache = new BoundedCache<string, number | undefined>(4);
		let calls = 0;
		const compute = (value: number | undefined) => () => {
			calls++;
			return value;
		};
		expect(cache.getOrCompute('a', compute(1))).toBe(1);
		expect(cache.getOrCompute('a', compute(2))).toBe(1);
		expect(cache.getOrCompute('none', compute(undefined))).toBeUndefined();
		expect(cache.getOrCompute('none', compute(3))).toBeUndefined();
		expect(calls).toBe(2);
	});

	it('forgets the oldest entry when full, and keeps a replaced one where it was counted', () => {
		const cache = new BoundedCache<string, number>(2);
		cache.set('a', 1);
		cache.set('b', 2);
		cache.set('b', 3); // replaced: nothing forgotten
		expect([cache.get('a'), cache.get('b')]).toEqual([1, 3]);
		cache.set('c', 4);
		expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 3, 4]);
	});
});
