import type {RestHandler} from '../protocols/rest-json.js';
import {packageArn} from './arns.js';
import {readPackageInputs} from './package-inputs.js';
import {requirePackage} from './resources.js';
import {emptyBatch, recordFailure, recordSuccess, selectVersion, VersionFailure, type VersionStatus} from './version-batch.js';
import {readVersionSelection} from './version-selection.js';
import {invalid} from './validation.js';

// Clean-up and status changes of package versions, with the user guide's rules:
// - UpdatePackageVersionsStatus sets Published, Unlisted or Archived. A Disposed version has no
//   assets left to serve and is never brought back; a version already in the target status is
//   SKIPPED. Unlisted is still downloadable; Archived is not (see maven/resolve-artifact.ts).
// - DisposePackageVersions deletes the assets and keeps the record, status Disposed.
// - DeletePackageVersions removes the record; the reply names it Deleted. The package stays,
//   with its origin configuration (DeletePackage removes it).
// Every version is judged on its own: expectedStatus and versionRevisions make one fail
// (MISMATCHED_STATUS / MISMATCHED_REVISION) without stopping the others.

const settable: readonly VersionStatus[] = ['Published', 'Unlisted', 'Archived'];

export const updatePackageVersionsStatus: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates, targetStatus, expectedStatus} = readPackageInputs(input, ['targetStatus'], ['expectedStatus']);
	const selection = readVersionSelection(input, 'versions required');
	const target = targetStatus as VersionStatus;
	if (!settable.includes(target)) {
		throw invalid(
			`Invalid targetStatus: ${target}. UpdatePackageVersionsStatus sets a package version's status to Published, Unlisted or Archived; use DisposePackageVersions to dispose of it, DeletePackageVersions to delete it.`,
		);
	}
	const {state} = context.store;
	call.authorize('codeartifact:UpdatePackageVersionsStatus', packageArn(state, coordinates));
	const pkg = requirePackage(state, coordinates, domainOwner);
	const result = emptyBatch();
	for (const version of selection.versions) {
		const record = selectVersion(pkg, version, selection, expectedStatus as VersionStatus | undefined);
		if (record instanceof VersionFailure) recordFailure(result, version, record);
		else if (record.status === 'Disposed')
			recordFailure(result, version, new VersionFailure('NOT_ALLOWED', `Package version ${version} is Disposed: its status cannot be changed.`));
		else if (record.status === target)
			recordFailure(result, version, new VersionFailure('SKIPPED', `Package version ${version} already has status ${target}.`));
		else {
			record.status = target;
			recordSuccess(result, version, record.revision, target);
		}
	}
	if (Object.keys(result.successfulVersions).length > 0) context.store.commit();
	return {json: result};
};

export const disposePackageVersions: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates, expectedStatus} = readPackageInputs(input, [], ['expectedStatus']);
	const selection = readVersionSelection(input, 'versions required');
	const {state} = context.store;
	call.authorize('codeartifact:DisposePackageVersions', packageArn(state, coordinates));
	const pkg = requirePackage(state, coordinates, domainOwner);
	const result = emptyBatch();
	for (const version of selection.versions) {
		const record = selectVersion(pkg, version, selection, expectedStatus as VersionStatus | undefined);
		if (record instanceof VersionFailure) {
			recordFailure(result, version, record);
			continue;
		}
		record.status = 'Disposed';
		record.assets = [];
		recordSuccess(result, version, record.revision, 'Disposed');
	}
	if (Object.keys(result.successfulVersions).length > 0) context.store.commit();
	return {json: result};
};

export const deletePackageVersions: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates, expectedStatus} = readPackageInputs(input, [], ['expectedStatus']);
	const selection = readVersionSelection(input, 'versions only');
	const {state} = context.store;
	call.authorize('codeartifact:DeletePackageVersions', packageArn(state, coordinates));
	const pkg = requirePackage(state, coordinates, domainOwner);
	const result = emptyBatch();
	for (const version of selection.versions) {
		const record = selectVersion(pkg, version, selection, expectedStatus as VersionStatus | undefined);
		if (record instanceof VersionFailure) {
			recordFailure(result, version, record);
			continue;
		}
		pkg.versions = pkg.versions.filter(v => v !== record);
		recordSuccess(result, version, record.revision, 'Deleted');
	}
	if (Object.keys(result.successfulVersions).length > 0) context.store.commit();
	return {json: result};
};
