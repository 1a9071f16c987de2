import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {PackageRow} from '../../source/wizard/events.js';
import {compareMavenVersions} from '../../source/maven/maven-version.js';
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
			name: 'slf4j-api',
			namespace: 'org.slf4j',
			format: 'maven',
			latestVersion: '2.0.9',
			publish: '',
			upstream: '',
			state: 'seen',
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

	it("a newer confirmation replaces an older one's details", () => {
		const rows = mergeRow([confirmed('a', '1.0')], confirmed('a', '1.0', {publish: 'ALLOW', latestPublishDate: '2024-04-01T00:00:00.000Z'}));
		expect(rows[0]).toMatchObject({publish: 'ALLOW', latestPublishDate: '2024-04-01T00:00:00.000Z'});
	});

	it('keeps one row per package, whatever the order of reports', () => {
		const report = fc
			.record({name: fc.constantFrom('a', 'b', 'c'), version: fc.constantFrom('1', '1.1', '2.0-SNAPSHOT', '2'), confirm: fc.boolean()})
			.map(({name, version, confirm}) => (confirm ? confirmed(name, version) : seen(name, version)));
		fc.assert(
			fc.property(fc.array(report, {maxLength: 30}), reports => {
				const rows = reports.reduce(mergeRow, [] as PackageRow[]);
				expect(new Set(rows.map(packageKey)).size).toBe(rows.length);
				for (const row of rows) {
					const mine = reports.filter(r => r.name === row.name);
					const highest = mine
						.map(r => r.latestVersion)
						.sort(compareMavenVersions)
						.at(-1);
					expect(row.latestVersion).toBe(highest);
					expect(row.state).toBe(mine.some(r => r.state === 'confirmed') ? 'confirmed' : 'seen');
				}
			}),
		);
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
		fc.assert(
			fc.property(fc.nat(10), fc.nat(20), (count, capacity) => {
				const all = Array.from({length: count}, (_, i) => seen(`p${i}`, '1'));
				const result = visibleRows(all, capacity);
				expect(result.rows.length + result.more).toBe(count);
				if (capacity > 0) expect(result.rows.length + (result.more > 0 ? 1 : 0)).toBeLessThanOrEqual(capacity);
				expect(result.rows).toEqual(all.slice(0, result.rows.length));
			}),
		);
	});
});

describe('formatPublishDate', () => {
	const now = new Date('2024-03-10T12:00:00.000Z');
	const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

	it.each([
		[0, 'just now'],
		[59, 'just now'],
		[60, '1 minute ago'],
		[120, '2 minutes ago'],
		[3599, '59 minutes ago'],
		[3600, '1 hour ago'],
		[7200, '2 hours ago'],
		[86_399, '23 hours ago'],
		[86_400, '1 day ago'],
		[6 * 86_400, '6 days ago'],
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
