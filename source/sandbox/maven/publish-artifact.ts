/**
 * `mvn deploy` against a repository, as CodeArtifact takes it: each file PUT adds an asset to
 * the package version, which stays Unfinished (invisible to readers) until the artifact's
 * maven-metadata.xml arrives and publishes it. Checksum files are checked against the stored
 * asset; an asset name is immutable except for SNAPSHOT versions (different bytes: 409).
 */
import {createHash} from 'node:crypto';
import type {Authorize} from '../auth/authorize.js';
import type {SandboxContext} from '../context.js';
import {packageArn} from '../codeartifact/arns.js';
import {groupRefusal} from '../codeartifact/package-group-store.js';
import {ensurePackage, findPackage, findVersion, putVersionAsset} from '../codeartifact/package-store.js';
import type {WireResponse} from '../protocols/wire-response.js';
import type {MavenChecksum, MavenPath} from './maven-path.js';
import {metadataTarget} from './maven-metadata.js';
import {mavenCoordinates, type ArtifactFile} from './resolve-artifact.js';
import {checksumOf, MavenHttpError, textResponse} from './responses.js';
import {refuseUpstreamSuppliedVersion} from './upstream-conflict.js';

export interface PublishTarget {
	domain: string;
	repository: string;
}

/**
 * What a PUT of `path` needs, checked before its body is read: PublishPackageVersion for an
 * artifact file or its checksum, PutPackageMetadata for a package's maven-metadata.xml.
 */
export function authorizePut(context: SandboxContext, target: PublishTarget, path: Exclude<MavenPath, {kind: 'invalid'}>, authorize: Authorize): void {
	const {state} = context.store;
	if (path.kind === 'artifact') {
		authorize('codeartifact:PublishPackageVersion', packageArn(state, mavenCoordinates(target.domain, target.repository, path)));
		return;
	}
	const about = metadataTarget(path.path);
	if (about) authorize('codeartifact:PutPackageMetadata', packageArn(state, mavenCoordinates(target.domain, target.repository, about)));
}

/** Stores what a PUT carries; the caller has checked authorizePut() first. */
export async function publish(
	context: SandboxContext,
	target: PublishTarget,
	path: Exclude<MavenPath, {kind: 'invalid'}>,
	body: Buffer,
): Promise<WireResponse> {
	if (path.kind === 'metadata') return publishMetadata(context, target, path.path, path.checksum, body);
	if (path.checksum) return verifyChecksum(context, target, path, path.checksum, body);
	return publishAsset(context, target, path, body);
}

async function publishAsset(context: SandboxContext, target: PublishTarget, file: ArtifactFile, body: Buffer): Promise<WireResponse> {
	const {state} = context.store;
	const coordinates = mavenCoordinates(target.domain, target.repository, file);
	const pkg = findPackage(state, coordinates);
	if (pkg?.originConfiguration.restrictions.publish === 'BLOCK') {
		throw new MavenHttpError(
			409,
			`Publishing ${file.groupId}:${file.artifactId} to ${target.repository} is blocked by the package's origin configuration (publish: BLOCK); its versions come from upstream. Allow publishing with PutPackageOriginConfiguration first.`,
		);
	}
	const blockedBy = groupRefusal(state, target.domain, coordinates, 'PUBLISH', target.repository);
	if (blockedBy) {
		throw new MavenHttpError(
			409,
			`Publishing ${file.groupId}:${file.artifactId} to ${target.repository} is blocked by the origin configuration of its ${blockedBy}. Change it with UpdatePackageGroupOriginConfiguration first.`,
		);
	}
	await refuseUpstreamSuppliedVersion(context, coordinates, file);
	const existing = findVersion(state, coordinates, file.version);
	const sameName = existing?.assets.find(a => a.name === file.fileName);
	if (sameName) {
		// Republishing identical bytes succeeds; different bytes only replace a SNAPSHOT's file.
		if (createHash('sha256').update(body).digest('hex') === sameName.blob) return textResponse(200, 'OK');
		if (!file.version.endsWith('-SNAPSHOT')) {
			throw new MavenHttpError(
				409,
				`The asset ${file.fileName} of ${file.groupId}:${file.artifactId}:${file.version} already exists with different content. Delete the package version before publishing it again.`,
			);
		}
	}
	const asset = context.store.blobs.put(file.fileName, body);
	const now = context.now().getTime() / 1000;
	const version = putVersionAsset(ensurePackage(state, coordinates, 'published'), file.version, asset, {
		origin: {domainEntryPoint: {repositoryName: target.repository}, originType: 'INTERNAL'},
		...(existing ? {} : {status: 'Unfinished' as const}),
		publishedTime: now,
	});
	if (file.version.endsWith('-SNAPSHOT')) version.publishedTime = now; // a new snapshot build
	context.store.commit();
	return textResponse(201, 'Created');
}

const readDigest = (body: Buffer) => body.toString('utf8').trim().split(/\s+/)[0]?.toLowerCase() ?? '';

function verifyChecksum(context: SandboxContext, target: PublishTarget, file: ArtifactFile, checksum: MavenChecksum, body: Buffer): WireResponse {
	const {state} = context.store;
	const coordinates = mavenCoordinates(target.domain, target.repository, file);
	const asset = findVersion(state, coordinates, file.version)?.assets.find(a => a.name === file.fileName);
	if (asset && readDigest(body) !== checksumOf(context.store.blobs, asset, checksum)) {
		throw new MavenHttpError(400, `Checksum mismatch: the ${checksum} given for ${file.fileName} does not match the stored asset.`);
	}
	return textResponse(asset ? 200 : 201, 'OK');
}

/** The metadata of an artifact (or of a SNAPSHOT version) is the signal that its upload is complete. */
function publishMetadata(context: SandboxContext, target: PublishTarget, path: string, checksum: MavenChecksum | undefined, body: Buffer): WireResponse {
	const {state} = context.store;
	const about = metadataTarget(path);
	if (!about) return textResponse(200, 'OK'); // group-level (plugin prefix) metadata: nothing to record
	const coordinates = mavenCoordinates(target.domain, target.repository, about);
	if (checksum) return textResponse(200, 'OK');
	const listed =
		about.version === undefined
			? new Set([...body.toString('utf8').matchAll(/<version>\s*([^<\s]+)\s*<\/version>/g)].map(m => m[1]!))
			: new Set([about.version]);
	const now = context.now().getTime() / 1000;
	let changed = false;
	for (const version of findPackage(state, coordinates)?.versions ?? []) {
		if (version.status === 'Unfinished' && listed.has(version.version)) {
			version.status = 'Published';
			version.publishedTime = now;
			changed = true;
		}
	}
	if (changed) context.store.commit();
	return textResponse(201, 'Created');
}
