import {BoundedCache} from '../../bounded-cache.js';
import type {SandboxContext} from '../context.js';
import {pomAsset, readPom, type PomDetails} from '../maven/pom.js';
import type {RestHandler} from '../protocols/rest-json.js';
import type {PackageRecord, PackageVersionRecord} from '../state.js';
import {packageArn} from './arns.js';
import {readPackageInputs} from './package-inputs.js';
import {paginate} from './pagination.js';
import {requireVersion} from './resources.js';
import {versionIdentity} from './shapes.js';

// What a package version says about itself, read from its own assets: for Maven, its POM.
// Like AWS, only the repository asked is looked at, never its upstreams.

/** The POM's details of a Maven version; undefined for other formats, or a version without a readable POM (Disposed, say). */
export function versionDetails(context: SandboxContext, pkg: PackageRecord, version: PackageVersionRecord): PomDetails | undefined {
	if (pkg.format !== 'maven') return undefined;
	const pom = pomAsset(pkg.name, version);
	if (!pom) return undefined;
	// A blob is named by its SHA-256, so its details never change: read and parsed once (AWS, too, keeps
	// them from when the version arrived). A build's ~40 DescribePackageVersion calls parsed 40 POMs each time.
	return readPoms.getOrCompute(pom.blob, () => readPom(context.store.blobs.get(pom.blob)));
}

const readPoms = new BoundedCache<string, PomDetails | undefined>(2048);

export const listPackageVersionDependencies: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates, packageVersion, nextToken} = readPackageInputs(input, ['packageVersion'], ['nextToken']);
	const {state} = context.store;
	call.authorize('codeartifact:ListPackageVersionDependencies', packageArn(state, coordinates));
	const {pkg, record} = requireVersion(state, coordinates, packageVersion, domainOwner);
	// The model has a nextToken but no maxResults: pages are the default size.
	const page = paginate(versionDetails(context, pkg, record)?.dependencies ?? [], 'ListPackageVersionDependencies', undefined, nextToken);
	return {
		json: {
			...versionIdentity(pkg, record),
			dependencies: page.items,
			...(page.nextToken ? {nextToken: page.nextToken} : {}),
		},
	};
};

/**
 * A Maven POM has no readme: as the API reference says, CodeArtifact then extracts the
 * description from the metadata (<description>). A generic package, or a POM without one,
 * answers without `readme`.
 */
export const getPackageVersionReadme: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates, packageVersion} = readPackageInputs(input, ['packageVersion']);
	const {state} = context.store;
	call.authorize('codeartifact:GetPackageVersionReadme', packageArn(state, coordinates));
	const {pkg, record} = requireVersion(state, coordinates, packageVersion, domainOwner);
	const readme = versionDetails(context, pkg, record)?.summary;
	return {json: {...versionIdentity(pkg, record), ...(readme === undefined ? {} : {readme})}};
};
