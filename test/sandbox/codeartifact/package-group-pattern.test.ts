import {describe, expect, it} from 'vitest';
import {covers, matches, parsePattern, wordPrefix, type GroupPattern} from '../../../source/sandbox/codeartifact/package-group-pattern.js';

// The package group definition syntax of the CodeArtifact user guide: what parses, what a
// pattern matches, and which pattern sits above which.

const parsed = (text: string): GroupPattern => {
	const pattern = parsePattern(text);
	if ('problem' in pattern) throw new Error(pattern.problem);
	return pattern;
};

describe('package group patterns', () => {
	it('parses the six forms the user guide lists', () => {
		expect(parsed('/*')).toEqual({kind: 'all'});
		expect(parsed('/npm/*')).toEqual({kind: 'format', format: 'npm'});
		expect(parsed('/maven/com.anycompany~')).toEqual({kind: 'namespacePrefix', format: 'maven', prefix: 'com.anycompany'});
		expect(parsed('/npm/space/*')).toEqual({kind: 'namespace', format: 'npm', namespace: 'space'});
		expect(parsed('/npm//*')).toEqual({kind: 'namespace', format: 'npm', namespace: ''});
		expect(parsed('/npm/space/anycompany-ui~')).toEqual({kind: 'namePrefix', format: 'npm', namespace: 'space', prefix: 'anycompany-ui'});
		expect(parsed('/maven/org.apache.logging.log4j/log4j-core$')).toEqual({
			kind: 'exact',
			format: 'maven',
			namespace: 'org.apache.logging.log4j',
			name: 'log4j-core',
		});
		expect(parsed('/pypi//requests$')).toEqual({kind: 'exact', format: 'pypi', namespace: '', name: 'requests'});
	});

	it('refuses what is not a definition, naming why', () => {
		for (const [text, why] of [
			['npm/*', 'starts with /'],
			['/npm', 'ends with *'],
			['/npm*', '* follows a /'],
			['/nope/*', 'nope is not a package format'],
			['/maven/*/x$', 'has no #, /, whitespace, *, ~ or $'],
			['/npm/a/b/c$', 'expected /*'],
			['/npm~', 'expected /*'],
			['/pypi/scope/*', 'pypi packages have no namespace'],
			['/maven//guava$', 'maven packages always have a namespace'],
		] as const) {
			const result = parsePattern(text);
			expect('problem' in result && result.problem, text).toContain(why);
		}
	});

	it('matches a package by format, namespace and name, prefixes at word boundaries', () => {
		const guava = {format: 'maven', namespace: 'com.google.guava', name: 'guava'};
		expect(matches(parsed('/*'), guava)).toBe(true);
		expect(matches(parsed('/maven/*'), guava)).toBe(true);
		expect(matches(parsed('/npm/*'), guava)).toBe(false);
		expect(matches(parsed('/maven/com.google~'), guava)).toBe(true);
		expect(matches(parsed('/maven/com.goog~'), guava)).toBe(false);
		expect(matches(parsed('/maven/com.google.guava/*'), guava)).toBe(true);
		expect(matches(parsed('/maven/com.google.guava/gua~'), guava)).toBe(false);
		expect(matches(parsed('/maven/com.google.guava/guava$'), guava)).toBe(true);
		expect(matches(parsed('/npm//*'), {format: 'npm', name: 'left-pad'})).toBe(true);
		expect(matches(parsed('/npm//*'), {format: 'npm', namespace: 'scope', name: 'left-pad'})).toBe(false);
		expect(wordPrefix('anycompany-ui-components', 'anycompany-ui')).toBe(true);
		expect(wordPrefix('anycompany-uikit', 'anycompany-ui')).toBe(false);
		expect(wordPrefix('anycompany-uikit', 'anycompany-')).toBe(true);
	});

	it('puts a pattern under every broader one that holds all it matches', () => {
		const above = (outer: string, inner: string) => covers(parsed(outer), parsed(inner));
		expect(above('/*', '/maven/*')).toBe(true);
		expect(above('/maven/*', '/maven/com.example~')).toBe(true);
		expect(above('/maven/com~', '/maven/com.example~')).toBe(true);
		expect(above('/maven/com.example~', '/maven/com.example/*')).toBe(true);
		expect(above('/maven/com.example/*', '/maven/com.example/lib~')).toBe(true);
		expect(above('/maven/com.example/lib~', '/maven/com.example/lib-core$')).toBe(true);
		expect(above('/maven/com.example/lib~', '/maven/com.example/library$')).toBe(false);
		expect(above('/maven/com.ex~', '/maven/com.example~')).toBe(false);
		expect(above('/maven/*', '/maven/*')).toBe(false);
		expect(above('/npm/*', '/maven/com.example/*')).toBe(false);
		expect(above('/maven/com.example/*', '/maven/*')).toBe(false);
	});
});
