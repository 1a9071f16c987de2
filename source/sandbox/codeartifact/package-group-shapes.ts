import type {SandboxState} from '../state.js';
import {packageGroupArn} from './arns.js';
import {effectiveRestriction, parentOf, restrictionTypes, type Group} from './package-group-store.js';

// PackageGroupDescription and PackageGroupSummary (the same members): each restriction with its
// own mode, the mode in effect, the group it is inherited from and how many repositories its
// allowed list holds; and the parent group.

export function groupReference(state: SandboxState, group: Group) {
	return {arn: packageGroupArn(state, group.record.domain, group.record.pattern), pattern: group.record.pattern};
}

export function groupDescription(state: SandboxState, groups: Group[], group: Group) {
	const {record} = group;
	const parent = parentOf(groups, group.pattern);
	const restrictions = Object.fromEntries(
		restrictionTypes.map(type => {
			const effective = effectiveRestriction(groups, group, type);
			return [
				type,
				{
					mode: record.restrictions[type],
					effectiveMode: effective.mode,
					...(effective.from === group ? {} : {inheritedFrom: groupReference(state, effective.from)}),
					repositoriesCount: record.allowedRepositories[type].length,
				},
			];
		}),
	);
	return {
		...groupReference(state, group),
		domainName: record.domain,
		domainOwner: state.accountId,
		createdTime: record.createdTime,
		...(record.contactInfo === undefined ? {} : {contactInfo: record.contactInfo}),
		...(record.description === undefined ? {} : {description: record.description}),
		originConfiguration: {restrictions},
		...(parent ? {parent: groupReference(state, parent)} : {}),
	};
}
