import type {LedgerEntry} from '../ledger.js';
import {sameTarget} from '../ledger.js';
import {ownerOf, type Standing} from './account-inventory.js';

// Which of the account's resources a destroy takes, from their ownership tags (and the names
// given to --force), and how that merges with the run record: the record's reused entries and
// intents still say what is left alone, and its confirmed entries keep the details only the
// run knew (the profile an association replaced, the settings.xml backup).

/** Whose resources: one run's (the record's), one maker's (a participant or a principal), every one ca-wizard made, or only the names given to --force. */
export type Scope = {kind: 'run'; runId: string} | {kind: 'created-by'; createdBy: string} | {kind: 'all'} | {kind: 'forced-only'};

/** A resource named to --force, as KIND:NAME (a repository as DOMAIN/NAME). */
export interface ForcedName {
	kind: 'domain' | 'repository' | 'iam-role' | 'iam-policy' | 'instance-profile';
	name: string;
	domain?: string;
}

const forceKinds: Record<string, ForcedName['kind']> = {
	domain: 'domain',
	repository: 'repository',
	role: 'iam-role',
	policy: 'iam-policy',
	'instance-profile': 'instance-profile',
};

export const forceFormat = `KIND:NAME[,KIND:NAME…] with KIND one of ${Object.keys(forceKinds).join(', ')} (a repository as repository:DOMAIN/NAME)`;

/** The names given to --force; a string saying what is wrong with one. */
export function parseForced(value: string): ForcedName[] | string {
	const forced: ForcedName[] = [];
	for (const item of value.split(',').map(part => part.trim())) {
		const [kindWord = '', ...rest] = item.split(':');
		const kind = forceKinds[kindWord];
		const name = rest.join(':');
		if (!kind || name === '') return `"${item}" is not ${forceFormat}`;
		if (kind !== 'repository') forced.push({kind, name});
		else {
			const [domain = '', repository = '', extra] = name.split('/');
			if (domain === '' || repository === '' || extra !== undefined) return `"${item}": a repository is named repository:DOMAIN/NAME`;
			forced.push({kind, name: repository, domain});
		}
	}
	return forced;
}

export function inScope(standing: Standing, scope: Scope): boolean {
	const owner = ownerOf(standing.tags);
	if (!owner) return false;
	switch (scope.kind) {
		case 'all':
			return true;
		case 'run':
			return owner.run === scope.runId;
		case 'created-by':
			return owner.createdBy === scope.createdBy;
		case 'forced-only':
			return false;
	}
}

export function isForced(standing: Standing, forced: readonly ForcedName[]): boolean {
	const {entry} = standing;
	return forced.some(name => name.kind === entry.kind && name.name === entry.name && (name.domain === undefined || name.domain === entry.details?.['domain']));
}

/**
 * Whether an entry concerns domain `domain`: its CodeArtifact resources, and the build-host
 * policy for it (named …-DOMAIN, policyNameFor) with its attachments. The role, the profile
 * and settings.xml serve every domain, so they stay.
 */
export function concernsDomain(entry: LedgerEntry, domain: string): boolean {
	switch (entry.kind) {
		case 'domain':
			return (entry.details?.['domain'] ?? entry.name) === domain;
		case 'repository':
		case 'upstream-link':
		case 'external-connection':
			return entry.details?.['domain'] === domain;
		case 'iam-policy':
			return entry.name.endsWith(`-${domain}`);
		case 'role-policy-attachment':
			return (entry.details?.['policyArn'] ?? '').endsWith(`-${domain}`);
		default:
			return false;
	}
}

/**
 * The record's entries (those `keep` accepts) and what the tags found beside them. An entry
 * in the record rules over a found one for the same resource; a forced one rules over both.
 */
export function mergeEntries(
	recorded: readonly LedgerEntry[],
	keep: (entry: LedgerEntry) => boolean,
	found: readonly LedgerEntry[],
	forced: readonly LedgerEntry[] = [],
): LedgerEntry[] {
	const isForcedEntry = (entry: LedgerEntry) => forced.some(one => sameTarget(one, entry));
	const fromRecord = recorded.filter(entry => keep(entry) && !isForcedEntry(entry));
	const fromTags = found.filter(entry => !fromRecord.some(one => sameTarget(one, entry)) && !isForcedEntry(entry));
	return [...fromRecord, ...fromTags, ...forced];
}
