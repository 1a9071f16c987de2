import type {ContextValues} from '../iam-policy/conditions.js';
import type {Tag} from './state.js';

// Tags as every emulated service keeps them; each service words its own refusals.

/** `aws:` in any case: AWS keeps these keys for itself, and no caller may set one. */
export function isReservedKey(key: string): boolean {
	return key.toLowerCase().startsWith('aws:');
}

export const reservedKeyMessage = "Tag keys starting with 'aws:' are reserved for internal use.";

/** IAM compares tag keys without regard to case (keeping the latest spelling); CodeArtifact exactly. */
export type KeyMatch = 'exact' | 'ignoring-case';

function keyOf(match: KeyMatch): (key: string) => string {
	return match === 'exact' ? key => key : key => key.toLowerCase();
}

/** `tags` with `added` on top: a key already there keeps its place and takes the new value. */
export function withTags(tags: readonly Tag[], added: readonly Tag[], match: KeyMatch): Tag[] {
	const key = keyOf(match);
	const merged = new Map(tags.map(tag => [key(tag.key), tag]));
	for (const tag of added) merged.set(key(tag.key), {key: tag.key, value: tag.value});
	return [...merged.values()];
}

export function withoutKeys(tags: readonly Tag[], keys: readonly string[], match: KeyMatch): Tag[] {
	const key = keyOf(match);
	const removed = new Set(keys.map(key));
	return tags.filter(tag => !removed.has(key(tag.key)));
}

/** Whether two of `keys` are the same key. */
export function hasDuplicateKeys(keys: readonly string[], match: KeyMatch): boolean {
	return new Set(keys.map(keyOf(match))).size !== keys.length;
}

/**
 * The condition keys of a request that sets `tags` (a create or a tag call): aws:RequestTag/…
 * for each, aws:TagKeys for all. aws:TagKeys is always given, so the authorizer knows that a
 * request tag not among them is absent rather than unknown (see request-context.ts).
 */
export function requestTagContext(tags: readonly Tag[]): ContextValues {
	return {...Object.fromEntries(tags.map(tag => [`aws:RequestTag/${tag.key}`, tag.value])), 'aws:TagKeys': tags.map(tag => tag.key)};
}

/** The condition keys of an untag call: only aws:TagKeys. */
export function tagKeysContext(keys: readonly string[]): ContextValues {
	return {'aws:TagKeys': [...keys]};
}
