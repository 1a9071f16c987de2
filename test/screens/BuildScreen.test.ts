import {renderWizard} from '../helpers/render.js';
import {describe, expect, it} from 'vitest';
import type {PackageRow, WizardEvent} from '../../source/wizard/events.js';
import {reachStep} from './journey-fixtures.js';

function download(index: number): WizardEvent {
	const row: PackageRow = {
		name: `artifact-${index}`,
		namespace: 'org.example',
		format: 'maven',
		latestVersion: `1.${index}`,
		publish: '',
		upstream: '',
		state: 'seen',
	};
	return {type: 'package', row};
}

/** The row as Maven's log gives it: no publish date or origin controls before the repository lists it. */
function unlisted(row: PackageRow): PackageRow {
	return {name: row.name, namespace: row.namespace, format: row.format, latestVersion: row.latestVersion, publish: '', upstream: '', state: 'seen'};
}

const endpoint = 'http://127.0.0.1:7717/d/ca-wizard-demo-549480709600/maven/maven-repo/';

function building(packages: WizardEvent[]): WizardEvent[] {
	return [
		...reachStep('build'),
		{type: 'progress', step: 'build', message: 'Running mvn compile…'},
		...Array.from({length: 30}, (_, index): WizardEvent => ({
			type: 'maven-output',
			line: `[INFO] Downloaded from codeartifact: ${endpoint}org/apache/maven/plugins/plugin-${index}/1.${index}/plugin-${index}-1.${index}.pom (5 kB at 50 kB/s)`,
		})),
		...packages,
	];
}

it("shows Maven's last lines and the packages that fit the terminal, newest first, and more after a resize", async () => {
	const wizard = renderWizard(building(Array.from({length: 20}, (_, index) => download(index))), {columns: 100, rows: 30});
	const frame = await wizard.waitForText('more');
	expect(frame).toContain('Maven output (30 lines)');
	expect(frame).toContain('plugin-29-1.29.pom');
	expect(frame).not.toContain('plugin-25-1.25.pom');
	expect(frame).toContain('Packages (20)');
	const names = [...frame.matchAll(/^(artifact-\d+)\s/gm)].map(match => match[1]);
	expect(names.slice(0, 3)).toEqual(['artifact-19', 'artifact-18', 'artifact-17']);
	expect(wizard.height()).toBeLessThan(30);
	await wizard.resize({columns: 100, rows: 40});
	await wizard.waitForText('Packages (20)');
	expect([...wizard.frame().matchAll(/^(artifact-\d+)\s/gm)].length).toBeGreaterThan(names.length);
	expect(wizard.height()).toBeLessThan(40);
});

