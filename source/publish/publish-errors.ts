// The publish's own failures, in the one error model: a stable code, what happened, the fix.

import {CliError} from '../errors.js';

export interface Coordinates {
	domain: string;
	repository: string;
	namespace: string;
	name: string;
}

/** A published version is never replaced: CodeArtifact keeps it as it is, so the next free version is named. */
export function versionTaken(at: Coordinates, version: string, next: string, flags: string, cliName = 'ca-wizard'): CliError {
	return new CliError(
		'VersionExists',
		`${at.namespace}/${at.name} ${version} is already published in ${at.domain}/${at.repository}. A published version never changes (whoever depends on it gets the same bytes every time), so it cannot be published again.`,
		`Publish it as the next free version: ${cliName} publish${flags} --version ${next}`,
	);
}

/** The downloaded copy is not what was published: nothing is unpacked, and what was downloaded is removed. */
export function downloadAltered(assetName: string, expected: string, actual: string): CliError {
	return new CliError(
		'AssetHashMismatch',
		`The downloaded ${assetName} hashes to ${actual}, not to the published ${expected}: it was altered on the way. It was not unpacked and nothing of it was kept.`,
		'Run the command again; if it happens again, something between this machine and CodeArtifact changes what passes through (a proxy that rewrites downloads).',
	);
}
