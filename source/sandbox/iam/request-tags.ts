import type {ContextValues} from '../../iam-policy/conditions.js';
import {ServiceError} from '../errors.js';
import type {Tag} from '../state.js';
import {hasDuplicateKeys, isReservedKey, requestTagContext, reservedKeyMessage} from '../tags.js';
import type {Input} from './input.js';

// The tags a create or tag request sets, as IAM reads and refuses them.

/** IAM's refusals of a tag list, beyond the model's constraints (which Input checks). */
export function checkTags(tags: readonly Tag[]): void {
	if (
		hasDuplicateKeys(
			tags.map(tag => tag.key),
			'ignoring-case',
		)
	) {
		throw new ServiceError('InvalidInput', 400, 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
	}
	if (tags.some(tag => isReservedKey(tag.key))) throw new ServiceError('InvalidInput', 400, reservedKeyMessage);
}

/**
 * Reads a request's `Tags` for its authorization: the condition keys aws:RequestTag/… and
 * aws:TagKeys come from them. What they break is held in `input` and thrown by its done(),
 * which the handler calls once the caller is authorized.
 */
export function requestTags(input: Input, required = false): {tags: Tag[]; context: ContextValues} {
	const tags = input.tags('Tags', {required});
	return {tags, context: requestTagContext(tags)};
}