describe('at 80 columns', () => {
	const longNames = Array.from({length: 25}, (_, index): WizardEvent => ({
		type: 'package',
		row: {
			name: `maven-resources-plugin-${index}`,
			namespace: 'org.apache.maven.plugins',
			format: 'maven',
			latestVersion: `3.3.${index}`,
			publish: 'BLOCK',
			upstream: 'ALLOW',
			state: 'confirmed',
			latestPublishDate: '2024-03-05T10:00:00Z',
		},
	}));

	it('the table keeps whole names, drops the columns every Maven package shares, and shows more than three rows', async () => {
		const wizard = renderWizard(building(longNames), {columns: 80, rows: 24});
		const frame = await wizard.waitForText('Packages (25)');
		expect(frame).toMatch(/^Package name\s+Namespace\s+Version\s+Published$/m);
		expect(frame).not.toMatch(/Format|Upstream\s*$/m);
		const rows = frame.split('\n').filter(line => line.startsWith('maven-resources-plugin-'));
		expect(rows.length).toBeGreaterThanOrEqual(5);
		expect(rows[0]?.split(/\s+/).slice(0, 3)).toEqual(['maven-resources-plugin-24', 'org.apache.maven.plugins', '3.3.24']);
		expect(frame.split('\n')[0]).toBe('ca-wizard · step 8 of 10');
		expect(wizard.height()).toBeLessThan(24);
	});

	it('rows Maven fetched that the repository does not list yet say so, and turn into publish dates as it lists them', async () => {
		// --consistency aws: CodeArtifact lists a package fetched from an upstream a while after Maven got it.
		const seen = longNames.slice(0, 6).map(event => (event.type === 'package' ? {...event, row: unlisted(event.row)} : event));
		const wizard = renderWizard(building(seen), {columns: 80, rows: 24});
		const frame = await wizard.waitForText('Packages (6)');
		const rows = frame.split('\n').filter(line => line.startsWith('maven-resources-plugin-'));
		expect(rows.length).toBeGreaterThanOrEqual(5);
		for (const row of rows) expect(row).toMatch(/^maven-resources-plugin-\d+\s+org\.apache\.maven\.plugins\s+3\.3\.\d+\s+not listed yet$/);
		expect(wizard.height()).toBeLessThan(24);
		// Listed: the row is confirmed and shows the console's publish date.
		wizard.host.notify(longNames[5] as WizardEvent);
		const listed = await wizard.waitForText('5 Mar 2024');
		expect(listed).toMatch(/^maven-resources-plugin-5\s+org\.apache\.maven\.plugins\s+3\.3\.5\s+5 Mar 2024$/m);
		expect(listed).toMatch(/^maven-resources-plugin-4\s+.*not listed yet$/m);
	});

	it('after the build, the wait for the listing shows whole with its countdown, above the rows still not listed', async () => {
		const seen = longNames.slice(0, 6).map(event => (event.type === 'package' ? {...event, row: unlisted(event.row)} : event));
		const waiting = 'Waiting for CodeArtifact to list 6 packages Maven fetched (up to 20 s more)…';
		const wizard = renderWizard(
			[
				...building(seen),
				{type: 'progress', step: 'build', message: 'BUILD SUCCESS', done: true},
				{type: 'progress', step: 'build', message: 'Checking the repository for every package Maven fetched…'},
				{
					type: 'note',
					step: 'build',
					tone: 'info',
					message: 'CodeArtifact lists a package it fetched from an upstream a while after the fetch (on AWS up to about three minutes); Maven got it at once.',
				},
				{type: 'progress', step: 'build', message: waiting},
			],
			{columns: 80, rows: 24},
		);
		const frame = await wizard.waitForText('up to 20 s more');
		expect(frame).toContain(waiting);
		expect(frame).toMatch(/^maven-resources-plugin-5\s+.*not listed yet$/m);
		expect(wizard.height()).toBeLessThan(24);
	});

	it("Maven's lines show each artifact's path, not the repository URL they all share", async () => {
		const wizard = renderWizard(building(longNames), {columns: 80, rows: 24});
		const frame = await wizard.waitForText('Maven output');
		const tail = frame.split('\n').filter(line => line.startsWith('│ '));
		expect(tail.length).toBeGreaterThanOrEqual(2);
		for (const line of tail) expect(line).toMatch(/^│ \[INFO\] Downloaded from codeartifact: org\/apache\/maven\/plugins\/plugin-\d+\//);
		expect(new Set(tail).size).toBe(tail.length);
	});
});

it('at 120 columns the table has all of the console’s columns', async () => {
	const wizard = renderWizard(building([download(1)]), {columns: 120, rows: 45});
	const frame = await wizard.waitForText('Packages (1)');
	expect(frame).toMatch(/^Package name\s+Namespace\s+Format\s+Latest version\s+Latest publish date\s+Publish\s+Upstream$/m);
});

it('draws a window of 5,000 packages at 80×24: the newest that fit, and the count of the rest', async () => {
	const count = 5000;
	const wizard = renderWizard(building(Array.from({length: count}, (_, index) => download(index))), {columns: 80, rows: 24});
	const frame = await wizard.waitForText('more');
	expect(frame).toContain(`Packages (${count})`);
	const names = [...frame.matchAll(/^(artifact-\d+)\s/gm)].map(match => match[1]);
	expect(names.length).toBeGreaterThanOrEqual(3);
	expect(names).toEqual(Array.from({length: names.length}, (_, index) => `artifact-${count - 1 - index}`));
	expect(frame).toContain(`… ${count - names.length} more`);
	expect(wizard.height()).toBeLessThanOrEqual(24);
});
