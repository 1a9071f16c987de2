import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {expandVariables, matchWildcard} from '../../source/iam-policy/wildcard.js';
import {bestTimes} from '../helpers/best-times.js';

const lookup = (context: Record<string, string[]>) => (key: string) => context[key.toLowerCase()];

describe('matchWildcard', () => {
	it.each([
		['*', '', true],
		['*', 'anything:at/all', true],
		['', '', true],
		['', 'a', false],
		['?', '', false],
		['?', 'a', true],
		['a?c', 'abc', true],
		['a?c', 'ac', false],
		['a*c', 'ac', true],
		['a*c', 'abbbc', true],
		['a*c', 'abbbd', false],
		['**', 'x', true],
		['x*y*z', 'x:y/z', true],
		['a.c', 'abc', false],
		['(a|b)', '(a|b)', true],
	])('%j against %j → %s', (pattern, value, expected) => {
		expect(matchWildcard(pattern, value)).toBe(expected);
	});

	it('takes a backslash as an escape only when asked (EC2 filters)', () => {
		expect(matchWildcard('run\\*', 'run*', {escapes: true})).toBe(true);
		expect(matchWildcard('run\\*', 'running', {escapes: true})).toBe(false);
		expect(matchWildcard('a\\?c', 'a?c', {escapes: true})).toBe(true);
		expect(matchWildcard('a\\?c', 'abc', {escapes: true})).toBe(false);
		expect(matchWildcard('a\\\\b', 'a\\b', {escapes: true})).toBe(true);
		expect(matchWildcard('a\\*', 'a\\xyz')).toBe(true);
	});

	// A backtracking matcher (a RegExp) explodes on stars that cannot match: its time grows as a
	// power of the input. This one's grows in proportion: each check times a small and a larger
	// input in the same run, since a bound in milliseconds says nothing on an unknown machine.
	it('takes time in proportion to the stars, however many cannot match', async () => {
		const stars = (count: number, length = 20) => matchWildcard(`${'*'.repeat(count)}Z`, 'x'.repeat(length), {escapes: true});
		const [few, many] = await bestTimes([() => stars(2), () => stars(8)]); // 4 times the stars
		expect(many / few).toBeLessThan(4 * 5); // measured: under 2; a RegExp: thousands
		expect(stars(5000, 2000)).toBe(false);
	});

	it('treats a character outside the BMP as one character for ?', () => {
		expect(matchWildcard('repo-?', 'repo-📦')).toBe(true);
		expect(matchWildcard('repo-??', 'repo-📦')).toBe(false);
	});

	it('folds case only when asked', () => {
		expect(matchWildcard('CodeArtifact:Get*', 'codeartifact:GETTOKEN')).toBe(false);
		expect(matchWildcard('CodeArtifact:Get*', 'codeartifact:GETTOKEN', {ignoreCase: true})).toBe(true);
	});

	it('keeps ARN-mode wildcards inside the first five components', () => {
		const arn = 'arn:aws:codeartifact:us-east-1:123456789012:repository/dom/repo';
		expect(matchWildcard('arn:aws:codeartifact:*:123456789012:repository/*', arn, {arn: true})).toBe(true);
		expect(matchWildcard('arn:aws:*:123456789012:repository/*', arn, {arn: true})).toBe(false);
		expect(matchWildcard('arn:aws:*:123456789012:repository/*', arn)).toBe(true);
		expect(matchWildcard('arn:*:*:*:*:*', 'arn:aws:s3:::bucket:with:colons', {arn: true})).toBe(true);
		expect(matchWildcard('*', 'arn:aws:s3:::bucket', {arn: true})).toBe(false);
	});

	it('takes time in proportion to the value, on patterns that make a backtracking matcher explode', async () => {
		const against = (length: number) => () => matchWildcard('*a*a*ab', 'a'.repeat(length));
		const [short, long] = await bestTimes([against(50), against(800)]); // 16 times the value
		expect(long / short).toBeLessThan(16 * 5); // measured: about 11; a RegExp: thousands
		expect(matchWildcard(`${'*a'.repeat(30)}b`, 'a'.repeat(300))).toBe(false);
	});

	it('resolves policy variables only when given a lookup', () => {
		const vars = lookup({'aws:username': ['alice']});
		expect(matchWildcard('user/${aws:username}', 'user/alice', {lookup: vars})).toBe(true);
		expect(matchWildcard('user/${AWS:UserName}', 'user/alice', {lookup: vars})).toBe(true);
		expect(matchWildcard('user/${aws:username}', 'user/alice')).toBe(false);
		expect(matchWildcard('user/${aws:username}', 'user/${aws:username}')).toBe(true);
	});

	it('does not let a variable value act as a wildcard', () => {
		const vars = lookup({'aws:username': ['*']});
		expect(matchWildcard('user/${aws:username}', 'user/alice', {lookup: vars})).toBe(false);
		expect(matchWildcard('user/${aws:username}', 'user/*', {lookup: vars})).toBe(true);
	});
});

