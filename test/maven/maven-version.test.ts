import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {compareMavenVersions} from '../../source/maven/maven-version.js';

const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);

describe('compareMavenVersions', () => {
	// Orderings from Maven's own ComparableVersionTest.
	const qualifierOrder = [
		'1-alpha2snapshot',
		'1-alpha2',
		'1-alpha-123',
		'1-beta-2',
		'1-beta123',
		'1-m2',
		'1-m11',
		'1-rc',
		'1-cr2',
		'1-rc123',
		'1-SNAPSHOT',
		'1',
		'1-sp',
		'1-sp2',
		'1-sp123',
		'1-abc',
		'1-def',
		'1-pom-1',
		'1-1-snapshot',
		'1-1',
		'1-2',
		'1-123',
	];
	const numberOrder = [
		'2.0',
		'2-1',
		'2.0.a',
		'2.0.0.a',
		'2.0.2',
		'2.0.123',
		'2.1.0',
		'2.1-a',
		'2.1b',
		'2.1-c',
		'2.1-1',
		'2.1.0.1',
		'2.2',
		'2.123',
		'11.a2',
		'11.a11',
		'11.b2',
		'11.b11',
		'11.m2',
		'11.m11',
		'11',
		'11.a',
		'11b',
		'11c',
		'11m',
	];

	it.each([
		['qualifiers', qualifierOrder],
		['numbers', numberOrder],
	])("orders Maven's %s list", (_name, list) => {
		for (let i = 0; i < list.length; i++) {
			for (let j = 0; j < list.length; j++) {
				expect(sign(compareMavenVersions(list[i]!, list[j]!)), `${list[i]} vs ${list[j]}`).toBe(sign(i - j));
			}
		}
	});

	it.each([
		['1', '1.0'],
		['1', '1.0.0'],
		['1', '1-0'],
		['1', '1.0-0'],
		['1a', '1-a'],
		['1a', '1.0.0-a'],
		['1.0x', '1-x'],
		['1ga', '1'],
		['1final', '1'],
		['1release', '1'],
		['1GA', '1'],
		['1cr', '1rc'],
		['1a1', '1-alpha-1'],
		['1b2', '1-beta-2'],
		['1m3', '1-milestone-3'],
		['1X', '1x'],
		['1m3', '1MILESTONE3'],
	])('treats %s and %s as the same version', (a, b) => {
		expect(compareMavenVersions(a, b)).toBe(0);
	});

	it.each([
		['1', '2'],
		['1.5', '2'],
		['1.0', '1.1'],
		['1.1', '1.2.0'],
		['1.9', '1.10'],
		['1.0-alpha-1', '1.0'],
		['1.0-alpha-1', '1.0-beta-1'],
		['1.0-beta-1', '1.0-SNAPSHOT'],
		['1.0-SNAPSHOT', '1.0'],
		['1.0-alpha-1-SNAPSHOT', '1.0-alpha-1'],
		['1.0', '1.0-1'],
		['1.0.0', '1.0-1'],
		['2.0-1', '2.0.1'],
		['2.0.1-klm', '2.0.1-lmn'],
		['2.0.1', '2.0.1-xyz'],
		['2.0.1-xyz', '2.0.1-123'],
		['3.0.0-M9', '3.0.0'],
		['31.1-jre', '32.0.0-jre'],
		['2.15.2', '2.15.10'],
		['1.2.3', '12345678901234567890.0'],
	])('%s < %s', (lower, higher) => {
		expect(compareMavenVersions(lower, higher)).toBeLessThan(0);
		expect(compareMavenVersions(higher, lower)).toBeGreaterThan(0);
	});

	const qualifier = fc.constantFrom('alpha', 'a', 'beta', 'b', 'm', 'milestone', 'rc', 'cr', 'SNAPSHOT', 'ga', 'final', 'release', 'sp', 'jre', 'x', '');
	const anyVersion = fc
		.array(fc.tuple(fc.oneof(fc.nat(20).map(String), qualifier), fc.constantFrom('.', '-', '')), {minLength: 1, maxLength: 6})
		.map(parts => parts.map(([token, separator]) => token + separator).join(''));
	// Versions as published: numbers with dots or hyphens, then maybe a qualifier (1.2.3-rc1, 31.1-jre, 2.0-SNAPSHOT).
	// Dotted qualifiers (1.0.alpha) and qualifiers after hyphenated numbers (8-0-alpha) are left out: with
	// them Maven's own order has cycles (see below).
	const numbers = fc.array(fc.nat(12), {minLength: 1, maxLength: 4});
	const published = fc
		.tuple(
			numbers,
			fc.constantFrom('.', '-'),
			fc.option(fc.tuple(fc.constantFrom('-', ''), qualifier, fc.option(fc.nat(12), {nil: undefined})), {nil: undefined}),
		)
		.map(([parts, separator, suffix]) => parts.join(separator) + (suffix && separator === '.' ? `${suffix[0]}${suffix[1]}${suffix[2] ?? ''}` : ''));

	it('is reflexive and antisymmetric on any string', () => {
		fc.assert(
			fc.property(anyVersion, anyVersion, (a, b) => {
				expect(compareMavenVersions(a, a)).toBe(0);
				expect(sign(compareMavenVersions(a, b))).toBe(sign(-compareMavenVersions(b, a)));
			}),
			{numRuns: 5000},
		);
	});

	it('is a total order on published versions', () => {
		fc.assert(
			fc.property(published, published, published, (a, b, c) => {
				if (compareMavenVersions(a, b) <= 0 && compareMavenVersions(b, c) <= 0) expect(compareMavenVersions(a, c)).toBeLessThanOrEqual(0);
				if (compareMavenVersions(a, b) === 0) expect(sign(compareMavenVersions(a, c))).toBe(sign(compareMavenVersions(b, c)));
			}),
			{numRuns: 20000},
		);
	});

	it("keeps Maven's own corners rather than inventing an order", () => {
		// As in Maven: 7-alpha < 7 < 7.m, yet 7-alpha > 7.m (a hyphenated list outranks a dotted qualifier).
		expect(compareMavenVersions('7-alpha', '7')).toBeLessThan(0);
		expect(compareMavenVersions('7', '7.m')).toBeLessThan(0);
		expect(compareMavenVersions('7-alpha', '7.m')).toBeGreaterThan(0);
		// And 1.0.alpha < 1 < 1.0-1, yet 1.0.alpha > 1.0-1 (the trailing 0 before "-1" is dropped).
		expect(compareMavenVersions('1.0.alpha', '1')).toBeLessThan(0);
		expect(compareMavenVersions('1', '1.0-1')).toBeLessThan(0);
		expect(compareMavenVersions('1.0.alpha', '1.0-1')).toBeGreaterThan(0);
		// And 3-final12 < 3-12, though Maven's canonical text reads both `3-12`.
		expect(compareMavenVersions('3-final12', '3-12')).toBeLessThan(0);
		// And 8-jre < 8-0-alpha < 8 < 8-jre (ComparableVersion in Maven 3.8.7 prints exactly this cycle).
		expect(compareMavenVersions('8-jre', '8-0-alpha')).toBeLessThan(0);
		expect(compareMavenVersions('8-0-alpha', '8')).toBeLessThan(0);
		expect(compareMavenVersions('8', '8-jre')).toBeLessThan(0);
	});

	it('orders numeric versions as Maven does: numerically, segment by segment, trailing zeros ignored', () => {
		const numeric = fc.array(fc.oneof(fc.nat(12), fc.bigInt({min: 0n, max: 10n ** 25n})), {minLength: 1, maxLength: 5});
		const expected = (a: Array<number | bigint>, b: Array<number | bigint>): number => {
			for (let i = 0; i < Math.max(a.length, b.length); i++) {
				const x = BigInt(a[i] ?? 0);
				const y = BigInt(b[i] ?? 0);
				if (x !== y) return x < y ? -1 : 1;
			}
			return 0;
		};
		fc.assert(
			fc.property(numeric, numeric, (a, b) => {
				expect(sign(compareMavenVersions(a.join('.'), b.join('.')))).toBe(expected(a, b));
			}),
			{numRuns: 3000},
		);
	});
});
