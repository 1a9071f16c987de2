import {describe, expect, it} from 'vitest';
import {parseMavenPath} from '../../../source/sandbox/maven/maven-path.js';

describe('parseMavenPath', () => {
	it('parses a plain artifact', () => {
		expect(parseMavenPath('org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar')).toEqual({
			kind: 'artifact',
			groupId: 'org.apache.commons',
			artifactId: 'commons-lang3',
			version: '3.14.0',
			fileName: 'commons-lang3-3.14.0.jar',
		});
	});

	it('accepts classifiers and multi-part extensions', () => {
		const sources = parseMavenPath('com/example/app/1.0/app-1.0-sources.jar');
		expect(sources).toMatchObject({kind: 'artifact', fileName: 'app-1.0-sources.jar'});
		expect(parseMavenPath('com/example/app/1.0/app-1.0-bin.tar.gz')).toMatchObject({kind: 'artifact'});
		expect(parseMavenPath('com/example/app/1.0/app-1.0.jar.asc')).toMatchObject({kind: 'artifact'});
	});

	it.each(['sha1', 'md5', 'sha256', 'sha512'] as const)('strips the .%s checksum suffix', checksum => {
		expect(parseMavenPath(`junit/junit/4.13.2/junit-4.13.2.pom.${checksum}`)).toEqual({
			kind: 'artifact',
			groupId: 'junit',
			artifactId: 'junit',
			version: '4.13.2',
			fileName: 'junit-4.13.2.pom',
			checksum,
		});
		expect(parseMavenPath(`junit/junit/maven-metadata.xml.${checksum}`)).toEqual({
			kind: 'metadata',
			path: 'junit/junit/maven-metadata.xml',
			checksum,
		});
	});

	it('parses group-, artifact- and snapshot-version-level metadata', () => {
		for (const path of [
			'org/apache/maven/plugins/maven-metadata.xml',
			'org/apache/commons/commons-lang3/maven-metadata.xml',
			'com/example/app/1.0-SNAPSHOT/maven-metadata.xml',
		]) {
			expect(parseMavenPath(path)).toEqual({kind: 'metadata', path});
		}
		expect(parseMavenPath('maven-metadata.xml').kind).toBe('invalid');
	});

	it('accepts SNAPSHOT file names, plain and timestamped', () => {
		expect(parseMavenPath('com/example/app/1.0-SNAPSHOT/app-1.0-SNAPSHOT.jar')).toMatchObject({
			kind: 'artifact',
			version: '1.0-SNAPSHOT',
		});
		expect(parseMavenPath('com/example/app/1.0-SNAPSHOT/app-1.0-20240102.030405-7.pom.sha1')).toEqual({
			kind: 'artifact',
			groupId: 'com.example',
			artifactId: 'app',
			version: '1.0-SNAPSHOT',
			fileName: 'app-1.0-20240102.030405-7.pom',
			checksum: 'sha1',
		});
		// A timestamp is only valid for snapshot versions, and must be well formed.
		expect(parseMavenPath('com/example/app/1.0/app-1.0-20240102.030405-7.jar').kind).toBe('artifact'); // classifier-like
		expect(parseMavenPath('com/example/app/1.0-SNAPSHOT/app-1.0-2024.jar').kind).toBe('invalid');
	});

	it('decodes segments once', () => {
		expect(parseMavenPath('com/example/my%2Bapp/1.0/my%2Bapp-1.0.jar')).toMatchObject({
			artifactId: 'my+app',
			fileName: 'my+app-1.0.jar',
		});
		// %252e%252e decodes once to the literal "%2e%2e", which is a harmless name.
		expect(parseMavenPath('com/%252e%252e/app/1.0/app-1.0.jar')).toMatchObject({groupId: 'com.%2e%2e'});
	});

	it('rejects coordinates the CodeArtifact API could not name ([^#/\\s]+, 1 to 255 characters)', () => {
		const long = 'v'.repeat(256);
		for (const path of [
			'com/example/my%20app/1.0/my%20app-1.0.jar',
			'com/example/app/1.0%231/app-1.0%231.jar',
			'com/ex%09ample/app/1.0/app-1.0.jar',
			`com/example/app/${long}/app-${long}.jar`,
			`${'g/'.repeat(129)}app/1.0/app-1.0.jar`, // a groupId of 257 characters
			'com/example/my%20app/maven-metadata.xml',
			'com/ex%23ample/app/maven-metadata.xml',
		]) {
			const result = parseMavenPath(path);
			expect(result.kind, path).toBe('invalid');
			expect((result as {reason: string}).reason, path).toMatch(/failed to satisfy constraint/);
		}
		expect(parseMavenPath(`com/example/app/${'v'.repeat(240)}/app-${'v'.repeat(240)}.jar`).kind).toBe('artifact');
		expect(parseMavenPath(`${'g/'.repeat(128)}app/1.0/app-1.0.jar`).kind).toBe('artifact'); // a groupId of 255 characters
		expect(parseMavenPath('com/example/app/1.0/app-1.0%E2%80%8B.jar').kind).toBe('invalid'); // a format character in the asset name
	});

	it('rejects file names that do not belong to the coordinates', () => {
		for (const path of [
			'com/example/app/1.0/other-1.0.jar',
			'com/example/app/1.0/app-1.0X.jar',
			'com/example/app/1.0/app-1.0',
			'com/example/app/1.0/app-1.0.',
			'com/example/app/1.0/app-1.0-',
			'com/example/app/1.0/_remote.repositories',
			'com/example/app/1.0/resolver-status.properties',
		]) {
			expect(parseMavenPath(path).kind, path).toBe('invalid');
		}
	});

	it('rejects short, empty and absolute paths', () => {
		for (const path of [
			'',
			'app/1.0/app-1.0.jar',
			'/com/example/app/1.0/app-1.0.jar',
			'\\com/example/app/1.0/app-1.0.jar',
			'com//example/app/1.0/app-1.0.jar',
			'com/example/app/1.0/app-1.0.jar/',
		]) {
			expect(parseMavenPath(path).kind, JSON.stringify(path)).toBe('invalid');
		}
	});

	it('rejects traversal, raw and percent-encoded', () => {
		for (const path of [
			'../etc/app/1.0/app-1.0.jar',
			'com/../../app/1.0/app-1.0.jar',
			'com/./example/app/1.0/app-1.0.jar',
			'%2e%2e/etc/app/1.0/app-1.0.jar',
			'%2E%2E/etc/app/1.0/app-1.0.jar',
			'com/%2e/app/1.0/app-1.0.jar',
			'com/..%2F..%2Fetc/app/1.0/app-1.0.jar',
			'com/%2F/app/1.0/app-1.0.jar',
			'com/..%5C..%5Cetc/app/1.0/app-1.0.jar',
			'com/a\\b/app/1.0/app-1.0.jar',
			'com/a%00b/app/1.0/app-1.0.jar',
			'com/%E0%A4%A/app/1.0/app-1.0.jar',
			'../../maven-metadata.xml',
			'%2e%2e/maven-metadata.xml',
		]) {
			const result = parseMavenPath(path);
			expect(result.kind, path).toBe('invalid');
			expect(result).toHaveProperty('reason');
		}
	});
});
