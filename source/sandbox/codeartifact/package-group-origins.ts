import type {RestHandler} from '../protocols/rest-json.js';
import {entry, type PackageFormat, type PackageGroupRestrictionType} from '../state.js';
import {packageGroupArn} from './arns.js';
import {describeGroup, groupNotFound, readPattern, requireGroup} from './package-group-lookup.js';
import {groupDescription} from './package-group-shapes.js';
import {readOriginConfigurationChange} from './package-group-origin-inputs.js';
import {associatedGroup, domainGroups, newGroupRecord, rootPattern, type Group} from './package-group-store.js';
import {compareText, paginate} from './pagination.js';
import {findRepository, notFound, requireDomain} from './resources.js';
import {invalid, readInputs} from './validation.js';

// UpdatePackageGroupOriginConfiguration, ListAllowedRepositoriesForGroup, ListAssociatedPackages
// and GetAssociatedPackageGroup: a group's origin controls, and which packages they govern.

/** A strong association is an exact match (a `$` pattern); any other is a weak, relative one. */
const associationType = (group: Group) => (group.pattern.kind === 'exact' ? 'STRONG' : 'WEAK');

export const updatePackageGroupOriginConfiguration: RestHandler = (input, call, context) => {
	const {domain, domainOwner, packageGroup} = readInputs(input, ['domain', 'packageGroup'], ['domainOwner']);
	const change = readOriginConfigurationChange(input);
	const {state} = context.store;
	call.authorize('codeartifact:UpdatePackageGroupOriginConfiguration', packageGroupArn(state, domain, packageGroup));
	const record = requireGroup(state, domain, packageGroup, domainOwner);
	if (packageGroup === rootPattern && Object.values(change.restrictions).includes('INHERIT')) {
		throw invalid(`The root package group ${rootPattern} has no parent to inherit from: its restrictions are ALLOW, BLOCK or ALLOW_SPECIFIC_REPOSITORIES.`);
	}
	for (const {repositoryName} of [...change.add, ...change.remove]) {
		if (!findRepository(state, domain, repositoryName))
			throw notFound('repository', repositoryName, `Repository ${repositoryName} was not found in domain ${domain}.`);
	}
	Object.assign(record.restrictions, change.restrictions);
	const updates: Partial<Record<PackageGroupRestrictionType, {ADDED?: string[]; REMOVED?: string[]}>> = {};
	for (const {repositoryName, originRestrictionType: type} of change.add) {
		const list = record.allowedRepositories[type];
		if (!list.includes(repositoryName)) list.push(repositoryName);
		((updates[type] ??= {}).ADDED ??= []).push(repositoryName);
	}
	for (const {repositoryName, originRestrictionType: type} of change.remove) {
		record.allowedRepositories[type] = record.allowedRepositories[type].filter(name => name !== repositoryName);
		((updates[type] ??= {}).REMOVED ??= []).push(repositoryName);
	}
	context.store.commit();
	return {json: {packageGroup: describeGroup(state, record), allowedRepositoryUpdates: updates}};
};

export const listAllowedRepositoriesForGroup: RestHandler = (input, call, context) => {
	const {domain, domainOwner, packageGroup, originRestrictionType, maxResults, nextToken} = readInputs(
		input,
		['domain', 'packageGroup', 'originRestrictionType'],
		['domainOwner', 'maxResults', 'nextToken'],
	);
	const {state} = context.store;
	call.authorize('codeartifact:ListAllowedRepositoriesForGroup', packageGroupArn(state, domain, packageGroup));
	const record = requireGroup(state, domain, packageGroup, domainOwner);
	const names = [...record.allowedRepositories[originRestrictionType as PackageGroupRestrictionType]].sort(compareText);
	const page = paginate(names, 'ListAllowedRepositoriesForGroup', maxResults, nextToken, name => name);
	return {json: {allowedRepositories: page.items, ...(page.nextToken ? {nextToken: page.nextToken} : {})}};
};

/**
 * The domain's packages (in any repository, each once) whose most specific group is this one.
 * With preview, the group need not exist: the packages it would take if it were created.
 */
export const listAssociatedPackages: RestHandler = (input, call, context) => {
	const {domain, domainOwner, packageGroup, maxResults, nextToken, preview} = readInputs(
		input,
		['domain', 'packageGroup'],
		['domainOwner', 'maxResults', 'nextToken', 'preview'],
	);
	const {state} = context.store;
	call.authorize('codeartifact:ListAssociatedPackages', packageGroupArn(state, domain, packageGroup));
	requireDomain(state, domain, domainOwner);
	const pattern = readPattern(packageGroup);
	const groups = domainGroups(state, domain);
	let group = groups.find(candidate => candidate.record.pattern === packageGroup);
	if (!group) {
		if (!preview) throw groupNotFound(domain, packageGroup);
		group = {record: newGroupRecord(domain, packageGroup, 0), pattern};
		groups.push(group);
	}
	const packages = new Map<string, {format: PackageFormat; namespace?: string; package: string}>();
	for (const pkg of Object.values(state.packages)) {
		if (pkg.domain !== domain || associatedGroup(groups, pkg) !== group) continue;
		packages.set([pkg.format, pkg.namespace ?? '', pkg.name].join('\u0000'), {
			format: pkg.format,
			...(pkg.namespace ? {namespace: pkg.namespace} : {}),
			package: pkg.name,
		});
	}
	const sorted = [...packages.entries()].sort(([a], [b]) => compareText(a, b)).map(([, summary]) => ({...summary, associationType: associationType(group)}));
	const page = paginate(sorted, 'ListAssociatedPackages', maxResults, nextToken, p => [p.format, p.namespace ?? '', p.package].join('\u0000'));
	return {json: {packages: page.items, ...(page.nextToken ? {nextToken: page.nextToken} : {})}};
};

/** The group a package (stored or not) is associated with: the most specific that matches it. */
export const getAssociatedPackageGroup: RestHandler = (input, call, context) => {
	const {domain, domainOwner, format, namespace, package: name} = readInputs(input, ['domain', 'format', 'package'], ['domainOwner', 'namespace']);
	const {state} = context.store;
	const groups = entry(state.domains, domain) ? domainGroups(state, domain) : [];
	const group = associatedGroup(groups, {format, namespace, name});
	call.authorize('codeartifact:GetAssociatedPackageGroup', packageGroupArn(state, domain, group?.record.pattern ?? rootPattern));
	requireDomain(state, domain, domainOwner);
	if (!group) throw new Error(`domain ${domain} has no root package group`);
	return {json: {packageGroup: groupDescription(state, groups, group), associationType: associationType(group)}};
};
