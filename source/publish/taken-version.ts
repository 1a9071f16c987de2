// Whether a version is published already, asked of the repository: the command and the
// journey's publish step both offer the next free one instead of a refusal from AWS.

import type {CodeArtifactApi} from '../aws/apis.js';
import {nextFreeVersion} from './next-version.js';
import type {Coordinates} from './publish-errors.js';

/** The next free version when `version` is published already; undefined when it is free. */
export async function nextVersionIfTaken(codeartifact: CodeArtifactApi, at: Coordinates, version: string): Promise<string | undefined> {
	const generic = {format: 'generic', namespace: at.namespace, name: at.name};
	if (!(await codeartifact.describePackage(at.domain, at.repository, generic))) return undefined;
	const versions = (await codeartifact.listPackageVersions(at.domain, at.repository, generic)).map(found => found.version);
	return versions.includes(version) ? nextFreeVersion(version, versions) : undefined;
}
