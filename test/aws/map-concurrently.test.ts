import {describe, expect, it} from 'vitest';
import {mapConcurrently} from '../../source/aws/map-concurrently.js';

/** A call the test ends by hand: which items are in flight is known at every moment. */
function controlledCalls() {
	const pending = new Map<number, {resolve: (value: string) => void; reject: (error: Error) => void}>();
	const started: number[] = [];
	const map = (item: number) =>
		new Promise<string>((resolve, reject) => {
			started.push(item);
			pending.set(item, {resolve, reject});
		});
	const settle = async (item: number, error?: Error) => {
		const call = pending.get(item);
		if (!call) throw new Error(`${item} is not in flight`);
		pending.delete(item);
		if (error) call.reject(error);
		else call.resolve(`r${item}`);
		// Let the worker take its next item.
		for (let turn = 0; turn < 5; turn++) await Promise.resolve();
	};
	return {map, settle, started, inFlight: () => [...pending.keys()].sort((a, b) => a - b)};
}

describe('mapConcurrently', () => {
	it('keeps at most `size` calls in flight, starts the next as soon as one ends, and answers in order', async () => {
		const calls = controlledCalls();
		const result = mapConcurrently([1, 2, 3, 4, 5], 2, calls.map);
		expect(calls.inFlight()).toEqual([1, 2]);
		await calls.settle(2); // the second ends first: the third starts without waiting for the first
		expect(calls.inFlight()).toEqual([1, 3]);
		await calls.settle(3);
		expect(calls.inFlight()).toEqual([1, 4]);
		await calls.settle(1);
		await calls.settle(4);
		await calls.settle(5);
		await expect(result).resolves.toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
	});

	it('rejects with the first failure and starts no call after it', async () => {
		const calls = controlledCalls();
		const result = mapConcurrently([1, 2, 3, 4], 2, calls.map);
		const failure = new Error('throttled');
		await calls.settle(1, failure);
		await expect(result).rejects.toBe(failure);
		await calls.settle(2);
		expect(calls.started).toEqual([1, 2]);
	});

	it('maps an empty list to an empty list', async () => {
		await expect(mapConcurrently([], 4, async () => 1)).resolves.toEqual([]);
	});
});
