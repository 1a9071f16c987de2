import type {CreatedResource, FixAccount} from './events.js';
import {capitalised, madeClause} from './resource-words.js';

// "What just happened" after an automatic fix, in plain words: the lesson the manual IAM
// detour teaches (a change to a role, then a wait until the build host's credentials carry
// it). Built from what the fix recorded and the times the journey's clock gave.

/** What the fix changed, a clause each, in the order it was done; what it found and reused changed nothing. */
export function changesMade(touched: ReadonlyArray<{resource: CreatedResource; reused: boolean}>): string[] {
	return touched.filter(entry => !entry.reused).map(entry => madeClause(entry.resource));
}

/** After a fix on this build host: what changed, and how long until its credentials carried the change and a token was granted. */
export function tokenFixAccount(changes: string[], changedAt: Date, grantedAt: Date): {message: string; happened: FixAccount} {
	const waitedSeconds = Math.max(0, Math.round((grantedAt.getTime() - changedAt.getTime()) / 1000));
	const done = changes.length > 0 ? sentence(changes) : 'Nothing needed changing';
	const after = changes.length > 0 ? 'carried the new permission' : 'were accepted';
	return {
		message: `${done}. The build host's credentials ${after} ${waitedSeconds === 0 ? 'at once' : `after ${waitedSeconds} s`}; the token was then granted.`,
		happened: {changes, changedAt: changedAt.toISOString(), grantedAt: grantedAt.toISOString(), waitedSeconds},
	};
}

/** After fixing other machines' access from a laptop: their credentials cannot be had from here, so their policies were read back instead. */
export function instancesFixAccount(changes: string[], changedAt: Date, allowed: boolean): {message: string; happened: FixAccount} {
	const outcome = allowed
		? "Read back, the chosen instances' own policies now allow a token; each instance sees the change as IAM propagates it (seconds, at most minutes)."
		: 'Read back, not every chosen instance may get a token yet (see above).';
	return {message: `${sentence(changes)}. ${outcome}`, happened: {changes, changedAt: changedAt.toISOString()}};
}

/** "a, b and c", capitalised. */
function sentence(clauses: string[]): string {
	const text = clauses.length > 1 ? `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}` : (clauses[0] ?? '');
	return capitalised(text);
}
