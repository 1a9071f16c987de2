import {resourceNouns, type CreatedResource} from '../events.js';
import type {DestroyPlan} from './destroy-plan.js';
import type {RemovalOutcome} from './remove-resources.js';

// The plan and the result of `ca-wizard destroy` in words: plain lines for a person and a log.

export function planLines({removals, leftAlone}: DestroyPlan): string[] {
	const lines =
		removals.length === 0 ? ['Nothing to remove: neither the run record nor the tags show anything ca-wizard created.'] : ['To remove, in this order:'];
	for (const {entry, restoreVersion} of removals)
		lines.push(`  - ${restoreVersion ? `${named(entry)} (its previous default version is put back)` : named(entry)}`);
	if (leftAlone.length > 0) {
		lines.push('Left alone:');
		for (const {entry, reason} of leftAlone) lines.push(`  = ${named(entry)}: ${reason}`);
	}
	return lines;
}

/** One line per outcome, as it happens. */
export function outcomeLine(outcome: RemovalOutcome): string {
	switch (outcome.status) {
		case 'removed':
			return `  removed ${named(outcome.entry)}`;
		case 'already-gone':
			return `  removed ${named(outcome.entry)} (it was already gone)`;
		case 'failed':
			return `  could not remove ${named(outcome.entry)}: ${outcome.reason}`;
	}
}

/** The closing table: what was removed, and what could not be, with the reason. */
export function resultLines(outcomes: readonly RemovalOutcome[]): string[] {
	const removed = outcomes.filter(outcome => outcome.status !== 'failed');
	const failed = outcomes.flatMap(outcome => (outcome.status === 'failed' ? [outcome] : []));
	const width = Math.max(0, ...outcomes.map(({entry}) => named(entry).length));
	const row = (status: string, entry: CreatedResource, reason = '') => `  ${status.padEnd(13)} ${named(entry).padEnd(width)}  ${reason}`.trimEnd();
	return [
		'',
		`Removed ${removed.length}, could not remove ${failed.length}:`,
		...removed.map(({entry, status}) => row('removed', entry, status === 'already-gone' ? 'already gone' : '')),
		...failed.map(({entry, reason}) => row('could not', entry, reason)),
		...(failed.length > 0 ? ['What could not be removed stays in place (and in the run record): fix the reason, then run the same destroy again.'] : []),
	];
}

function named(resource: CreatedResource): string {
	return `${resourceNouns[resource.kind]} ${resource.name}`;
}
