import type {RestHandler} from '../protocols/rest-json.js';
import type {PackageRecord, PackageVersionRecord} from '../state.js';
import {packageArn} from './arns.js';
import {listingOf} from './listing-lag.js';
import {readPackageInputs} from './package-inputs.js';
import {compareText, paginate} from './pagination.js';
import {requirePackage, requireVersion} from './resources.js';
import {versionDescription, versionSummary} from './shapes.js';
import {versionDetails} from './version-metadata.js';

const versionOrder = new Intl.Collator('en', {numeric: true});

/**
 * All statuses unless `status` filters. Without sortBy, versions come in version order
 * (1.2 before 1.10); sortBy PUBLISHED_TIME puts the most recently published first.
 * defaultDisplayVersion is the latest Published version, whatever the filters.
 */
export const listPackageVersions: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates, status, sortBy, originType, maxResults, nextToken} = readPackageInputs(
		input,
		[],
		['status', 'sortBy', 'originType', 'maxResults', 'nextToken'],
	);
	const {state} = context.store;
	call.authorize('codeartifact:ListPackageVersions', packageArn(state, coordinates));
	const pkg = requirePackage(state, coordinates, domainOwner, listingOf(context));
	const matching = pkg.versions
		.filter(v => status === undefined || v.status === status)
		.filter(v => originType === undefined || v.origin.originType === originType)
		.sort(sortBy === 'PUBLISHED_TIME' ? newestFirst : byVersion);
	const page = paginate(matching, 'ListPackageVersions', maxResults, nextToken, v => v.version);
	const defaultDisplayVersion = latestPublished(pkg)?.version;
	return {
		json: {
			...(defaultDisplayVersion ? {defaultDisplayVersion} : {}),
			format: pkg.format,
			...(pkg.namespace ? {namespace: pkg.namespace} : {}),
			package: pkg.name,
			versions: page.items.map(versionSummary),
			...(page.nextToken ? {nextToken: page.nextToken} : {}),
		},
	};
};

export const describePackageVersion: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates, packageVersion} = readPackageInputs(input, ['packageVersion']);
	const {state} = context.store;
	call.authorize('codeartifact:DescribePackageVersion', packageArn(state, coordinates));
	const {pkg, record} = requireVersion(state, coordinates, packageVersion, domainOwner, listingOf(context));
	return {json: {packageVersion: versionDescription(pkg, record, versionDetails(context, pkg, record))}};
};

export function latestPublished(pkg: PackageRecord): PackageVersionRecord | undefined {
	return pkg.versions.filter(v => v.status === 'Published').sort(newestFirst)[0];
}

function byVersion(a: PackageVersionRecord, b: PackageVersionRecord): number {
	return versionOrder.compare(a.version, b.version) || compareText(a.version, b.version);
}

function newestFirst(a: PackageVersionRecord, b: PackageVersionRecord): number {
	return b.publishedTime - a.publishedTime || byVersion(b, a);
}
