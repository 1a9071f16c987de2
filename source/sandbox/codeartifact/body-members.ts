import type {RestInput} from '../protocols/rest-json.js';
import type {OriginRestriction} from '../state.js';
import {checkUpstreamCount} from './upstreams.js';
import {checkRequired, nestedSpecs} from './constraints.js';
import {validationError} from './validation.js';

// Structured JSON-body members (lists and nested structures), checked like the scalars in
// validation.ts and reported with AWS's member paths, e.g. `upstreams.2.member.repositoryName`.
// A list's length is checked before its members: a list too long is refused whole, without a
// word about each member (a body of a million bad members would otherwise get a reply as long).
// Handlers read lists once the caller is authorized (tags: request-tags.ts).

/**
 * The upstreams member: undefined when absent (UpdateRepository then keeps the current list).
 * The model bounds the list by nothing; AWS's quota of upstreams per repository does.
 */
export function readUpstreams(input: RestInput, repository: string): string[] | undefined {
	const value = input.json().upstreams;
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) throw validationError([`Value at 'upstreams' failed to satisfy constraint: Member must be a list`]);
	checkUpstreamCount(repository, value.length);
	const problems: string[] = [];
	const names = value.map((item: unknown, index) => {
		const name = asRecord(item).repositoryName;
		problems.push(...checkRequired(nestedSpecs.repositoryName, `upstreams.${index + 1}.member.repositoryName`, name));
		return String(name);
	});
	if (problems.length > 0) throw validationError(problems);
	return names;
}

export function readRestrictions(input: RestInput): {publish: OriginRestriction; upstream: OriginRestriction} {
	const value = input.json().restrictions;
	if (value === undefined || value === null) throw validationError([`Value null at 'restrictions' failed to satisfy constraint: Member must not be null`]);
	const restrictions = asRecord(value);
	const problems: string[] = [];
	for (const member of ['publish', 'upstream'] as const) {
		problems.push(...checkRequired(nestedSpecs.restriction, `restrictions.${member}`, restrictions[member]));
	}
	if (problems.length > 0) throw validationError(problems);
	return {publish: restrictions.publish as OriginRestriction, upstream: restrictions.upstream as OriginRestriction};
}

export function asRecord(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
