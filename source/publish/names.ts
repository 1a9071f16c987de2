// The names a generic package is published under, as CodeArtifact's API states them: namespace
// and package 1–255 characters without !, #, / or white space; a version without # , / or white
// space. Checked before any call, so a bad flag is refused with the rule it breaks.

const packageName = /^[^!#/\s]{1,255}$/u;
const versionName = /^[^#/\s]{1,255}$/u;

/** The problem with a namespace or package name, in a sentence; undefined when CodeArtifact takes it. */
export function packageNameProblem(value: string): string | undefined {
	return packageName.test(value) ? undefined : 'takes 1–255 characters, none of them !, #, / or a space';
}

export function versionProblem(value: string): string | undefined {
	return versionName.test(value) ? undefined : 'takes 1–255 characters, none of them #, / or a space';
}

/**
 * A package name made from a file's name: without its extensions, in lower case, characters
 * outside letters, digits, `.`, `_` and `-` turned into `-`. Undefined when nothing is left.
 */
export function packageNameFrom(fileName: string): string | undefined {
	const stem = fileName.replace(/(?:\.[A-Za-z][A-Za-z0-9]{0,7})+$/, '');
	const name = stem
		.toLowerCase()
		.replace(/[^a-z0-9._-]+/g, '-')
		.replace(/^[-.]+|-+$/g, '')
		.slice(0, 100);
	return name === '' ? undefined : name;
}

/**
 * The archive's asset name, `PACKAGE-VERSION.tar.gz`: a generic asset name takes letters, digits,
 * spaces and a few marks (no / \ % # ? *), so anything else in the package or version becomes `-`.
 */
export function assetNameFor(pkg: string, version: string): string {
	const safe = (text: string) => text.replace(/[^\p{L}\p{Nd}~!@^&()\-_+[\]{};,.]+/gu, '-');
	return `${safe(pkg)}-${safe(version)}.tar.gz`.slice(-255);
}
