import type {ServiceError} from '../errors.js';
import type {PackageGroupRecord, SandboxState} from '../state.js';
import {parsePattern, type GroupPattern} from './package-group-pattern.js';
import {domainGroups, findGroup, type Group} from './package-group-store.js';
import {notFound, requireDomain} from './resources.js';
import {groupDescription} from './package-group-shapes.js';
import {invalid} from './validation.js';

/** The pattern's structure; a ValidationException naming what is wrong with it. */
export function readPattern(text: string): GroupPattern {
	const parsed = parsePattern(text);
	if ('problem' in parsed) throw invalid(parsed.problem);
	return parsed;
}

/** The group named by `pattern` in an existing domain; ResourceNotFoundException when there is none. */
export function requireGroup(state: SandboxState, domain: string, pattern: string, owner?: string): PackageGroupRecord {
	requireDomain(state, domain, owner);
	readPattern(pattern);
	const record = findGroup(state, domain, pattern);
	if (!record) throw groupNotFound(domain, pattern);
	return record;
}

export function groupNotFound(domain: string, pattern: string): ServiceError {
	return notFound('package-group', pattern, `Package group ${pattern} does not exist in domain ${domain}.`);
}

/** The domain's groups and the one `record` is. */
export function withGroups(state: SandboxState, record: PackageGroupRecord): {groups: Group[]; group: Group} {
	const groups = domainGroups(state, record.domain);
	const group = groups.find(candidate => candidate.record === record);
	if (!group) throw new Error(`package group ${record.pattern} is not stored in domain ${record.domain}`);
	return {groups, group};
}

/** PackageGroupDescription of a stored group, as it stands now. */
export function describeGroup(state: SandboxState, record: PackageGroupRecord) {
	const {groups, group} = withGroups(state, record);
	return groupDescription(state, groups, group);
}
