// The version to offer when the one asked for is taken: its last number counted up until the
// repository has no such version (1.0.0 → 1.0.1, 2.3 → 2.4, 1.0.0-rc.1 → 1.0.0-rc.2). A version
// with no number gains one (nightly → nightly.1).

/** The next version after `taken` that is not among `existing` (compared exactly, as CodeArtifact does). */
export function nextFreeVersion(taken: string, existing: readonly string[]): string {
	const used = new Set(existing);
	used.add(taken);
	let candidate = taken;
	do candidate = bump(candidate);
	while (used.has(candidate));
	return candidate;
}

/** `version` with its last run of digits counted up by one; `.1` appended when it has none. */
export function bump(version: string): string {
	const last = /\d+(?!.*\d)/.exec(version);
	if (!last) return `${version}.1`;
	const next = (BigInt(last[0]) + 1n).toString(); // a 30-digit build number stays exact
	return `${version.slice(0, last.index)}${next}${version.slice(last.index + last[0].length)}`;
}
