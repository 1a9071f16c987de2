import type {ResourceKind} from '../events.js';
import type {LedgerEntry} from '../ledger.js';

// What `ca-wizard destroy` removes, in the order AWS accepts: what depends on a resource goes
// before it (an association before its profile, a role out of its profile before either is
// deleted, attachments before the role, a downstream repository before its upstream, every
// repository before the domain). Only what ca-wizard confirmed it created is removed: what it
// found and reused stays, and so does an intent never confirmed (the run may not have made it).

export interface Removal {
	entry: LedgerEntry;
	/** A new default version of a policy ca-wizard did not create: the previous default is put back instead. */
	restoreVersion?: true;
}

export interface LeftAlone {
	entry: LedgerEntry;
	reason: string;
}

export interface DestroyPlan {
	/** In removal order. */
	removals: Removal[];
	leftAlone: LeftAlone[];
}

/** Lower goes first. Files (settings.xml) come last: the build keeps working until the repositories are gone anyway. */
const rank: Record<ResourceKind, number> = {
	'instance-profile-association': 0,
	'role-policy-attachment': 1,
	'instance-profile-role': 2,
	'instance-profile': 3,
	'iam-policy': 4,
	'iam-role': 5,
	'upstream-link': 6,
	'external-connection': 7,
	repository: 8, // 8 downstream, 9 upstream of another one removed here
	'package-version': 10, // after the repositories: deleting its repository deletes it (destroy checks that it is gone)
	domain: 11,
	file: 12,
};

export function destroyPlan(entries: readonly LedgerEntry[]): DestroyPlan {
	const leftAlone: LeftAlone[] = [];
	const created: Array<{entry: LedgerEntry; order: number}> = [];
	entries.forEach((entry, order) => {
		if (entry.state === 'reused') leftAlone.push({entry, reason: 'ca-wizard found it and used it as it was; it did not create it'});
		else if (entry.state === 'intended')
			leftAlone.push({entry, reason: 'a run stopped before confirming it made it; run the wizard again to settle it, or check by hand'});
		else created.push({entry, order});
	});
	// Two runs at once may both have recorded a link: it is ours when its repository is, or when this run saw the list before it.
	const ownRepositories = new Set(created.flatMap(({entry}) => (entry.kind === 'repository' ? [repositoryKey(entry)] : [])));
	for (const {entry} of created.filter(({entry}) => entry.kind === 'upstream-link' && !isOurLink(entry, ownRepositories)))
		leftAlone.push({entry, reason: "its repository is not ca-wizard's and no earlier upstream list was recorded: another run may have made it"});
	const ownPolicies = new Set(created.flatMap(({entry}) => (entry.kind === 'iam-policy' && !entry.details?.['versionOf'] && entry.arn ? [entry.arn] : [])));
	// A version of a policy removed here goes with the policy.
	const removed = created.filter(
		({entry}) =>
			!(entry.kind === 'iam-policy' && ownPolicies.has(entry.details?.['versionOf'] ?? '')) &&
			!(entry.kind === 'upstream-link' && !isOurLink(entry, ownRepositories)),
	);
	const upstreams = new Set(
		removed.flatMap(({entry}) => (entry.kind === 'upstream-link' ? [`${entry.details?.['domain']}/${entry.details?.['upstream']}`] : [])),
	);
	const position = ({entry}: {entry: LedgerEntry}) => rank[entry.kind] + (entry.kind === 'repository' && upstreams.has(repositoryKey(entry)) ? 1 : 0);
	const removals = removed
		.sort((a, b) => position(a) - position(b) || b.order - a.order) // newest first within a rank
		.map(({entry}): Removal => (entry.kind === 'iam-policy' && entry.details?.['versionOf'] ? {entry, restoreVersion: true} : {entry}));
	return {removals, leftAlone};
}

function repositoryKey(entry: LedgerEntry): string {
	return `${entry.details?.['domain']}/${entry.details?.['repository']}`;
}

function isOurLink(link: LedgerEntry, ownRepositories: ReadonlySet<string>): boolean {
	return ownRepositories.has(repositoryKey(link)) || link.details?.['previous'] !== undefined;
}
