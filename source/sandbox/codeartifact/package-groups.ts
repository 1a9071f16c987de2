import type {RestHandler} from '../protocols/rest-json.js';
import {domainArn, packageGroupArn} from './arns.js';
import {describeGroup, readPattern, requireGroup, withGroups} from './package-group-lookup.js';
import {groupDescription} from './package-group-shapes.js';
import {childrenOf, domainGroups, findGroup, newGroupRecord, removeGroup, rootPattern, storeGroup, type Group} from './package-group-store.js';
import {compareText, paginate} from './pagination.js';
import {checkTagCount, readTags} from './request-tags.js';
import {conflict, requireDomain} from './resources.js';
import {epochSeconds} from './shapes.js';
import {invalid, readInputs} from './validation.js';

// CreatePackageGroup, DescribePackageGroup, UpdatePackageGroup, DeletePackageGroup,
// ListPackageGroups and ListSubPackageGroups. A group's parent is never stored: it is the most
// specific other group whose pattern covers it, so it changes as groups come and go.

const byPattern = (a: Group, b: Group) => compareText(a.record.pattern, b.record.pattern);
const patternOf = (group: Group) => group.record.pattern;

export const createPackageGroup: RestHandler = (input, call, context) => {
	const {
		domain,
		domainOwner,
		bodyPackageGroup: pattern,
		contactInfo,
		description,
	} = readInputs(input, ['domain', 'bodyPackageGroup'], ['domainOwner', 'contactInfo', 'description']);
	const {state} = context.store;
	const tags = readTags(input);
	call.authorize('codeartifact:CreatePackageGroup', packageGroupArn(state, domain, pattern), tags.context);
	tags.check();
	checkTagCount('package-group', pattern, tags.items.length);
	requireDomain(state, domain, domainOwner);
	readPattern(pattern);
	if (findGroup(state, domain, pattern)) throw conflict('package-group', pattern, `Package group ${pattern} already exists in domain ${domain}.`);
	const record = {
		...newGroupRecord(domain, pattern, epochSeconds(context.now())),
		...(contactInfo === undefined ? {} : {contactInfo}),
		...(description === undefined ? {} : {description}),
		tags: tags.items,
	};
	storeGroup(state, record);
	context.store.commit();
	return {json: {packageGroup: describeGroup(state, record)}};
};

export const describePackageGroup: RestHandler = (input, call, context) => {
	const {domain, domainOwner, packageGroup} = readInputs(input, ['domain', 'packageGroup'], ['domainOwner']);
	const {state} = context.store;
	call.authorize('codeartifact:DescribePackageGroup', packageGroupArn(state, domain, packageGroup));
	return {json: {packageGroup: describeGroup(state, requireGroup(state, domain, packageGroup, domainOwner))}};
};

/** Changes the members given; one left out keeps its value. */
export const updatePackageGroup: RestHandler = (input, call, context) => {
	const {domain, domainOwner, bodyPackageGroup, contactInfo, description} = readInputs(
		input,
		['domain', 'bodyPackageGroup'],
		['domainOwner', 'contactInfo', 'description'],
	);
	const {state} = context.store;
	call.authorize('codeartifact:UpdatePackageGroup', packageGroupArn(state, domain, bodyPackageGroup));
	const record = requireGroup(state, domain, bodyPackageGroup, domainOwner);
	if (contactInfo !== undefined) record.contactInfo = contactInfo;
	if (description !== undefined) record.description = description;
	context.store.commit();
	return {json: {packageGroup: describeGroup(state, record)}};
};

/** As on AWS: the root group stays, and a group with child groups is deleted only after them. */
export const deletePackageGroup: RestHandler = (input, call, context) => {
	const {domain, domainOwner, anyPackageGroup: pattern} = readInputs(input, ['domain', 'anyPackageGroup'], ['domainOwner']);
	const {state} = context.store;
	call.authorize('codeartifact:DeletePackageGroup', packageGroupArn(state, domain, pattern));
	const record = requireGroup(state, domain, pattern, domainOwner);
	if (pattern === rootPattern) throw invalid(`The root package group ${rootPattern} of domain ${domain} cannot be deleted.`);
	const {groups, group} = withGroups(state, record);
	const children = childrenOf(groups, group).sort(byPattern);
	if (children.length > 0) {
		const names = children.map(child => child.record.pattern).join(', ');
		throw conflict('package-group', pattern, `Package group ${pattern} has child package groups (${names}). Delete its child package groups first.`);
	}
	const description = groupDescription(state, groups, group);
	removeGroup(state, domain, pattern);
	context.store.commit();
	return {json: {packageGroup: description}};
};

/** Every group of the domain, the root included, in pattern order; `prefix` keeps those whose pattern starts with it. */
export const listPackageGroups: RestHandler = (input, call, context) => {
	const {domain, domainOwner, prefix, maxResults, nextToken} = readInputs(input, ['domain'], ['domainOwner', 'prefix', 'maxResults', 'nextToken']);
	const {state} = context.store;
	call.authorize('codeartifact:ListPackageGroups', domainArn(state, domain));
	requireDomain(state, domain, domainOwner);
	const groups = domainGroups(state, domain);
	const listed = groups.filter(group => prefix === undefined || group.record.pattern.startsWith(prefix)).sort(byPattern);
	const page = paginate(listed, 'ListPackageGroups', maxResults, nextToken, patternOf);
	return {
		json: {packageGroups: page.items.map(group => groupDescription(state, groups, group)), ...(page.nextToken ? {nextToken: page.nextToken} : {})},
	};
};

/** The group's direct children: the groups whose parent it is. */
export const listSubPackageGroups: RestHandler = (input, call, context) => {
	const {domain, domainOwner, packageGroup, maxResults, nextToken} = readInputs(input, ['domain', 'packageGroup'], ['domainOwner', 'maxResults', 'nextToken']);
	const {state} = context.store;
	call.authorize('codeartifact:ListSubPackageGroups', packageGroupArn(state, domain, packageGroup));
	const {groups, group} = withGroups(state, requireGroup(state, domain, packageGroup, domainOwner));
	const page = paginate(childrenOf(groups, group).sort(byPattern), 'ListSubPackageGroups', maxResults, nextToken, patternOf);
	return {
		json: {packageGroups: page.items.map(child => groupDescription(state, groups, child)), ...(page.nextToken ? {nextToken: page.nextToken} : {})},
	};
};
