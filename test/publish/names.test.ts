import {describe, expect, it} from 'vitest';
import {assetNameFor, packageNameFrom, packageNameProblem, versionProblem} from '../../source/publish/names.js';

describe("a generic package's names", () => {
	it('takes what CodeArtifact takes and names the rule otherwise', () => {
		expect(packageNameProblem('hello-ca-wizard')).toBeUndefined();
		expect(packageNameProblem('@scope.x')).toBeUndefined();
		for (const bad of ['', 'a/b', 'a b', 'a#b', 'a!b', 'x'.repeat(256)]) expect(packageNameProblem(bad)).toMatch(/1–255 characters/);
		expect(versionProblem('1.0.0!')).toBeUndefined();
		for (const bad of ['', '1/0', '1 0', '1#0']) expect(versionProblem(bad)).toMatch(/1–255 characters/);
	});

	it('makes a package name from a file name, without extensions', () => {
		expect(packageNameFrom('notes.txt')).toBe('notes');
		expect(packageNameFrom('My Report 2026.tar.gz')).toBe('my-report-2026');
		expect(packageNameFrom('dist')).toBe('dist');
		expect(packageNameFrom('.profile')).toBeUndefined();
		expect(packageNameFrom('***')).toBeUndefined();
	});

	it('names the asset PACKAGE-VERSION.tar.gz with only characters an asset name may hold', () => {
		expect(assetNameFor('hello-ca-wizard', '1.0.0')).toBe('hello-ca-wizard-1.0.0.tar.gz');
		expect(assetNameFor('a$b', '1.0.0%x')).toBe('a-b-1.0.0-x.tar.gz');
	});
});
