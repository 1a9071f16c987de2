import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {PackageRow} from '../../source/wizard/events.js';
import {canonicalMavenVersion, compareMavenVersions} from '../../source/wizard/maven-version.js';
import {formatPublishDate, mergeRow, packageKey, rowFromMavenDownload, visibleRows} from '../../source/wizard/package-table.js';

const seen = (name: string, version: string, namespace = 'org.example'): PackageRow => rowFromMavenDownload({groupId: namespace, artifactId: name, version});
const confirmed = (name: string, version: string, extra: Partial<PackageRow> = {}): PackageRow => ({
	...seen(name, version),
	latestPublishDate: '2024-03-05T10:00:00.000Z',
	publish: 'BLOCK',
	upstream: 'ALLOW',
	state: 'confirmed',
	...extra,
});
const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);

describe('compareMavenVersions', () => {
	// Orderings from Maven's own ComparableVersionTest.
	const qualifierOrder = ['1-alpha2snapshot', '1-alpha2', '1-alpha-123', '1-beta-2', '1-beta123', '1-m2', '1-m11', '1-rc', '1-cr2', '1-rc123', '1-SNAPSHOT', '1', '1-sp', '1-sp2', '1-sp123', '1-abc', '1-def', '1-pom-1', '1-1-snapshot', '1-1', '1-2', '1-123'];
	const numberOrder = ['2.0', '2-1', '2.0.a', '2.0.0.a', '2.0.2', '2.0.123', '2.1.0', '2.1-a', '2.1b', '2.1-c', '2.1-1', '2.1.0.1', '2.2', '2.123', '11.a2', '11.a11', '11.b2', '11.b11', '11.m2', '11.m11', '11', '11.a', '11b', '11c', '11m'];

	it.each([['qualifiers', qualifierOrder], ['numbers', numberOrder]])('orders Maven\'s %s list', (_name, list) => {
		for (let i = 0; i < list.length; i++) {
			for (let j = 0; j < list.length; j++) {
				expect(sign(compareMavenVersions(list[i]!, list[j]!)), `${list[i]} vs ${list[j]}`).toBe(sign(i - j));
			}
		}
	});

	it.each([
		['1', '1.0'], ['1', '1.0.0'], ['1', '1-0'], ['1', '1.0-0'], ['1a', '1-a'], ['1a', '1.0.0-a'], ['1.0x', '1-x'],
		['1ga', '1'], ['1final', '1'], ['1release', '1'], ['1GA', '1'], ['1cr', '1rc'], ['1a1', '1-alpha-1'], ['1b2', '1-beta-2'],
		['1m3', '1-milestone-3'], ['1X', '1x'], ['1m3', '1MILESTONE3'],
	])('treats %s and %s as the same version', (a, b) => {
		expect(compareMavenVersions(a, b)).toBe(0);
		expect(canonicalMavenVersion(a)).toBe(canonicalMavenVersion(b));
	});

	it.each([
		['1', '2'], ['1.5', '2'], ['1.0', '1.1'], ['1.1', '1.2.0'], ['1.9', '1.10'], ['1.0-alpha-1', '1.0'], ['1.0-alpha-1', '1.0-beta-1'],
		['1.0-beta-1', '1.0-SNAPSHOT'], ['1.0-SNAPSHOT', '1.0'], ['1.0-alpha-1-SNAPSHOT', '1.0-alpha-1'], ['1.0', '1.0-1'], ['1.0.0', '1.0-1'],
		['2.0-1', '2.0.1'], ['2.0.1-klm', '2.0.1-lmn'], ['2.0.1', '2.0.1-xyz'], ['2.0.1-xyz', '2.0.1-123'], ['3.0.0-M9', '3.0.0'],
		['31.1-jre', '32.0.0-jre'], ['2.15.2', '2.15.10'], ['1.2.3', '12345678901234567890.0'],
	])('%s < %s', (lower, higher) => {
		expect(compareMavenVersions(lower, higher)).toBeLessThan(0);
		expect(compareMavenVersions(higher, lower)).toBeGreaterThan(0);
	});

	it('gives canonical forms like Maven\'s', () => {
		expect(canonicalMavenVersion('1.0alpha1')).toBe('1-alpha-1');
		expect(canonicalMavenVersion('3.2.4-alpha-1')).toBe('3.2.4-alpha-1');
		expect(canonicalMavenVersion('3.2.4.0')).toBe('3.2.4');
		expect(canonicalMavenVersion('1.0-GA')).toBe('1');
	});

	const qualifier = fc.constantFrom('alpha', 'a', 'beta', 'b', 'm', 'milestone', 'rc', 'cr', 'SNAPSHOT', 'ga', 'final', 'release', 'sp', 'jre', 'x', '');
	const anyVersion = fc.array(fc.tuple(fc.oneof(fc.nat(20).map(String), qualifier), fc.constantFrom('.', '-', '')), {minLength: 1, maxLength: 6})
		.map(parts => parts.map(([token, separator]) => token + separator).join(''));
	// Versions as published: numbers with dots or hyphens, then maybe a qualifier (1.2.3-rc1, 31.1-jre, 2.0-SNAPSHOT).
	// Dotted qualifiers (1.0.alpha) are left out: with them Maven's own order has cycles (see below).
	const numbers = fc.array(fc.nat(12), {minLength: 1, maxLength: 4});
	const published = fc.tuple(numbers, fc.constantFrom('.', '-'), fc.option(fc.tuple(fc.constantFrom('-', ''), qualifier, fc.option(fc.nat(12), {nil: undefined})), {nil: undefined}))
		.map(([parts, separator, suffix]) => parts.join(separator) + (suffix ? `${suffix[0]}${suffix[1]}${suffix[2] ?? ''}` : ''));

	it('is reflexive and antisymmetric on any string', () => {
		fc.assert(fc.property(anyVersion, anyVersion, (a, b) => {
			expect(compareMavenVersions(a, a)).toBe(0);
			expect(sign(compareMavenVersions(a, b))).toBe(sign(-compareMavenVersions(b, a)));
		}), {numRuns: 5000});
	});

	it('is a total order on published versions', () => {
		fc.assert(fc.property(published, published, published, (a, b, c) => {
			if (compareMavenVersions(a, b) <= 0 && compareMavenVersions(b, c) <= 0) expect(compareMavenVersions(a, c)).toBeLessThanOrEqual(0);
			if (compareMavenVersions(a, b) === 0) expect(sign(compareMavenVersions(a, c))).toBe(sign(compareMavenVersions(b, c)));
		}), {numRuns: 20000});
	});

	it('keeps Maven\'s own corners rather than inventing an order', () => {
		// As in Maven: 7-alpha < 7 < 7.m, yet 7-alpha > 7.m (a hyphenated list outranks a dotted qualifier).
		expect(compareMavenVersions('7-alpha', '7')).toBeLessThan(0);
		expect(compareMavenVersions('7', '7.m')).toBeLessThan(0);
		expect(compareMavenVersions('7-alpha', '7.m')).toBeGreaterThan(0);
		// And 1.0.alpha < 1 < 1.0-1, yet 1.0.alpha > 1.0-1 (the trailing 0 before "-1" is dropped).
		expect(compareMavenVersions('1.0.alpha', '1')).toBeLessThan(0);
		expect(compareMavenVersions('1', '1.0-1')).toBeLessThan(0);
		expect(compareMavenVersions('1.0.alpha', '1.0-1')).toBeGreaterThan(0);
		// And Maven's canonical text can hide a difference the comparison sees.
		expect(canonicalMavenVersion('3-final12')).toBe(canonicalMavenVersion('3-12'));
		expect(compareMavenVersions('3-final12', '3-12')).toBeLessThan(0);
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
		fc.assert(fc.property(numeric, numeric, (a, b) => {
			expect(sign(compareMavenVersions(a.join('.'), b.join('.')))).toBe(expected(a, b));
		}), {numRuns: 3000});
	});
});

