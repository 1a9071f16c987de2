import {
	emptyRecord,
	entry,
	packageGroupKey,
	type PackageGroupRecord,
	type PackageGroupRestrictionMode,
	type PackageGroupRestrictionType,
	type SandboxState,
} from '../state.js';
import {covers, matches, parsePattern, specificity, type GroupPattern, type PackagePath} from './package-group-pattern.js';

// A domain's package groups, their hierarchy and the origin controls a package inherits from
// them. Every domain has the root group `/*` (all packages, everything allowed); it is stored
// when first changed, so a domain made before package groups existed has one too.

export const rootPattern = '/*';
export const restrictionTypes: readonly PackageGroupRestrictionType[] = ['EXTERNAL_UPSTREAM', 'INTERNAL_UPSTREAM', 'PUBLISH'];

export interface Group {
	record: PackageGroupRecord;
	pattern: GroupPattern;
}

function groupsRecord(state: SandboxState): Record<string, PackageGroupRecord> {
	return (state.packageGroups ??= emptyRecord());
}

export function newGroupRecord(domain: string, pattern: string, createdTime: number, root = false): PackageGroupRecord {
	const mode: PackageGroupRestrictionMode = root ? 'ALLOW' : 'INHERIT';
	return {
		domain,
		pattern,
		createdTime,
		restrictions: {EXTERNAL_UPSTREAM: mode, INTERNAL_UPSTREAM: mode, PUBLISH: mode},
		allowedRepositories: {EXTERNAL_UPSTREAM: [], INTERNAL_UPSTREAM: [], PUBLISH: []},
		tags: [],
	};
}

/** The stored group, or the domain's root group (stored now, as it always existed). The domain must exist. */
export function findGroup(state: SandboxState, domain: string, pattern: string): PackageGroupRecord | undefined {
	const groups = groupsRecord(state);
	const key = packageGroupKey(domain, pattern);
	const stored = entry(groups, key);
	const domainRecord = entry(state.domains, domain);
	if (stored || pattern !== rootPattern || !domainRecord) return stored;
	const created = newGroupRecord(domain, rootPattern, domainRecord.createdTime, true);
	groups[key] = created;
	return created;
}

export function storeGroup(state: SandboxState, record: PackageGroupRecord): void {
	groupsRecord(state)[packageGroupKey(record.domain, record.pattern)] = record;
}

export function removeGroup(state: SandboxState, domain: string, pattern: string): void {
	delete groupsRecord(state)[packageGroupKey(domain, pattern)];
}

/** Forgets every group of a deleted domain. */
export function removeDomainGroups(state: SandboxState, domain: string): void {
	const groups = groupsRecord(state);
	for (const [key, record] of Object.entries(groups)) if (record.domain === domain) delete groups[key];
}

/** Every group of the domain, the root included. */
export function domainGroups(state: SandboxState, domain: string): Group[] {
	findGroup(state, domain, rootPattern);
	return Object.values(groupsRecord(state))
		.filter(record => record.domain === domain)
		.flatMap(record => {
			const pattern = parsePattern(record.pattern);
			return 'problem' in pattern ? [] : [{record, pattern}];
		});
}

function mostSpecific(groups: Group[]): Group | undefined {
	return groups.reduce<Group | undefined>((best, group) => (!best || specificity(group.pattern) > specificity(best.pattern) ? group : best), undefined);
}

/** The group directly above `pattern`: the most specific other group that covers it. The root has none. */
export function parentOf(groups: Group[], pattern: GroupPattern): Group | undefined {
	return mostSpecific(groups.filter(group => covers(group.pattern, pattern)));
}

/** The groups whose parent is `group`. */
export function childrenOf(groups: Group[], group: Group): Group[] {
	return groups.filter(other => other !== group && parentOf(groups, other.pattern) === group);
}

/** The group a package is associated with: the most specific one that matches it (at worst the root). */
export function associatedGroup(groups: Group[], path: PackagePath): Group | undefined {
	return mostSpecific(groups.filter(group => matches(group.pattern, path)));
}

export interface EffectiveRestriction {
	mode: Exclude<PackageGroupRestrictionMode, 'INHERIT'>;
	/** The group the mode is set on: `group` itself, or the first ancestor whose mode is not INHERIT. */
	from: Group;
}

export function effectiveRestriction(groups: Group[], group: Group, type: PackageGroupRestrictionType): EffectiveRestriction {
	let current: Group | undefined = group;
	while (current) {
		const mode = current.record.restrictions[type];
		if (mode !== 'INHERIT') return {mode, from: current};
		current = parentOf(groups, current.pattern);
	}
	return {mode: 'ALLOW', from: group}; // unreachable while the root's modes are never INHERIT
}

/**
 * What keeps a package's versions from entering `repository` by `type`, when its group does:
 * directly published (PUBLISH), ingested from an external connection (EXTERNAL_UPSTREAM) or
 * retained from an upstream repository (INTERNAL_UPSTREAM). Undefined when the group allows it.
 * A package's own origin configuration is checked besides this: a BLOCK at either level blocks.
 */
export function groupRefusal(
	state: SandboxState,
	domain: string,
	path: PackagePath,
	type: PackageGroupRestrictionType,
	repository: string,
): string | undefined {
	const groups = domainGroups(state, domain);
	const group = associatedGroup(groups, path);
	if (!group) return undefined;
	const {mode, from} = effectiveRestriction(groups, group, type);
	if (mode === 'ALLOW' || (mode === 'ALLOW_SPECIFIC_REPOSITORIES' && from.record.allowedRepositories[type].includes(repository))) return undefined;
	const inherited = from === group ? '' : `, inherited from ${from.record.pattern}`;
	const setting = mode === 'BLOCK' ? `${type}: BLOCK` : `${type}: ALLOW_SPECIFIC_REPOSITORIES, without ${repository}`;
	return `package group ${group.record.pattern} (${setting}${inherited})`;
}

export function groupAllows(state: SandboxState, domain: string, path: PackagePath, type: PackageGroupRestrictionType, repository: string): boolean {
	return groupRefusal(state, domain, path, type, repository) === undefined;
}
