// What every bench script ends with: one JSON line that bench/all.mjs collects into its table,
// after the script's own human-readable lines.

/** The middle of the values (the mean of the two middle ones for an even count). */
export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Prints the result line: `ratio` is ours over the baseline, met when at most `most`. */
export function printResult({figure, ours, baseline, ratio, most}) {
	const rounded = Math.round(ratio * 100) / 100;
	console.log(JSON.stringify({figure, ours, baseline, ratio: rounded, goal: `≤ ${most.toFixed(2)}`, ok: ratio <= most}));
}
