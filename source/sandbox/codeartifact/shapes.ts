import type {PomDetails} from '../maven/pom.js';
import type {AssetHashes, AssetRecord, DomainRecord, PackageRecord, PackageVersionRecord, RepositoryRecord, SandboxState} from '../state.js';
import {DamagedBlobError, type BlobStore} from '../store/blob-store.js';
import {domainArn, repositoryArn} from './arns.js';
import {externalConnectionFormat} from './external-connection-names.js';

// The output structures of the CodeArtifact model, built from the stored records.
// Timestamps are epoch seconds: restJson1 sends them as JSON numbers.

export function epochSeconds(date: Date): number {
	return date.getTime() / 1000;
}

export function domainSummary(state: SandboxState, domain: DomainRecord, status: 'Active' | 'Deleted' = 'Active') {
	return {
		name: domain.name,
		owner: state.accountId,
		arn: domainArn(state, domain.name),
		status,
		createdTime: domain.createdTime,
		encryptionKey: domain.encryptionKey,
	};
}

export function domainDescription(state: SandboxState, domain: DomainRecord, status: 'Active' | 'Deleted' = 'Active') {
	const repositories = Object.values(state.repositories).filter(r => r.domain === domain.name);
	// A domain stores each distinct blob once, however many repositories hold it.
	const blobs = new Map<string, number>();
	for (const pkg of Object.values(state.packages)) {
		if (pkg.domain !== domain.name) continue;
		for (const version of pkg.versions) for (const asset of version.assets) blobs.set(asset.blob, asset.size);
	}
	return {
		...domainSummary(state, domain, status),
		repositoryCount: repositories.length,
		assetSizeBytes: [...blobs.values()].reduce((sum, size) => sum + size, 0),
		s3BucketArn: `arn:aws:s3:::assets-${state.accountId}-${state.region}`,
	};
}

export function repositorySummary(state: SandboxState, repository: RepositoryRecord) {
	return {
		name: repository.name,
		administratorAccount: state.accountId,
		domainName: repository.domain,
		domainOwner: state.accountId,
		arn: repositoryArn(state, repository.domain, repository.name),
		...(repository.description ? {description: repository.description} : {}),
		createdTime: repository.createdTime,
	};
}

export function repositoryDescription(state: SandboxState, repository: RepositoryRecord) {
	return {
		...repositorySummary(state, repository),
		upstreams: repository.upstreams.map(repositoryName => ({repositoryName})),
		externalConnections: repository.externalConnections.map(externalConnectionName => ({
			externalConnectionName,
			packageFormat: externalConnectionFormat(externalConnectionName),
			status: 'Available',
		})),
	};
}

export function packageSummary(pkg: PackageRecord) {
	return {
		format: pkg.format,
		...(pkg.namespace ? {namespace: pkg.namespace} : {}),
		package: pkg.name,
		originConfiguration: originConfiguration(pkg),
	};
}

/** PackageDescription names the package `name`, where PackageSummary says `package`. */
export function packageDescription(pkg: PackageRecord) {
	const {package: name, ...rest} = packageSummary(pkg);
	return {...rest, name};
}

export function originConfiguration(pkg: PackageRecord) {
	return {restrictions: {...pkg.originConfiguration.restrictions}};
}

export function versionSummary(version: PackageVersionRecord) {
	return {version: version.version, revision: version.revision, status: version.status, origin: origin(version)};
}

/** `details`: what the version's own metadata says (a Maven POM's name, description, URLs and licenses). */
export function versionDescription(pkg: PackageRecord, version: PackageVersionRecord, details?: PomDetails) {
	return {
		format: pkg.format,
		...(pkg.namespace ? {namespace: pkg.namespace} : {}),
		packageName: pkg.name,
		displayName: details?.displayName ?? pkg.name,
		version: version.version,
		...(details?.summary === undefined ? {} : {summary: details.summary}),
		...(details?.homePage === undefined ? {} : {homePage: details.homePage}),
		...(details?.sourceCodeRepository === undefined ? {} : {sourceCodeRepository: details.sourceCodeRepository}),
		publishedTime: version.publishedTime,
		licenses: details?.licenses ?? [],
		revision: version.revision,
		status: version.status,
		origin: origin(version),
	};
}

/** The members that name a package version in the replies about it (assets, dependencies, readme, publish). */
export function versionIdentity(pkg: PackageRecord, version: PackageVersionRecord) {
	return {
		format: pkg.format,
		...(pkg.namespace ? {namespace: pkg.namespace} : {}),
		package: pkg.name,
		version: version.version,
		versionRevision: version.revision,
	};
}

export function assetSummary(blobs: BlobStore, asset: AssetRecord) {
	const {MD5, 'SHA-1': sha1, 'SHA-256': sha256, 'SHA-512': sha512} = listedHashes(blobs, asset);
	return {name: asset.name, size: asset.size, hashes: {MD5, 'SHA-1': sha1, 'SHA-256': sha256, 'SHA-512': sha512}};
}

/**
 * All four hashes when the bytes can be read for those a cache fill's record was stored without;
 * otherwise (a blob damaged or gone) the ones the record holds: a listing shows the asset all the
 * same, and fetching it says what is wrong.
 */
function listedHashes(blobs: BlobStore, asset: AssetRecord): AssetHashes {
	try {
		return blobs.hashesOf(asset);
	} catch (error) {
		if (error instanceof DamagedBlobError || (error as NodeJS.ErrnoException).code === 'ENOENT') return asset.hashes;
		throw error;
	}
}

function origin(version: PackageVersionRecord) {
	return {domainEntryPoint: {...version.origin.domainEntryPoint}, originType: version.origin.originType};
}
