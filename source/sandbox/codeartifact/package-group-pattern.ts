import type {PackageFormat} from '../state.js';

// Package group definitions as the CodeArtifact user guide gives them ("Package group definition
// syntax and matching behavior"): a package path (/format/namespace/name) with the components a
// group leaves out omitted, ended by a suffix: `*` all values of the next component, `~` a
// prefix of the last one, `$` the whole coordinate. A package without a namespace has an empty
// namespace component (`/npm//left-pad$`).

export type GroupPattern =
	| {kind: 'all'}
	| {kind: 'format'; format: PackageFormat}
	| {kind: 'namespacePrefix'; format: PackageFormat; prefix: string}
	| {kind: 'namespace'; format: PackageFormat; namespace: string}
	| {kind: 'namePrefix'; format: PackageFormat; namespace: string; prefix: string}
	| {kind: 'exact'; format: PackageFormat; namespace: string; name: string};

/** The coordinates a pattern is matched against (namespace '' when the package has none). */
export interface PackagePath {
	format: string;
	namespace?: string | undefined;
	name: string;
}

const formats: readonly string[] = ['npm', 'pypi', 'maven', 'nuget', 'generic', 'ruby', 'swift', 'cargo'];
/** Formats whose packages always have a namespace, and those whose packages never do (npm's scope is optional). */
const namespaced: readonly string[] = ['maven', 'generic', 'swift'];
const namespaceless: readonly string[] = ['pypi', 'nuget', 'ruby', 'cargo'];
const component = /^[^#/\s*~$]+$/u;

/** The pattern's structure, or the reason it is not a package group definition. */
export function parsePattern(text: string): GroupPattern | {problem: string} {
	const fail = (why: string) => ({problem: `Invalid package group pattern '${text}': ${why}`});
	if (!text.startsWith('/')) return fail('a package group definition starts with /.');
	const suffix = text.at(-1);
	const body = text.slice(1, -1);
	let pattern: GroupPattern | undefined;
	if (suffix === '*') {
		if (body === '') return {kind: 'all'};
		if (!body.endsWith('/')) return fail('* follows a / (it matches every value of the next component).');
		const parts = body.slice(0, -1).split('/');
		const [format = '', namespace = ''] = parts;
		if (parts.length === 1) pattern = {kind: 'format', format: format as PackageFormat};
		else if (parts.length === 2) pattern = {kind: 'namespace', format: format as PackageFormat, namespace};
	} else if (suffix === '~' || suffix === '$') {
		const parts = body.split('/');
		const [format = '', namespace = '', last = ''] = parts;
		if (suffix === '~' && parts.length === 2) pattern = {kind: 'namespacePrefix', format: format as PackageFormat, prefix: namespace};
		else if (suffix === '~' && parts.length === 3) pattern = {kind: 'namePrefix', format: format as PackageFormat, namespace, prefix: last};
		else if (suffix === '$' && parts.length === 3) pattern = {kind: 'exact', format: format as PackageFormat, namespace, name: last};
	} else {
		return fail('it ends with * (all values), ~ (a prefix) or $ (an exact package).');
	}
	if (!pattern) return fail('expected /*, /FORMAT/*, /FORMAT/NAMESPACE~, /FORMAT/NAMESPACE/*, /FORMAT/NAMESPACE/NAME~ or /FORMAT/NAMESPACE/NAME$.');
	if (pattern.kind === 'all') return pattern;
	if (!formats.includes(pattern.format)) return fail(`${pattern.format} is not a package format (${formats.join(', ')}).`);
	const values = [
		...('namespace' in pattern && pattern.namespace !== '' ? [pattern.namespace] : []),
		...('prefix' in pattern ? [pattern.prefix] : []),
		...('name' in pattern ? [pattern.name] : []),
	];
	if (values.some(value => !component.test(value))) return fail('a namespace or name is not empty and has no #, /, whitespace, *, ~ or $.');
	const namespace = pattern.kind === 'namespacePrefix' ? pattern.prefix : 'namespace' in pattern ? pattern.namespace : undefined;
	if (namespace !== undefined && namespace !== '' && namespaceless.includes(pattern.format)) return fail(`${pattern.format} packages have no namespace.`);
	if (namespace === '' && namespaced.includes(pattern.format)) return fail(`${pattern.format} packages always have a namespace.`);
	return pattern;
}

/** True when `path` falls under `pattern` (whether or not a more specific group claims it). */
export function matches(pattern: GroupPattern, path: PackagePath): boolean {
	if (pattern.kind === 'all') return true;
	if (pattern.format !== path.format) return false;
	const namespace = path.namespace ?? '';
	switch (pattern.kind) {
		case 'format':
			return true;
		case 'namespacePrefix':
			return wordPrefix(namespace, pattern.prefix);
		case 'namespace':
			return namespace === pattern.namespace;
		case 'namePrefix':
			return namespace === pattern.namespace && wordPrefix(path.name, pattern.prefix);
		case 'exact':
			return namespace === pattern.namespace && path.name === pattern.name;
	}
}

/** True when every package `inner` matches, `outer` matches too: outer is an ancestor of inner. */
export function covers(outer: GroupPattern, inner: GroupPattern): boolean {
	if (specificity(outer) >= specificity(inner)) return false;
	if (outer.kind === 'all') return true;
	if (inner.kind === 'all' || inner.format !== outer.format) return false;
	switch (outer.kind) {
		case 'format':
			return true;
		case 'namespacePrefix':
			return wordPrefix(inner.kind === 'namespacePrefix' ? inner.prefix : (inner as {namespace: string}).namespace, outer.prefix);
		case 'namespace':
			return (inner.kind === 'namePrefix' || inner.kind === 'exact') && inner.namespace === outer.namespace;
		case 'namePrefix':
			return (
				(inner.kind === 'namePrefix' || inner.kind === 'exact') &&
				inner.namespace === outer.namespace &&
				wordPrefix(inner.kind === 'exact' ? inner.name : inner.prefix, outer.prefix)
			);
		case 'exact':
			return false;
	}
}

const rank: Record<GroupPattern['kind'], number> = {all: 0, format: 1, namespacePrefix: 2, namespace: 3, namePrefix: 4, exact: 5};

/**
 * How specific a pattern is: an exact package over a name prefix over a namespace over a
 * namespace prefix over a format over `/*`; a longer prefix over a shorter one. Of the groups
 * that match a package, the most specific is the one it is associated with.
 */
export function specificity(pattern: GroupPattern): number {
	const prefix = 'prefix' in pattern ? [...pattern.prefix].length : 0;
	return rank[pattern.kind] * 1000 + prefix;
}

/**
 * A prefix match ends at a word boundary: `com.example~` matches `com.example` and
 * `com.example.app` but not `com.examples` (the user guide's "Words, word boundaries, and
 * prefix matching"). A prefix that ends in a separator (`ui-~`) matches whatever follows it.
 */
export function wordPrefix(value: string, prefix: string): boolean {
	if (!value.startsWith(prefix)) return false;
	const next = value.slice(prefix.length, prefix.length + 1);
	return next === '' || !isWordCharacter(prefix.slice(-1)) || !isWordCharacter(next);
}

const isWordCharacter = (character: string) => /^[\p{L}\p{N}]$/u.test(character);
