import type {ContextValues} from '../../iam-policy/conditions.js';
import {ServiceError} from '../errors.js';
import type {RestInput} from '../protocols/rest-json.js';
import type {Tag} from '../state.js';
import {isReservedKey, requestTagContext, reservedKeyMessage, tagKeysContext} from '../tags.js';
import {asRecord} from './body-members.js';
import type {ResourceType} from './resources.js';
import {checkRequired, nestedSpecs} from './constraints.js';
import {validationError} from './validation.js';

// The tags and tag keys a request's body carries. They are read before authorization, since the
// condition keys aws:RequestTag/… and aws:TagKeys come from them, in one pass bounded by the
// model's 200; what they break is thrown by check(), once the caller is authorized, so that a
// caller without the permission hears only that (and a list too long is refused whole, without a
// word about each member).

const maxListItems = 200; // the model's TagList and TagKeyList
/** CodeArtifact's quota of tags on one domain or repository. */
export const maxTagsPerResource = 50;

export interface RequestList<T> {
	items: T[];
	/** The authorizer's condition keys for this list. */
	context: ContextValues;
	/** Throws what the list breaks. */
	check(): void;
}

/** The body's `tags`: optional on create, required by TagResource. */
export function readTags(input: RestInput, required = false): RequestList<Tag> {
	const tags: Tag[] = [];
	const problems = readList(input, 'tags', required, (item, path) => {
		const tag = asRecord(item);
		const found = [...checkRequired(nestedSpecs.tagKey, `${path}.key`, tag.key), ...checkRequired(nestedSpecs.tagValue, `${path}.value`, tag.value)];
		if (found.length === 0) tags.push({key: tag.key as string, value: tag.value as string});
		return found;
	});
	return {
		items: tags,
		context: requestTagContext(tags),
		check: () => {
			throwProblems(problems);
			if (tags.some(tag => isReservedKey(tag.key))) throw new ServiceError('ValidationException', 400, reservedKeyMessage, {reason: 'FIELD_VALIDATION_FAILED'});
		},
	};
}

/** UntagResource's `tagKeys`. */
export function readTagKeys(input: RestInput): RequestList<string> {
	const keys: string[] = [];
	const problems = readList(input, 'tagKeys', true, (item, path) => {
		const found = checkRequired(nestedSpecs.tagKey, path, item);
		if (found.length === 0) keys.push(item as string);
		return found;
	});
	return {items: keys, context: tagKeysContext(keys), check: () => throwProblems(problems)};
}

/** Refuses more tags on one resource than CodeArtifact's quota allows. */
export function checkTagCount(resourceType: ResourceType, resourceId: string, count: number): void {
	if (count <= maxTagsPerResource) return;
	throw new ServiceError(
		'ServiceQuotaExceededException',
		402,
		`A ${resourceType} can have at most ${maxTagsPerResource} tags; ${resourceId} would have ${count}.`,
		{resourceId, resourceType},
	);
}

/** Reads the list member `name`, each item through `read`; the problems found, in AWS's words. */
function readList(input: RestInput, name: string, required: boolean, read: (item: unknown, path: string) => string[]): string[] {
	const value = input.json()[name];
	if (value === undefined || value === null) return required ? [`Value null at '${name}' failed to satisfy constraint: Member must not be null`] : [];
	if (!Array.isArray(value)) return [`Value at '${name}' failed to satisfy constraint: Member must be a list`];
	if (value.length > maxListItems) return [`Value at '${name}' failed to satisfy constraint: Member must have length less than or equal to ${maxListItems}`];
	return value.flatMap((item: unknown, index) => read(item, `${name}.${index + 1}.member`));
}

function throwProblems(problems: string[]): void {
	if (problems.length > 0) throw validationError(problems);
}
