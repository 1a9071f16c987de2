import type {AwsApis} from '../../aws/apis.js';
import {CliError, UsageError} from '../../errors.js';
import {sameTarget, type LedgerEntry} from '../ledger.js';
import {ownerOf, type Standing} from './account-inventory.js';
import {concernsDomain, inScope, isForced, mergeEntries, type ForcedName, type Scope} from './destroy-scope.js';
import {makers} from './made-by.js';
import {relatedParts} from './related-parts.js';

// Everything one destroy considers, before its plan: what the tags show in its scope (with
// the parts that must go first), the names given to --force, and the run record's entries
// when there is one. Unknown names stop it here, before any change.

export interface DestroyChoice {
	scope: Scope;
	/** --domain: only what concerns this domain. */
	domain?: string;
	forced: readonly ForcedName[];
	/** The participant named with --participant: refused when nothing carries that name. */
	participant?: string;
}

export interface Recorded {
	runId: string;
	entries: readonly LedgerEntry[];
}

export async function destroyEntries(
	aws: Pick<AwsApis, 'iam' | 'ec2'>,
	inventory: readonly Standing[],
	choice: DestroyChoice,
	recorded: Recorded | undefined,
): Promise<LedgerEntry[]> {
	if (choice.participant !== undefined) knownParticipant(inventory, choice.participant);
	const notThere = choice.forced.filter(name => !inventory.some(standing => isForced(standing, [name])));
	if (notThere.length > 0) {
		throw new CliError(
			'ForcedNameNotFound',
			`Nothing in this account is named ${notThere.map(name => `${name.domain ? `${name.domain}/` : ''}${name.name}`).join(', ')}. Nothing was removed.`,
			'Check the names given to --force (KIND:NAME), and the account and region.',
		);
	}
	const inDomain = (entry: LedgerEntry) => choice.domain === undefined || concernsDomain(entry, choice.domain);
	const chosen = inventory.filter(standing => (inScope(standing, choice.scope) && inDomain(standing.entry)) || isForced(standing, choice.forced));
	const found = [...chosen.map(standing => standing.entry), ...(await relatedParts(aws, chosen, inventory))];
	const forced = chosen.filter(standing => isForced(standing, choice.forced)).map(standing => standing.entry);
	if (!recorded) return mergeEntries([], () => false, found, forced);
	// The record's settings.xml entries go when the scope takes in the record's own run.
	const coversRun = choice.scope.kind === 'run' || chosen.some(standing => ownerOf(standing.tags)?.run === recorded.runId);
	const keep = (entry: LedgerEntry) =>
		inDomain(entry) && (choice.scope.kind === 'run' || found.some(one => sameTarget(one, entry)) || (entry.kind === 'file' && coversRun));
	return mergeEntries(recorded.entries, keep, found, forced);
}

export function knownParticipant(inventory: readonly Standing[], participant: string): void {
	const known = makers(inventory).filter(maker => !maker.startsWith('arn:'));
	if (known.includes(participant)) return;
	throw new UsageError(
		'UnknownParticipant',
		`No resource ca-wizard made here carries the participant name ${participant}; nothing was changed.`,
		known.length > 0
			? `The participants with resources here: ${known.join(', ')}.`
			: 'No participant has resources here; without --participant, destroy takes what your own runs made.',
	);
}
