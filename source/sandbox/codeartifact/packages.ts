import type {RestHandler} from '../protocols/rest-json.js';
import {packageKey, type PackageRecord} from '../state.js';
import {packageArn, repositoryArn} from './arns.js';
import {readRestrictions} from './body-members.js';
import {readPackageInputs} from './package-inputs.js';
import {listedPackage, listingOf} from './listing-lag.js';
import {ensurePackage} from './package-store.js';
import {compareText, paginate} from './pagination.js';
import {requirePackage, requireRepository} from './resources.js';
import {originConfiguration, packageDescription, packageSummary} from './shapes.js';
import {readInputs} from './validation.js';

/** Filters as AWS applies them: format and restrictions exactly, namespace and package-prefix as prefixes. */
export const listPackages: RestHandler = (input, call, context) => {
	const {domain, domainOwner, repository, format, namespace, packagePrefix, publish, upstream, maxResults, nextToken} = readInputs(
		input,
		['domain', 'repository'],
		['domainOwner', 'format', 'namespace', 'packagePrefix', 'publish', 'upstream', 'maxResults', 'nextToken'],
	);
	const {state} = context.store;
	call.authorize('codeartifact:ListPackages', repositoryArn(state, domain, repository));
	requireRepository(state, domain, repository, domainOwner);
	const listing = listingOf(context);
	const matching = Object.values(state.packages)
		.filter(p => p.domain === domain && p.repository === repository)
		.flatMap(p => listedPackage(p, listing) ?? [])
		.filter(p => format === undefined || p.format === format)
		.filter(p => namespace === undefined || (p.namespace ?? '').startsWith(namespace))
		.filter(p => packagePrefix === undefined || p.name.startsWith(packagePrefix))
		.filter(p => publish === undefined || p.originConfiguration.restrictions.publish === publish)
		.filter(p => upstream === undefined || p.originConfiguration.restrictions.upstream === upstream)
		.sort(byCoordinates);
	const page = paginate(matching, 'ListPackages', maxResults, nextToken, packageKey);
	return {json: {packages: page.items.map(packageSummary), ...(page.nextToken ? {nextToken: page.nextToken} : {})}};
};

export const describePackage: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates} = readPackageInputs(input);
	const {state} = context.store;
	call.authorize('codeartifact:DescribePackage', packageArn(state, coordinates));
	return {json: {package: packageDescription(requirePackage(state, coordinates, domainOwner, listingOf(context)))}};
};

/** Works on a package that does not exist yet: AWS then creates it, with no versions. */
export const putPackageOriginConfiguration: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates} = readPackageInputs(input);
	const restrictions = readRestrictions(input);
	const {state} = context.store;
	call.authorize('codeartifact:PutPackageOriginConfiguration', packageArn(state, coordinates));
	requireRepository(state, coordinates.domain, coordinates.repository, domainOwner);
	const pkg = ensurePackage(state, coordinates, 'published');
	pkg.originConfiguration = {restrictions};
	context.store.commit();
	return {json: {originConfiguration: originConfiguration(pkg)}};
};

function byCoordinates(a: PackageRecord, b: PackageRecord): number {
	return compareText(a.format, b.format) || compareText(a.namespace ?? '', b.namespace ?? '') || compareText(a.name, b.name);
}
