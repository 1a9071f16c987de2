import {renderInk} from '../helpers/render.js';
import {Box} from 'ink';
import {describe, expect, it} from 'vitest';
import {PackageTable} from '../../source/components/PackageTable.js';
import type {PackageRow} from '../../source/wizard/events.js';
import {mergeRow} from '../../source/wizard/package-table.js';

function row(name: string, patch: Partial<PackageRow> = {}): PackageRow {
	return {
		name,
		namespace: 'org.example',
		format: 'maven',
		latestVersion: '1.0.0',
		publish: 'BLOCK',
		upstream: 'ALLOW',
		state: 'confirmed',
		latestPublishDate: '2024-03-05T10:00:00Z',
		...patch,
	};
}

/** Rows as the view builds them: each report merged in, the latest on top. */
function reported(...rows: PackageRow[]): PackageRow[] {
	return rows.reduce(mergeRow, [] as PackageRow[]);
}

function bodyLines(frame: string): string[] {
	return frame.split('\n').slice(2);
}

describe('PackageTable', () => {
	it("shows the console's columns and a count", () => {
		const table = renderInk(<PackageTable rows={reported(row('junit', {namespace: 'junit', latestVersion: '4.13.2'}))} capacity={10} />);
		const [count, header, first] = table.frame().split('\n');
		expect(count).toBe('Packages (1)');
		expect(header?.split(/\s{2,}|\s(?=[A-Z])/).filter(Boolean)).toEqual([
			'Package name',
			'Namespace',
			'Format',
			'Latest version',
			'Latest publish date',
			'Publish',
			'Upstream',
		]);
		expect(first?.split(/\s+/)).toEqual(['junit', 'junit', 'maven', '4.13.2', '5', 'Mar', '2024', 'BLOCK', 'ALLOW']);
	});

	it('lists the newest first', () => {
		const rows = reported(row('first'), row('second'), row('third'), row('first', {latestVersion: '2.0.0'}));
		const table = renderInk(<PackageTable rows={rows} capacity={10} />);
		expect(bodyLines(table.frame()).map(line => line.split(/\s+/)[0])).toEqual(['first', 'third', 'second']);
		expect(table.frame()).toContain('2.0.0');
	});

	it('shows as many rows as fit and counts the rest as "N more"', () => {
		const rows = reported(...Array.from({length: 9}, (_, index) => row(`artifact-${index}`)));
		const table = renderInk(<PackageTable rows={rows} capacity={4} />);
		const lines = bodyLines(table.frame());
		expect(lines).toHaveLength(4);
		expect(lines.slice(0, 3).map(line => line.split(/\s+/)[0])).toEqual(['artifact-8', 'artifact-7', 'artifact-6']);
		expect(lines[3]).toBe('… 6 more');
		expect(table.frame()).toContain('Packages (9)');
	});

	it('shows every row when they fit, and a row Maven reported before the repository lists it as "not listed yet"', () => {
		const table = renderInk(
			<PackageTable rows={reported(row('seen-only', {state: 'seen', publish: '', upstream: '', latestPublishDate: undefined}), row('b'))} capacity={2} />,
		);
		expect(table.frame()).not.toContain('more');
		expect(bodyLines(table.frame()).map(line => line.trim().split(/\s+/))).toEqual([
			['b', 'org.example', 'maven', '1.0.0', '5', 'Mar', '2024', 'BLOCK', 'ALLOW'],
			['seen-only', 'org.example', 'maven', '1.0.0', 'not', 'listed', 'yet'],
		]);
	});

	it('below 100 columns keeps the names whole: no Format, Publish or Upstream, short titles', () => {
		const rows = reported(row('maven-resources-plugin', {namespace: 'org.apache.maven.plugins', latestVersion: '3.3.1'}));
		const [, header, first] = renderInk(
			<Box width={80} flexDirection="column">
				<PackageTable rows={rows} capacity={5} columns={80} />
			</Box>,
		)
			.frame()
			.split('\n');
		expect(header?.split(/\s{2,}/)).toEqual(['Package name', 'Namespace', 'Version', 'Published']);
		expect(first?.split(/\s+/)).toEqual(['maven-resources-plugin', 'org.apache.maven.plugins', '3.3.1', '5', 'Mar', '2024']);
	});

	it('cuts a long cell with "…" and keeps the gap: every cell starts under its title, at any width', () => {
		const long = row('maven-resources-plugin-with-a-long-name', {
			namespace: 'org.apache.maven.plugins.with.a.long.namespace',
			latestVersion: '1.0.0-SNAPSHOT-long',
		});
		for (const width of [80, 81, 99, 100, 101, 120, 121]) {
			const [, header = '', first = ''] = renderInk(
				<Box width={width} flexDirection="column">
					<PackageTable rows={reported(long)} capacity={5} columns={width} />
				</Box>,
			)
				.frame()
				.split('\n');
			const starts = (line: string) => [...line.matchAll(/(?<=^| )\S/g)].map(match => match.index);
			const titles = [...header.matchAll(/(?<=^| )(Package|Namespace|Format|Latest version|Latest publish|Version|Published|Publish|Upstream)/g)].map(
				match => match.index,
			);
			expect(
				starts(first).filter(start => titles.includes(start)),
				`${width} columns`,
			).toEqual(titles);
			expect(first, `${width} columns`).toMatch(/^maven-resources-\S*… org\.apache\.\S*… /);
			expect(first.length, `${width} columns`).toBeLessThanOrEqual(width);
		}
	});

	it('says so when there is nothing yet', () => {
		expect(renderInk(<PackageTable rows={[]} capacity={5} />).frame()).toContain('No packages yet');
	});
});

describe('PackageTable with 5,000 packages', () => {
	it('draws only the rows that fit, then the count of the rest', () => {
		const rows = Array.from({length: 5000}, (_, index) => row(`artifact-${4999 - index}`));
		const table = renderInk(<PackageTable rows={rows} capacity={12} />);
		const lines = bodyLines(table.frame());
		expect(lines).toHaveLength(12);
		expect(lines.slice(0, 11).map(line => line.split(/\s+/)[0])).toEqual(Array.from({length: 11}, (_, index) => `artifact-${4999 - index}`));
		expect(lines[11]).toBe('… 4989 more');
		expect(table.frame()).toContain('Packages (5000)');
	});
});
