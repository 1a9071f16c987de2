/**
 * CodeArtifact refuses to publish a package version that the repository's upstreams can supply:
 * an upstream repository holds it, or the external connection in reach (public:maven-central)
 * has it. The publish is answered 409 Conflict and nothing is stored, as AWS's protection
 * against dependency substitution does. A package whose origin controls block upstreams in the
 * repository (upstream: BLOCK) reaches nothing upstream, so its versions may be published.
 */
import type {SandboxContext} from '../context.js';
import {findVersion, type PackageCoordinates} from '../codeartifact/package-store.js';
import {mavenSearchOrder} from './upstream-graph.js';
import {externalConnectionHolder, isServable, mavenCentralConnection, upstreamAllowed, upstreamPath, type ArtifactFile} from './resolve-artifact.js';
import {MavenHttpError} from './responses.js';

/** Throws the 409 when an upstream of `coordinates.repository` can supply `file.version`; a version the repository already holds was checked when it was first published. */
export async function refuseUpstreamSuppliedVersion(context: SandboxContext, coordinates: PackageCoordinates, file: ArtifactFile): Promise<void> {
	const {state} = context.store;
	const {domain, repository} = coordinates;
	if (findVersion(state, coordinates, file.version) || !upstreamAllowed(state, coordinates)) return;
	const order = mavenSearchOrder(state, domain, repository);
	for (const name of order.slice(1)) {
		const held = findVersion(state, {...coordinates, repository: name}, file.version);
		if (held && isServable(held)) throw conflict(file, repository, `upstream repository ${name}`);
	}
	const holder = file.version.endsWith('-SNAPSHOT') ? undefined : externalConnectionHolder(state, order, domain);
	if (holder === undefined) return;
	if (holder !== repository && !upstreamAllowed(state, {...coordinates, repository: holder})) return;
	if (await externalHas(context, file)) throw conflict(file, repository, `external connection ${mavenCentralConnection}`);
}

/** Whether the external connection has the version: its POM is there. Unreachable counts as not there (logged). */
async function externalHas(context: SandboxContext, file: ArtifactFile): Promise<boolean> {
	const pom = upstreamPath({...file, fileName: `${file.artifactId}-${file.version}.pom`});
	try {
		return (await context.mavenCentral.fetch(pom)) !== undefined;
	} catch (error) {
		context.log(
			`maven: could not ask ${mavenCentralConnection} (${context.mavenCentral.description}) for ${pom} before a publish: ${(error as Error).message}`,
		);
		return false;
	}
}

function conflict(file: ArtifactFile, repository: string, source: string): MavenHttpError {
	return new MavenHttpError(
		409,
		`Package version ${file.groupId}:${file.artifactId}:${file.version} cannot be published to ${repository}: it is available from ${source}, and a version an upstream can supply cannot be published. Publish another version, or set the package's origin configuration to upstream BLOCK in ${repository} (PutPackageOriginConfiguration).`,
	);
}
