/**
 * Finding a Maven file for a repository, as CodeArtifact does: the repository itself, then its
 * upstream repositories in search order, then the external connection of the first one that has
 * it. What comes from further down is retained in the requesting repository (and what comes from
 * the external connection also in the repository that holds it), so later requests, ListPackages
 * and the origin controls see it. Intermediate repositories keep nothing, as in AWS.
 */
import type {SandboxContext} from '../context.js';
import {groupAllows} from '../codeartifact/package-group-store.js';
import {ensurePackage, findPackage, findVersion, putVersionAsset, type PackageCoordinates} from '../codeartifact/package-store.js';
import {entry, repositoryKey, type AssetRecord, type PackageVersionRecord, type SandboxState, type VersionOrigin} from '../state.js';
import {mavenSearchOrder} from './upstream-graph.js';
import {MavenHttpError} from './responses.js';
import {SingleFlight} from './single-flight.js';

export const mavenCentralConnection = 'public:maven-central';

export interface ArtifactFile {
	groupId: string;
	artifactId: string;
	version: string;
	fileName: string;
}

export interface ResolvedAsset {
	asset: AssetRecord;
	version: PackageVersionRecord;
	/** The bytes, when they were just fetched (saves reading back the blob just written). */
	body?: Buffer;
}

const externalOrigin = (): VersionOrigin => ({domainEntryPoint: {externalConnectionName: mavenCentralConnection}, originType: 'EXTERNAL'});

// Per store, so that two sandboxes in one process never share a flight.
const resolving = new WeakMap<object, SingleFlight<ResolvedAsset | undefined>>();
const ingesting = new WeakMap<object, SingleFlight<{asset: AssetRecord; body?: Buffer} | undefined>>();

function flightsOf<T>(map: WeakMap<object, SingleFlight<T>>, owner: object): SingleFlight<T> {
	let flights = map.get(owner);
	if (!flights) map.set(owner, (flights = new SingleFlight<T>()));
	return flights;
}

export function mavenCoordinates(domain: string, repository: string, file: Pick<ArtifactFile, 'groupId' | 'artifactId'>): PackageCoordinates {
	return {domain, repository, format: 'maven', namespace: file.groupId, name: file.artifactId};
}

/** Versions a client may download: not Unfinished (a Maven publish without its metadata yet), Archived or gone. */
export function isServable(version: PackageVersionRecord): boolean {
	return version.status === 'Published' || version.status === 'Unlisted';
}

function storedAsset(state: SandboxState, coordinates: PackageCoordinates, file: ArtifactFile): ResolvedAsset | undefined {
	const version = findPackage(state, coordinates)?.versions.find(v => v.version === file.version);
	if (!version || !isServable(version)) return undefined;
	const asset = version.assets.find(a => a.name === file.fileName);
	return asset ? {asset, version} : undefined;
}

/** The repository path of a file, each segment encoded once (what the upstream expects). */
export function upstreamPath(file: ArtifactFile): string {
	return [...file.groupId.split('.'), file.artifactId, file.version, file.fileName].map(encodeURIComponent).join('/');
}

/** True when the package's origin controls in this repository let versions come from upstreams. */
export function upstreamAllowed(state: SandboxState, coordinates: PackageCoordinates): boolean {
	return findPackage(state, coordinates)?.originConfiguration.restrictions.upstream !== 'BLOCK';
}

/** The first repository in search order that holds the Maven Central external connection. */
export function externalConnectionHolder(state: SandboxState, order: readonly string[], domain: string): string | undefined {
	return order.find(name => entry(state.repositories, repositoryKey(domain, name))?.externalConnections.includes(mavenCentralConnection));
}

/** Records `asset` on `version` of the package in one repository, unless it already holds exactly it. */
function retain(
	state: SandboxState,
	coordinates: PackageCoordinates,
	version: string,
	asset: AssetRecord,
	origin: VersionOrigin,
	publishedTime: number,
): ResolvedAsset & {changed: boolean} {
	const pkg = ensurePackage(state, coordinates, 'external');
	const existing = pkg.versions.find(v => v.version === version);
	const held = existing?.assets.find(a => a.name === asset.name && a.blob === asset.blob);
	if (existing && held) return {asset: held, version: existing, changed: false};
	const record = putVersionAsset(pkg, version, asset, {origin, publishedTime});
	return {asset, version: record, changed: true};
}

/** A version this repository holds but may not serve (Unfinished, Archived…) is never topped up from upstreams. */
function holdsUnservable(state: SandboxState, coordinates: PackageCoordinates, version: string): boolean {
	const record = findVersion(state, coordinates, version);
	return record !== undefined && !isServable(record);
}

