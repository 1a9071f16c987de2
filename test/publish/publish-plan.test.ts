import {describe, expect, it} from 'vitest';
import {planPublish, sampleText} from '../../source/publish/publish-plan.js';

describe('the plan of a publish', () => {
	it('makes a sample file when no file is named, with the defaults', () => {
		expect(planPublish({})).toEqual({
			source: {kind: 'sample', fileName: 'hello-ca-wizard.txt'},
			namespace: 'ca-wizard',
			name: 'hello-ca-wizard',
			version: '1.0.0',
			assetName: 'hello-ca-wizard-1.0.0.tar.gz',
		});
	});

	it("names the package after the file, unless --package says; the flags' values are kept", () => {
		expect(planPublish({file: '/tmp/work/Release Notes.md'})).toMatchObject({
			source: {kind: 'path', path: '/tmp/work/Release Notes.md'},
			name: 'release-notes',
		});
		expect(planPublish({file: 'dist/', namespace: 'acme', package: 'site', version: '2.1'})).toMatchObject({
			namespace: 'acme',
			name: 'site',
			version: '2.1',
			assetName: 'site-2.1.tar.gz',
		});
		expect(planPublish({file: '...'})).toMatchObject({name: 'hello-ca-wizard'});
	});

	it('writes a sample that says what it is and where it went', () => {
		const text = sampleText(planPublish({}), {domain: 'd', repository: 'r'}, new Date('2026-12-02T16:00:00Z'));
		expect(text).toContain('ca-wizard/hello-ca-wizard 1.0.0 to d/r');
		expect(text).toContain('2026-12-02T16:00:00.000Z');
	});
});
