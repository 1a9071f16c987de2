// For tests where speed itself is the point ("linear, not quadratic"): a bound in milliseconds
// says nothing on an unknown, busy machine, so they time a small and a large input in the same
// run and compare how the time grows with how the input grows.

/** Milliseconds per call: one call when it is slow, else the average over calls filling 50 ms. */
async function timePerCall(call: () => unknown): Promise<number> {
	let start = performance.now();
	await call(); // warms up; a call this slow needs no average
	if (performance.now() - start > 50) return performance.now() - start;
	let calls = 0;
	start = performance.now();
	do {
		await call();
		calls++;
	} while (performance.now() - start < 50);
	return (performance.now() - start) / calls;
}

/**
 * Milliseconds per call of each of `calls`, the best of a few interleaved rounds: other work on
 * the machine slows a timing, never speeds one up, and a burst of it lands on all of them alike
 * rather than on one. One round is enough once a call takes a second: that one is slow already.
 */
export async function bestTimes<const Calls extends ReadonlyArray<() => unknown>>(calls: Calls, rounds = 4): Promise<{-readonly [K in keyof Calls]: number}> {
	const best = calls.map(() => Infinity);
	for (let round = 0; round < rounds && (round === 0 || Math.max(...best) < 1000); round++) {
		for (const [index, call] of calls.entries()) best[index] = Math.min(best[index] ?? Infinity, await timePerCall(call));
	}
	return best as {-readonly [K in keyof Calls]: number};
}