describe('packageKey', () => {
	it('identifies a package by format, namespace and name', () => {
		expect(packageKey({format: 'maven', namespace: 'org.slf4j', name: 'slf4j-api'})).toBe('maven/org.slf4j/slf4j-api');
		expect(packageKey(seen('a', '1'))).not.toBe(packageKey(seen('a', '1', 'org.other')));
		expect(packageKey({format: 'npm', namespace: '', name: 'left-pad'})).toBe('npm//left-pad');
	});
});

describe('rowFromMavenDownload', () => {
	it('makes a seen maven row with no origin controls yet', () => {
		expect(rowFromMavenDownload({groupId: 'org.slf4j', artifactId: 'slf4j-api', version: '2.0.9'})).toEqual({
			name: 'slf4j-api', namespace: 'org.slf4j', format: 'maven', latestVersion: '2.0.9', publish: '', upstream: '', state: 'seen',
		});
	});
});

describe('mergeRow', () => {
	it('puts a new package on top', () => {
		const rows = mergeRow(mergeRow([], seen('a', '1')), seen('b', '1'));
		expect(rows.map(row => row.name)).toEqual(['b', 'a']);
	});

	it('moves an updated row to the top and keeps the others in order', () => {
		const rows = [seen('c', '1'), seen('b', '1'), seen('a', '1')];
		expect(mergeRow(rows, seen('a', '2')).map(row => `${row.name}@${row.latestVersion}`)).toEqual(['a@2', 'c@1', 'b@1']);
	});

	it('returns the same array when nothing changes', () => {
		const rows = [seen('b', '1'), seen('a', '1.0')];
		expect(mergeRow(rows, seen('a', '1.0'))).toBe(rows);
		expect(mergeRow(rows, seen('a', '0.9'))).toBe(rows); // lower version: nothing to show
	});

	it('keeps the higher version by Maven ordering, not by text', () => {
		let rows = mergeRow([], seen('a', '1.10'));
		rows = mergeRow(rows, seen('a', '1.9'));
		expect(rows[0]?.latestVersion).toBe('1.10');
		rows = mergeRow(rows, seen('a', '1.10.1-SNAPSHOT'));
		expect(rows[0]?.latestVersion).toBe('1.10.1-SNAPSHOT');
		rows = mergeRow(rows, seen('a', '1.10.1'));
		expect(rows[0]?.latestVersion).toBe('1.10.1');
	});

	it('confirmed beats seen: a later seen report keeps the confirmed details', () => {
		let rows = mergeRow([seen('a', '1.0')], confirmed('a', '1.0'));
		expect(rows).toEqual([confirmed('a', '1.0')]);
		rows = mergeRow(rows, seen('a', '1.0'));
		expect(rows).toEqual([confirmed('a', '1.0')]);
	});

	it('a higher seen version keeps the row confirmed but drops a publish date that belonged to the older version', () => {
		const rows = mergeRow([confirmed('a', '1.0')], seen('a', '2.0'));
		expect(rows[0]).toEqual({...confirmed('a', '2.0'), latestPublishDate: undefined});
		expect(rows[0]).not.toHaveProperty('latestPublishDate');
	});

	it('a confirmation with a lower version keeps the seen version but takes the origin controls', () => {
		const rows = mergeRow([seen('a', '2.0')], confirmed('a', '1.0', {publish: 'ALLOW', upstream: 'BLOCK'}));
		expect(rows[0]).toEqual({...seen('a', '2.0'), publish: 'ALLOW', upstream: 'BLOCK', state: 'confirmed'});
	});

	it('a confirmation without a version (placeholder) keeps what Maven saw', () => {
		const rows = mergeRow([seen('a', '2.0')], confirmed('a', '', {latestPublishDate: undefined}));
		expect(rows[0]).toMatchObject({latestVersion: '2.0', state: 'confirmed', publish: 'BLOCK'});
	});

	it('a newer confirmation replaces an older one\'s details', () => {
		const rows = mergeRow([confirmed('a', '1.0')], confirmed('a', '1.0', {publish: 'ALLOW', latestPublishDate: '2024-04-01T00:00:00.000Z'}));
		expect(rows[0]).toMatchObject({publish: 'ALLOW', latestPublishDate: '2024-04-01T00:00:00.000Z'});
	});

	it('keeps one row per package, whatever the order of reports', () => {
		const report = fc.record({name: fc.constantFrom('a', 'b', 'c'), version: fc.constantFrom('1', '1.1', '2.0-SNAPSHOT', '2'), confirm: fc.boolean()})
			.map(({name, version, confirm}) => (confirm ? confirmed(name, version) : seen(name, version)));
		fc.assert(fc.property(fc.array(report, {maxLength: 30}), reports => {
			const rows = reports.reduce(mergeRow, [] as PackageRow[]);
			expect(new Set(rows.map(packageKey)).size).toBe(rows.length);
			for (const row of rows) {
				const mine = reports.filter(r => r.name === row.name);
				const highest = mine.map(r => r.latestVersion).sort(compareMavenVersions).at(-1);
				expect(row.latestVersion).toBe(highest);
				expect(row.state).toBe(mine.some(r => r.state === 'confirmed') ? 'confirmed' : 'seen');
			}
		}));
	});
});

