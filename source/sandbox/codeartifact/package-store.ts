import {randomBytes} from 'node:crypto';
import {
	entry,
	packageKey,
	repositoryKey,
	type AssetRecord,
	type OriginRestriction,
	type PackageFormat,
	type PackageRecord,
	type PackageVersionRecord,
	type SandboxState,
	type VersionOrigin,
} from '../state.js';

/** Shared by the control plane (publish, list) and the Maven endpoint (ingest from upstreams). */
export interface PackageCoordinates {
	domain: string;
	repository: string;
	format: PackageFormat;
	namespace?: string | undefined;
	name: string;
}

export function findPackage(state: SandboxState, coordinates: PackageCoordinates): PackageRecord | undefined {
	return entry(state.packages, packageKey(coordinates));
}

export function findVersion(state: SandboxState, coordinates: PackageCoordinates, version: string): PackageVersionRecord | undefined {
	return findPackage(state, coordinates)?.versions.find(v => v.version === version);
}

/** Creates the package on first sight with the origin controls AWS gives it for how it arrived. */
export function ensurePackage(state: SandboxState, coordinates: PackageCoordinates, arrival: 'external' | 'published'): PackageRecord {
	const key = packageKey(coordinates);
	const existing = entry(state.packages, key);
	if (existing) return existing;
	const restrictions: {publish: OriginRestriction; upstream: OriginRestriction} =
		arrival === 'external' ? {publish: 'BLOCK', upstream: 'ALLOW'} : {publish: 'ALLOW', upstream: 'BLOCK'};
	const created: PackageRecord = {
		domain: coordinates.domain,
		repository: coordinates.repository,
		format: coordinates.format,
		...(coordinates.namespace ? {namespace: coordinates.namespace} : {}),
		name: coordinates.name,
		originConfiguration: {restrictions},
		versions: [],
	};
	state.packages[key] = created;
	return created;
}

/** Adds (or replaces by name) an asset on a version, creating the version when needed. */
export function putVersionAsset(
	pkg: PackageRecord,
	version: string,
	asset: AssetRecord,
	options: {origin: VersionOrigin; status?: PackageVersionRecord['status']; publishedTime: number},
): PackageVersionRecord {
	let record = pkg.versions.find(v => v.version === version);
	if (!record) {
		record = {
			version,
			revision: newRevision(),
			status: options.status ?? 'Published',
			publishedTime: options.publishedTime,
			origin: options.origin,
			assets: [],
		};
		pkg.versions.push(record);
	} else {
		record.revision = newRevision();
		if (options.status) record.status = options.status;
	}
	record.assets = [...record.assets.filter(a => a.name !== asset.name), asset];
	return record;
}

/**
 * The repositories a request to `repository` searches, in order: itself, then each upstream
 * depth-first in its configured order, each repository once (upstream graphs may be diamonds).
 */
export function searchOrder(state: SandboxState, domain: string, repository: string): string[] {
	const order: string[] = [];
	const visit = (name: string) => {
		if (order.includes(name)) return;
		const record = entry(state.repositories, repositoryKey(domain, name));
		if (!record) return;
		order.push(name);
		for (const upstream of record.upstreams) visit(upstream);
	};
	visit(repository);
	return order;
}

function newRevision(): string {
	return (
		randomBytes(32)
			.toString('base64')
			.replace(/[^A-Za-z0-9]/g, '')
			.slice(0, 44) + '='
	);
}
