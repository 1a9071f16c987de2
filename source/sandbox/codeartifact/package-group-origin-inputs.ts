import type {RestInput} from '../protocols/rest-json.js';
import type {PackageGroupRestrictionMode, PackageGroupRestrictionType} from '../state.js';
import {asRecord} from './body-members.js';
import {checkRequired, nestedSpecs} from './constraints.js';
import {validationError} from './validation.js';

// UpdatePackageGroupOriginConfiguration's body: the `restrictions` map (type -> mode) and the
// allowed-repository lists to add to and remove from, checked as the model declares them and
// reported with AWS's member paths.

export interface AllowedRepositoryChange {
	repositoryName: string;
	originRestrictionType: PackageGroupRestrictionType;
}

export interface OriginConfigurationChange {
	restrictions: Partial<Record<PackageGroupRestrictionType, PackageGroupRestrictionMode>>;
	add: AllowedRepositoryChange[];
	remove: AllowedRepositoryChange[];
}

/** The model bounds neither list; this keeps one request's work (and its error message) finite. */
const maxListItems = 1000;

export function readOriginConfigurationChange(input: RestInput): OriginConfigurationChange {
	const body = input.json();
	const problems: string[] = [];
	const restrictions: OriginConfigurationChange['restrictions'] = {};
	if (body.restrictions !== undefined && body.restrictions !== null) {
		if (typeof body.restrictions !== 'object' || Array.isArray(body.restrictions))
			problems.push(`Value at 'restrictions' failed to satisfy constraint: Member must be a map`);
		for (const [type, mode] of Object.entries(asRecord(body.restrictions))) {
			const found = [
				...checkRequired(nestedSpecs.packageGroupRestrictionType, 'restrictions.key', type),
				...checkRequired(nestedSpecs.packageGroupRestrictionMode, `restrictions.${type}`, mode),
			];
			problems.push(...found);
			if (found.length === 0) restrictions[type as PackageGroupRestrictionType] = mode as PackageGroupRestrictionMode;
		}
	}
	const add = readList(body.addAllowedRepositories, 'addAllowedRepositories', problems);
	const remove = readList(body.removeAllowedRepositories, 'removeAllowedRepositories', problems);
	if (problems.length > 0) throw validationError(problems);
	return {restrictions, add, remove};
}

function readList(value: unknown, name: string, problems: string[]): AllowedRepositoryChange[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) {
		problems.push(`Value at '${name}' failed to satisfy constraint: Member must be a list`);
		return [];
	}
	if (value.length > maxListItems) {
		problems.push(`Value at '${name}' failed to satisfy constraint: Member must have length less than or equal to ${maxListItems}`);
		return [];
	}
	return value.flatMap((item: unknown, index) => {
		const {repositoryName, originRestrictionType} = asRecord(item);
		const path = `${name}.${index + 1}.member`;
		const found = [
			...checkRequired(nestedSpecs.repositoryName, `${path}.repositoryName`, repositoryName),
			...checkRequired(nestedSpecs.packageGroupRestrictionType, `${path}.originRestrictionType`, originRestrictionType),
		];
		problems.push(...found);
		return found.length === 0 ? [{repositoryName: repositoryName as string, originRestrictionType: originRestrictionType as PackageGroupRestrictionType}] : [];
	});
}
