import type {ApiCall, SandboxContext} from '../context.js';
import type {RestHandler} from '../protocols/rest-json.js';
import type {PackageRecord, PackageVersionRecord} from '../state.js';
import {packageArn} from './arns.js';
import {readPackageInputs} from './package-inputs.js';
import type {PackageCoordinates} from './package-store.js';
import {requirePackage} from './resources.js';
import {emptyBatch, recordFailure, recordSuccess, selectVersion, VersionFailure, type VersionStatus} from './version-batch.js';
import {readVersionSelection, type VersionSelection} from './version-selection.js';
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
	const {targetStatus, ...inputs} = readPackageInputs(input, ['targetStatus'], ['expectedStatus']);
	const target = targetStatus as VersionStatus;
	if (!settable.includes(target)) {
		throw invalid(
			`Invalid targetStatus: ${target}. UpdatePackageVersionsStatus sets a package version's status to Published, Unlisted or Archived; use DisposePackageVersions to dispose of it, DeletePackageVersions to delete it.`,
		);
	}
	return runBatch(context, call, inputs, readVersionSelection(input, 'versions required'), 'codeartifact:UpdatePackageVersionsStatus', (_pkg, record) => {
		if (record.status === 'Disposed') return new VersionFailure('NOT_ALLOWED', `Package version ${record.version} is Disposed: its status cannot be changed.`);
		if (record.status === target) return new VersionFailure('SKIPPED', `Package version ${record.version} already has status ${target}.`);
		record.status = target;
		return target;
	});
};

export const disposePackageVersions: RestHandler = (input, call, context) =>
	runBatch(
		context,
		call,
		readPackageInputs(input, [], ['expectedStatus']),
		readVersionSelection(input, 'versions required'),
		'codeartifact:DisposePackageVersions',
		(_pkg, record) => {
			record.status = 'Disposed';
			record.assets = [];
			return 'Disposed';
		},
	);

export const deletePackageVersions: RestHandler = (input, call, context) =>
	runBatch(
		context,
		call,
		readPackageInputs(input, [], ['expectedStatus']),
		readVersionSelection(input, 'versions only'),
		'codeartifact:DeletePackageVersions',
		(pkg, record) => {
			pkg.versions = pkg.versions.filter(v => v !== record);
			return 'Deleted';
		},
	);

/**
 * Authorizes `action` on the package, then applies `act` to each selected version that exists
 * with the revision and status the caller expects; `act` answers the status after, or why not.
 */
function runBatch(
	context: SandboxContext,
	call: ApiCall,
	inputs: {domainOwner?: string | undefined; coordinates: PackageCoordinates; expectedStatus?: string | undefined},
	selection: VersionSelection,
	action: string,
	act: (pkg: PackageRecord, record: PackageVersionRecord) => VersionStatus | VersionFailure,
) {
	const {state} = context.store;
	call.authorize(action, packageArn(state, inputs.coordinates));
	const pkg = requirePackage(state, inputs.coordinates, inputs.domainOwner);
	const result = emptyBatch();
	for (const version of selection.versions) {
		const record = selectVersion(pkg, version, selection, inputs.expectedStatus as VersionStatus | undefined);
		const outcome = record instanceof VersionFailure ? record : act(pkg, record);
		if (outcome instanceof VersionFailure) recordFailure(result, version, outcome);
		else if (!(record instanceof VersionFailure)) recordSuccess(result, version, record.revision, outcome);
	}
	if (Object.keys(result.successfulVersions).length > 0) context.store.commit();
	return {json: result};
}