describe('visibleRows', () => {
	const rows = ['a', 'b', 'c', 'd', 'e'].map(name => seen(name, '1'));

	it('shows everything that fits', () => {
		expect(visibleRows(rows, 5)).toEqual({rows, more: 0});
		expect(visibleRows(rows, 50)).toEqual({rows, more: 0});
		expect(visibleRows([], 0)).toEqual({rows: [], more: 0});
	});

	it('keeps a line for "+N more" when rows do not fit', () => {
		const {rows: shown, more} = visibleRows(rows, 3);
		expect(shown.map(row => row.name)).toEqual(['a', 'b']);
		expect(more).toBe(3);
		expect(visibleRows(rows, 1)).toEqual({rows: [], more: 5});
	});

	it('treats odd capacities safely', () => {
		expect(visibleRows(rows, 0)).toEqual({rows: [], more: 5});
		expect(visibleRows(rows, -3)).toEqual({rows: [], more: 5});
		expect(visibleRows(rows, 3.9).rows).toHaveLength(2);
		expect(visibleRows(rows, Number.POSITIVE_INFINITY)).toEqual({rows, more: 0});
	});

	it('never exceeds the capacity and accounts for every row', () => {
		fc.assert(fc.property(fc.nat(10), fc.nat(20), (count, capacity) => {
			const all = Array.from({length: count}, (_, i) => seen(`p${i}`, '1'));
			const result = visibleRows(all, capacity);
			expect(result.rows.length + result.more).toBe(count);
			if (capacity > 0) expect(result.rows.length + (result.more > 0 ? 1 : 0)).toBeLessThanOrEqual(capacity);
			expect(result.rows).toEqual(all.slice(0, result.rows.length));
		}));
	});
});

