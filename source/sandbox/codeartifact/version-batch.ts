import type {PackageRecord, PackageVersionRecord} from '../state.js';
import type {VersionSelection} from './version-selection.js';

// The per-version answer of the batch operations: each version asked for either succeeds
// (successfulVersions: its revision and status after the call) or fails with one of the
// model's PackageVersionErrorCodes. One version failing never stops the others.

export type VersionStatus = PackageVersionRecord['status'];
export type VersionErrorCode = 'ALREADY_EXISTS' | 'MISMATCHED_REVISION' | 'MISMATCHED_STATUS' | 'NOT_ALLOWED' | 'NOT_FOUND' | 'SKIPPED';

export class VersionFailure {
	constructor(
		readonly errorCode: VersionErrorCode,
		readonly errorMessage: string,
	) {}
}

export interface BatchResult {
	successfulVersions: Record<string, {revision: string; status: VersionStatus}>;
	failedVersions: Record<string, {errorCode: VersionErrorCode; errorMessage: string}>;
}

export function emptyBatch(): BatchResult {
	return {successfulVersions: {}, failedVersions: {}};
}

export function recordSuccess(result: BatchResult, version: string, revision: string, status: VersionStatus): void {
	result.successfulVersions[version] = {revision, status};
}

export function recordFailure(result: BatchResult, version: string, failure: VersionFailure): void {
	result.failedVersions[version] = {errorCode: failure.errorCode, errorMessage: failure.errorMessage};
}

/**
 * The version record a batch may act on, or why not: it must exist in this repository, carry the
 * revision the caller named (versionRevisions) and the status it expects (expectedStatus).
 */
export function selectVersion(
	pkg: PackageRecord | undefined,
	version: string,
	selection: VersionSelection,
	expectedStatus: VersionStatus | undefined,
): PackageVersionRecord | VersionFailure {
	const record = pkg?.versions.find(v => v.version === version);
	if (!record) return new VersionFailure('NOT_FOUND', `Package version ${version} was not found.`);
	const revision = selection.revisions.get(version);
	if (revision !== undefined && revision !== record.revision) {
		return new VersionFailure('MISMATCHED_REVISION', `Package version revision ${revision} does not match the current revision ${record.revision}.`);
	}
	if (expectedStatus !== undefined && expectedStatus !== record.status) {
		return new VersionFailure('MISMATCHED_STATUS', `Package version status ${record.status} does not match the expected status ${expectedStatus}.`);
	}
	return record;
}