describe('expandVariables', () => {
	const vars = lookup({'aws:username': ['alice'], 'aws:tagkeys': ['a', 'b']});

	it.each([
		['plain', 'plain'],
		['${aws:username}-home', 'alice-home'],
		["${aws:userid, 'nobody'}", 'nobody'],
		['${*}${?}${$}', '*?$'],
		['a*b?', 'a*b?'],
		['${unterminated', '${unterminated'],
	])('%j → %j', (text, expected) => {
		expect(expandVariables(text, vars)).toBe(expected);
	});

	it('is undefined for a missing or multi-valued key without a default', () => {
		expect(expandVariables('${aws:userid}', vars)).toBeUndefined();
		expect(expandVariables('${aws:TagKeys}', vars)).toBeUndefined();
		expect(expandVariables('${not a variable}', vars)).toBeUndefined();
	});

	it('leaves text untouched without a lookup', () => {
		expect(expandVariables('${aws:username}')).toBe('${aws:username}');
	});
});

describe('matchWildcard against a reference matcher', () => {
	// A backtracking RegExp, fine for short strings: `*` any run of code points (none with `:` in
	// the first five ARN components in ARN mode), `?` one code point, everything else itself.
	function reference(pattern: string, value: string, options: {ignoreCase?: boolean; arn?: boolean}): boolean {
		const folded = options.ignoreCase ? value.toLowerCase() : value;
		if (options.arn && folded.split(':').length - 1 < 5) return false;
		let colons = 0;
		let source = '';
		for (const char of pattern) {
			const inSegment = options.arn === true && colons < 5;
			if (char === '*') source += inSegment ? '[^:]*' : '[^]*';
			else if (char === '?') source += inSegment ? '[^:]' : '[^]';
			else {
				const literal = options.ignoreCase ? char.toLowerCase() : char;
				source += [...literal].map(unit => `\\u{${(unit.codePointAt(0) ?? 0).toString(16)}}`).join('');
				if (char === ':') colons++;
			}
		}
		return new RegExp(`^${source}$`, 'u').test(folded);
	}

	it('answers as the reference for any pattern and value, the final-star and prefix shortcuts included', () => {
		const piece = fc.constantFrom('a', 'B', 'shop', ':', '/', '*', '?', 'arn:aws:codeartifact:us-east-1:111122223333:', 'repository/', '😀', 'Σ');
		const text = fc.array(piece, {maxLength: 8}).map(pieces => pieces.join(''));
		fc.assert(
			fc.property(text, text, fc.boolean(), fc.boolean(), (pattern, value, ignoreCase, arn) => {
				expect(matchWildcard(pattern, value.replace(/[*?]/g, ''), {ignoreCase, arn})).toBe(reference(pattern, value.replace(/[*?]/g, ''), {ignoreCase, arn}));
				// A value that the pattern's own text (wildcards as written) opens.
				const opened = `${pattern.replace(/[*?]/g, '')}x/y`;
				expect(matchWildcard(pattern, opened, {ignoreCase, arn})).toBe(reference(pattern, opened, {ignoreCase, arn}));
			}),
			{numRuns: 3000},
		);
	});
});