describe('formatPublishDate', () => {
	const now = new Date('2024-03-10T12:00:00.000Z');
	const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

	it.each([
		[0, 'just now'], [59, 'just now'], [60, '1 minute ago'], [120, '2 minutes ago'], [3599, '59 minutes ago'],
		[3600, '1 hour ago'], [7200, '2 hours ago'], [86_399, '23 hours ago'], [86_400, '1 day ago'], [6 * 86_400, '6 days ago'],
		[-30, 'just now'],
	])('%i seconds ago → %s', (seconds, text) => {
		expect(formatPublishDate(ago(seconds), now)).toBe(text);
	});

	it('shows a short date for older or future times', () => {
		expect(formatPublishDate('2024-03-01T09:00:00Z', now)).toBe('1 Mar 2024');
		expect(formatPublishDate('2019-12-31T23:59:59Z', now)).toBe('31 Dec 2019');
		expect(formatPublishDate('2024-06-01T00:00:00Z', now)).toBe('1 Jun 2024');
	});

	it('is empty without a usable date', () => {
		expect(formatPublishDate(undefined, now)).toBe('');
		expect(formatPublishDate('', now)).toBe('');
		expect(formatPublishDate('not a date', now)).toBe('');
	});

	it('uses the current time by default', () => {
		expect(formatPublishDate(new Date().toISOString())).toBe('just now');
	});
});