/**
 * The stored asset for `file` as seen from `repository`, fetching (and retaining) it through
 * upstreams on a miss; undefined when nothing in reach has it. Concurrent requests for one file
 * share one fetch, so a burst of them never records two versions. What was recorded is a cache
 * fill: its bytes are written just after the reply (BlobStore.stage), its records with the next
 * snapshot (commitLater).
 */
export async function resolveArtifact(context: SandboxContext, domain: string, repository: string, file: ArtifactFile): Promise<ResolvedAsset | undefined> {
	const coordinates = mavenCoordinates(domain, repository, file);
	const hit = storedAsset(context.store.state, coordinates, file);
	if (hit) return hit;
	const key = [domain, repository, file.groupId, file.artifactId, file.version, file.fileName].join('\u0000');
	return flightsOf(resolving, context.store).run(key, () => resolveThroughUpstreams(context, coordinates, file));
}

async function resolveThroughUpstreams(context: SandboxContext, coordinates: PackageCoordinates, file: ArtifactFile): Promise<ResolvedAsset | undefined> {
	const {state} = context.store;
	const {domain, repository} = coordinates;
	// Dependency-confusion protection: a package blocked from upstreams only serves what it holds.
	if (!upstreamAllowed(state, coordinates) || holdsUnservable(state, coordinates, file.version)) return undefined;
	const order = mavenSearchOrder(state, domain, repository);
	// The package's group may keep versions from being retained from upstream repositories, or ingested from outside.
	const retainAllowed = groupAllows(state, domain, coordinates, 'INTERNAL_UPSTREAM', repository);
	for (const name of retainAllowed ? order.slice(1) : []) {
		const found = storedAsset(state, {...coordinates, repository: name}, file);
		if (found) {
			const {changed, ...retained} = retain(state, coordinates, file.version, found.asset, found.version.origin, nowSeconds(context));
			if (changed) context.store.commitLater();
			return retained;
		}
	}
	// Like AWS, only release versions come in through an external connection, never snapshots.
	const holder = file.version.endsWith('-SNAPSHOT') ? undefined : externalConnectionHolder(state, order, domain);
	if (holder === undefined) return undefined;
	const holderCoordinates = {...coordinates, repository: holder};
	if (holder !== repository && (!retainAllowed || !upstreamAllowed(state, holderCoordinates))) return undefined;
	if (!groupAllows(state, domain, coordinates, 'EXTERNAL_UPSTREAM', holder)) return undefined;
	const ingestKey = [domain, holder, file.groupId, file.artifactId, file.version, file.fileName].join('\u0000');
	const ingested = await flightsOf(ingesting, context.store).run(ingestKey, () => ingest(context, holderCoordinates, file));
	if (!ingested) return undefined;
	// State may have moved while the fetch ran: retain() is idempotent, and the block is re-checked.
	let retained: ResolvedAsset | undefined;
	if (upstreamAllowed(state, coordinates) && !holdsUnservable(state, coordinates, file.version)) {
		retained = retain(state, coordinates, file.version, ingested.asset, externalOrigin(), nowSeconds(context));
	}
	context.store.commitLater(); // the holder's record too, whoever started the fetch
	return retained && {...retained, body: ingested.body};
}

/**
 * Fetches a file from the external connection into the blob store and records it in the
 * repository that holds the connection (persisted with the next snapshot, as the caller's).
 */
async function ingest(context: SandboxContext, holder: PackageCoordinates, file: ArtifactFile): Promise<{asset: AssetRecord; body?: Buffer} | undefined> {
	const {state} = context.store;
	const stored = storedAsset(state, holder, file);
	if (stored) return {asset: stored.asset};
	if (holdsUnservable(state, holder, file.version)) return undefined;
	let fetched;
	try {
		fetched = await context.mavenCentral.fetch(upstreamPath(file));
	} catch (error) {
		context.log(`maven: ${mavenCentralConnection} (${context.mavenCentral.description}) failed for ${upstreamPath(file)}: ${(error as Error).message}`);
		throw new MavenHttpError(502, `The external connection ${mavenCentralConnection} could not be reached.`);
	}
	if (!fetched || holdsUnservable(state, holder, file.version)) return undefined;
	// A cache fill: written once the reply is out (see BlobStore.stage), persisted with the next snapshot.
	const asset = context.store.blobs.stage(file.fileName, fetched.body);
	retain(state, holder, file.version, asset, externalOrigin(), nowSeconds(context));
	return {asset, body: fetched.body};
}

const nowSeconds = (context: SandboxContext) => context.now().getTime() / 1000;
