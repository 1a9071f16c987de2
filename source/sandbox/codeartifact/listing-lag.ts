import type {SandboxContext} from '../context.js';
import type {PackageRecord, PackageVersionRecord} from '../state.js';

// AWS copies a package version fetched from an upstream (an upstream repository or an external
// connection) into the repository at once, and serves it at once, but lists it — ListPackages,
// ListPackageVersions, DescribePackage… — only later: its documentation says about three minutes.
// With --listing-lag (or --consistency aws) the sandbox's listings lag in the same way; Maven's
// GETs and asset downloads never do. Nothing is stored: the lag is read from when the version
// arrived, so a restarted sandbox lags as the one before did.

/** When the listings are read, and how late a fetched version shows in them. */
export interface Listing {
	now: Date;
	lagMs: number;
}

export function listingOf(context: Pick<SandboxContext, 'now' | 'delays'>): Listing {
	return {now: context.now(), lagMs: context.delays.listingMs};
}

/** A version whose entry point is another repository or an external connection was fetched, not published here. */
export function fetchedFromUpstream(pkg: PackageRecord, version: PackageVersionRecord): boolean {
	return version.origin.domainEntryPoint.repositoryName !== pkg.repository;
}

/** Listed once the lag has passed since it arrived here (its publishedTime: the time it came into this repository). */
export function isListed(pkg: PackageRecord, version: PackageVersionRecord, listing: Listing): boolean {
	if (listing.lagMs === 0 || !fetchedFromUpstream(pkg, version)) return true;
	return version.publishedTime * 1000 + listing.lagMs <= listing.now.getTime();
}

/**
 * The package as the listings show it: only its listed versions, and undefined while it has none
 * listed yet. A package that has no versions at all (its origin configuration set before any
 * arrived) is listed: it was made by a call, not fetched.
 */
export function listedPackage(pkg: PackageRecord, listing: Listing): PackageRecord | undefined {
	const versions = pkg.versions.filter(version => isListed(pkg, version, listing));
	if (versions.length === pkg.versions.length) return pkg;
	return versions.length === 0 ? undefined : {...pkg, versions};
}
