import {distance} from 'fastest-levenshtein';

/** The candidate a mistyped word most likely meant, when one is close enough to suggest. */
export function closestSpelling(typed: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	let fewest = Number.POSITIVE_INFINITY;
	for (const candidate of candidates) {
		const count = slips(typed, candidate);
		if (count < fewest) [best, fewest] = [candidate, count];
	}
	if (best === undefined) return undefined;
	// Two slips (--sandbx, --regoin) or a third of a long word may be wrong, not more: beyond that
	// it is a guess. A word of four letters or fewer gets one slip (port is not a slip of report).
	const allowed = typed.length <= 4 ? 1 : Math.max(2, Math.floor(best.length / 3));
	return fewest <= allowed ? best : undefined;
}

/** Edits from one word to the other, two letters swapped counting as one slip (evn for env), not two. */
function slips(typed: string, candidate: string): number {
	const at = [...typed].findIndex((letter, index) => letter !== candidate[index]);
	const swapped = at !== -1 && typed.length === candidate.length && `${typed.slice(0, at)}${typed[at + 1]}${typed[at]}${typed.slice(at + 2)}` === candidate;
	return swapped ? 1 : distance(typed, candidate);
}
