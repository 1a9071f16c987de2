import type {RestInput} from '../protocols/rest-json.js';
import {asRecord} from './body-members.js';
import {checkRequired, nestedSpecs} from './constraints.js';
import {invalid, validationError} from './validation.js';

// The versions a batch operation (DeletePackageVersions, DisposePackageVersions,
// UpdatePackageVersionsStatus, CopyPackageVersions) acts on: the body's `versions` list
// (PackageVersionList, at most 100) and `versionRevisions` map (version → revision), checked
// against the model and reported with AWS's member paths.

const maxVersions = 100;

export interface VersionSelection {
	/** The versions asked for, in the order given, each once. */
	versions: string[];
	/** The revision each of these versions must have, where the caller named one. */
	revisions: Map<string, string>;
}

/**
 * `versions` alone (DeletePackageVersions has no versionRevisions member), `versions` required
 * with optional revisions (dispose, status), or, for a copy, exactly one of the two.
 */
export function readVersionSelection(input: RestInput, rule: 'versions only' | 'versions required' | 'versions or revisions'): VersionSelection {
	const body = input.json();
	const problems: string[] = [];
	const list = body.versions;
	const map = rule === 'versions only' ? undefined : body.versionRevisions;
	const hasList = list !== undefined && list !== null;
	const hasMap = map !== undefined && map !== null;
	if (rule !== 'versions or revisions' && !hasList) problems.push(`Value null at 'versions' failed to satisfy constraint: Member must not be null`);
	const versions: string[] = [];
	if (hasList) {
		if (!Array.isArray(list)) throw validationError([`Value at 'versions' failed to satisfy constraint: Member must be a list`]);
		if (list.length > maxVersions) {
			throw validationError([
				`Value '[${list.length} versions]' at 'versions' failed to satisfy constraint: Member must have length less than or equal to ${maxVersions}`,
			]);
		}
		list.forEach((item: unknown, index) => {
			const found = checkRequired(nestedSpecs.packageVersion, `versions.${index + 1}.member`, item);
			problems.push(...found);
			if (found.length === 0 && !versions.includes(item as string)) versions.push(item as string);
		});
	}
	const revisions = new Map<string, string>();
	if (hasMap) {
		if (typeof map !== 'object' || Array.isArray(map))
			throw validationError([`Value at 'versionRevisions' failed to satisfy constraint: Member must be a map`]);
		for (const [version, revision] of Object.entries(asRecord(map))) {
			const found = [
				...checkRequired(nestedSpecs.packageVersion, `versionRevisions.${version}.key`, version),
				...checkRequired(nestedSpecs.packageVersionRevision, `versionRevisions.${version}.value`, revision),
			];
			problems.push(...found);
			if (found.length === 0) revisions.set(version, revision as string);
		}
	}
	if (problems.length > 0) throw validationError(problems);
	if (rule === 'versions or revisions') {
		if (hasList === hasMap) throw invalid('You must specify versions or versionRevisions. You cannot specify both.');
	}
	for (const version of revisions.keys()) if (!versions.includes(version)) versions.push(version);
	return {versions, revisions};
}
