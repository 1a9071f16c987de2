import {closest, distance} from 'fastest-levenshtein';

/** The candidate a mistyped word most likely meant, when one is close enough to suggest. */
export function closestSpelling(typed: string, candidates: readonly string[]): string | undefined {
	if (candidates.length === 0) return undefined;
	const best = closest(typed, [...candidates]);
	// Two slips (--prot, --sandbx) or a third of a long word may be wrong, not more: beyond that
	// it is a guess. A word of three letters or fewer gets one slip.
	const slips = typed.length <= 3 ? 1 : Math.max(2, Math.floor(best.length / 3));
	return distance(typed, best) <= slips ? best : undefined;
}
