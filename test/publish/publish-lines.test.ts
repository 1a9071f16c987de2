import {describe, expect, it} from 'vitest';
import {
	fileListLines,
	packageTableLines,
	packedLines,
	publishedEventLines,
	publishedLine,
	sizeText,
	verifiedEventLines,
	verifiedLines,
} from '../../source/publish/publish-lines.js';

describe("the publish's lines", () => {
	it('shows the archive, its SHA-256 and what the hash is for', () => {
		const lines = packedLines({what: '/tmp/x/hello.txt', assetName: 'hello-1.0.0.tar.gz', size: 1536, sha256: 'ab'.repeat(32)});
		expect(lines[0]).toBe('Packed /tmp/x/hello.txt into hello-1.0.0.tar.gz (1.5 KiB).');
		expect(lines[1]).toBe(`SHA-256 ${'ab'.repeat(32)}`);
		expect(lines.slice(2).join(' ')).toMatch(/altered .* in transit/);
		for (const line of lines.slice(2)) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('puts the package in a table of 80 columns at most, and says what origin and restrictions mean', () => {
		const row = {
			namespace: 'ca-wizard',
			name: 'hello-ca-wizard',
			version: '1.0.0',
			publishedTime: new Date('2026-12-02T16:40:07Z'),
			originType: 'INTERNAL',
			publish: 'ALLOW',
			upstream: 'BLOCK',
		};
		const lines = packageTableLines(row);
		expect(lines[0]).toMatch(/^ {2}package +version {2}published +origin +publish {2}upstream$/);
		expect(lines[1]).toMatch(/^ {2}ca-wizard\/hello-ca-wizard {2}1\.0\.0 +2026-12-02 {2}INTERNAL {2}ALLOW +BLOCK$/);
		expect(lines.join(' ')).toMatch(/origin INTERNAL: .* publish ALLOW \/ upstream BLOCK: /);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
		const long = packageTableLines({...row, name: 'x'.repeat(120)});
		expect(long[1]!.length).toBeLessThanOrEqual(80);
		expect(long[1]).toContain('…');
		expect(packageTableLines({namespace: 'n', name: 'p', version: '1'})[1]).toMatch(/^ {2}n\/p +1 +– +– +– +–$/);
	});

	it('lists the unpacked files sorted, with sizes, and counts what does not fit', () => {
		expect(
			fileListLines([
				{path: 'b.txt', size: 2048},
				{path: 'a/long-name.txt', size: 12},
			]),
		).toEqual(['  a/long-name.txt  12 B', '  b.txt            2.0 KiB']);
		const many = Array.from({length: 25}, (_, index) => ({path: `f${String(index).padStart(2, '0')}`, size: 1}));
		const lines = fileListLines(many, 10);
		expect(lines).toHaveLength(10);
		expect(lines.at(-1)).toBe('  … and 16 more files');
		expect(fileListLines([])).toEqual(['  (no files: the archive holds only folders)']);
		expect(sizeText(3 * 1024 * 1024)).toBe('3.0 MiB');
	});

	it('says where the package went', () => {
		expect(publishedLine({namespace: 'n', name: 'p', version: '1'}, {domain: 'd', repository: 'r'})).toBe('Published n/p 1 to d/r:');
	});

	it('says the downloaded copy matched', () => {
		expect(verifiedLines('a.tar.gz', '0123456789abcdef')).toEqual([
			'Downloaded a.tar.gz back from the repository:',
			'  its SHA-256 matches the published one (0123456789ab…).',
		]);
	});

	const sha256 = 'ab'.repeat(32);

	it("the journey's events as lines: the row first, then the archive's hash and what it is for", () => {
		const lines = publishedEventLines({
			type: 'published',
			step: 'publish',
			domain: 'd',
			repository: 'r',
			format: 'generic',
			namespace: 'ca-wizard',
			package: 'hello',
			version: '1.0.1',
			asset: {name: 'hello-1.0.1.tar.gz', bytes: 2048, sha256},
			origin: 'INTERNAL',
			publish: 'ALLOW',
			upstream: 'BLOCK',
			publishedTime: '2026-12-02T17:00:00.000Z',
		});
		expect(lines.slice(0, 5)).toEqual([
			'Published ca-wizard/hello 1.0.1 to d/r:',
			'  package          version  published   origin    publish  upstream',
			'  ca-wizard/hello  1.0.1    2026-12-02  INTERNAL  ALLOW    BLOCK',
			'hello-1.0.1.tar.gz (2.0 KiB), SHA-256:',
			`  ${sha256}`,
		]);
		expect(lines.join('\n')).toContain('origin INTERNAL: this version was published to the repository');
	});

	it('a matching download lists the unpacked files; an altered one says nothing was unpacked', () => {
		const event = {type: 'verified' as const, step: 'publish', package: 'hello', version: '1.0.1', sha256, files: ['b.txt', 'a/c.txt'], unpackedInto: '/tmp/u'};
		expect(verifiedEventLines({...event, matches: true})).toEqual([
			'Downloaded hello 1.0.1 back from the repository:',
			'  its SHA-256 matches the published one (abababababab…).',
			'Unpacked into /tmp/u:',
			'  a/c.txt',
			'  b.txt',
		]);
		expect(verifiedEventLines({...event, matches: false})).toEqual([
			'Downloaded hello 1.0.1 back from the repository:',
			'  its SHA-256 (abababababab…) does NOT match the published one: nothing was unpacked.',
		]);
	});
});
