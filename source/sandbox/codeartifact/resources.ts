import {ServiceError} from '../errors.js';
import {entry, repositoryKey, type DomainRecord, type PackageRecord, type PackageVersionRecord, type RepositoryRecord, type SandboxState} from '../state.js';
import {listedPackage, type Listing} from './listing-lag.js';
import {findPackage, type PackageCoordinates} from './package-store.js';

export type ResourceType = 'domain' | 'repository' | 'package' | 'package-version' | 'asset' | 'package-group';

export function notFound(resourceType: ResourceType, resourceId: string, message: string): ServiceError {
	return new ServiceError('ResourceNotFoundException', 404, message, {resourceId, resourceType});
}

export function conflict(resourceType: ResourceType, resourceId: string, message: string): ServiceError {
	return new ServiceError('ConflictException', 409, message, {resourceId, resourceType});
}

/** AWS's words, which people paste into a search engine. */
export function domainNotFound(domain: string, owner: string): ServiceError {
	return notFound('domain', domain, `Domain not found. Domain '${domain}' owned by account '${owner}' does not exist`);
}

/** Only the sandbox's account owns domains: a domain-owner naming any other account finds nothing. */
export function checkOwner(state: SandboxState, domain: string, owner: string | undefined): void {
	if (owner !== undefined && owner !== state.accountId) throw domainNotFound(domain, owner);
}

export function requireDomain(state: SandboxState, domain: string, owner?: string): DomainRecord {
	checkOwner(state, domain, owner);
	const record = entry(state.domains, domain);
	if (!record) throw domainNotFound(domain, state.accountId);
	return record;
}

export function findRepository(state: SandboxState, domain: string, repository: string): RepositoryRecord | undefined {
	return entry(state.repositories, repositoryKey(domain, repository));
}

export function requireRepository(state: SandboxState, domain: string, repository: string, owner?: string): RepositoryRecord {
	requireDomain(state, domain, owner);
	const record = findRepository(state, domain, repository);
	if (!record) throw notFound('repository', repository, `Repository ${repository} was not found in domain ${domain}.`);
	return record;
}

/** With `listing`: the package as the listings show it (listing-lag.ts), not found while none of its versions is listed yet. */
export function requirePackage(state: SandboxState, coordinates: PackageCoordinates, owner?: string, listing?: Listing): PackageRecord {
	requireRepository(state, coordinates.domain, coordinates.repository, owner);
	const stored = findPackage(state, coordinates);
	const record = stored && listing ? listedPackage(stored, listing) : stored;
	if (!record)
		throw notFound('package', coordinates.name, `Package ${describeCoordinates(coordinates)} was not found in repository ${coordinates.repository}.`);
	return record;
}

export function requireVersion(
	state: SandboxState,
	coordinates: PackageCoordinates,
	version: string,
	owner?: string,
	listing?: Listing,
): {pkg: PackageRecord; record: PackageVersionRecord} {
	const pkg = requirePackage(state, coordinates, owner, listing);
	const record = pkg.versions.find(v => v.version === version);
	if (!record)
		throw notFound(
			'package-version',
			version,
			`Package version ${version} of ${describeCoordinates(coordinates)} was not found in repository ${coordinates.repository}.`,
		);
	return {pkg, record};
}

/** `format:namespace/name`, or `format:name` without a namespace, for messages. */
export function describeCoordinates(c: {format: string; namespace?: string | undefined; name: string}): string {
	return `${c.format}:${c.namespace ? `${c.namespace}/` : ''}${c.name}`;
}
