import {createHash} from 'node:crypto';
import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createMavenUpstream, type MavenUpstream} from '../../../source/sandbox/maven/upstream.js';

// A temporary folder laid out like ~/.m2/repository, bookkeeping files included.
let base: string;
let repo: string;
let upstream: MavenUpstream;

const jar = Buffer.from('PK\u0003\u0004 not really a jar');
const pom = '<project><modelVersion>4.0.0</modelVersion></project>';

async function put(relative: string, content: string | Buffer): Promise<void> {
	const file = join(repo, relative);
	await mkdir(dirname(file), {recursive: true});
	await writeFile(file, content);
}

const text = async (path: string) => (await upstream.fetch(path))?.body.toString('utf8');

beforeAll(async () => {
	base = await mkdtemp(join(tmpdir(), 'ca-wizard-upstream-'));
	repo = join(base, 'repository');
	await put('com/example/lib/1.0/lib-1.0.jar', jar);
	await put('com/example/lib/1.0/lib-1.0.pom', pom);
	await put('com/example/lib/1.0/lib-1.0.pom.sha1', 'stale-checksum  lib-1.0.pom');
	await put('com/example/lib/1.0/_remote.repositories', 'lib-1.0.jar>central=');
	await put('com/example/lib/1.0/lib-1.0-sources.jar.lastUpdated', 'failed');
	await put('com/example/lib/maven-metadata-central.xml', '<metadata>central</metadata>');
	await put('com/example/lib/maven-metadata-other.xml', '<metadata>other</metadata>');
	await put('com/example/lib/resolver-status.properties', 'x=y');
	await put('com/example/only/maven-metadata-local.xml', '<metadata>local</metadata>');
	await put('com/example/only/1.0/only-1.0.jar', jar);
	await writeFile(join(base, 'secret-1.0.jar'), 'outside the repository');
	await writeFile(join(base, 'maven-metadata-central.xml'), '<metadata>outside</metadata>');
	await mkdir(join(repo, 'com/example/escape/1.0'), {recursive: true});
	await symlink(join(base, 'secret-1.0.jar'), join(repo, 'com/example/escape/1.0/escape-1.0.jar'));
	await symlink(base, join(repo, 'com/example/linked'));
	await symlink(join(repo, 'com/example/lib/1.0/lib-1.0.pom'), join(repo, 'com/example/lib/1.0/lib-1.0-alias.pom'));
	upstream = createMavenUpstream(repo);
});

afterAll(async () => {
	await rm(base, {recursive: true, force: true});
});

describe('directory upstream', () => {
	it('describes itself', () => {
		expect(upstream.description).toBe(`local Maven repository ${repo}`);
	});

	it('serves artifacts with a content type', async () => {
		const file = await upstream.fetch('com/example/lib/1.0/lib-1.0.jar');
		expect(file?.body.equals(jar)).toBe(true);
		expect(file?.contentType).toBe('application/java-archive');
		expect((await upstream.fetch('com/example/lib/1.0/lib-1.0.pom'))?.contentType).toBe('application/xml');
	});

	it('returns undefined for missing files and directories', async () => {
		expect(await upstream.fetch('com/example/lib/2.0/lib-2.0.jar')).toBeUndefined();
		expect(await upstream.fetch('com/example/lib/1.0/lib-1.0-javadoc.jar')).toBeUndefined();
		expect(await upstream.fetch('com/example/nothing/maven-metadata.xml')).toBeUndefined();
	});

	it('serves maven-metadata-<repoId>.xml as maven-metadata.xml, preferring central', async () => {
		expect(await text('com/example/lib/maven-metadata.xml')).toBe('<metadata>central</metadata>');
		expect(await text('com/example/only/maven-metadata.xml')).toBe('<metadata>local</metadata>');
		expect(await upstream.fetch('com/example/lib/maven-metadata-central.xml')).toBeUndefined();
	});

	it('hides local bookkeeping files', async () => {
		expect(await upstream.fetch('com/example/lib/1.0/_remote.repositories')).toBeUndefined();
		expect(await upstream.fetch('com/example/lib/1.0/lib-1.0-sources.jar.lastUpdated')).toBeUndefined();
		expect(await upstream.fetch('com/example/lib/resolver-status.properties')).toBeUndefined();
	});

	it('computes checksums from the served bytes', async () => {
		for (const algorithm of ['sha1', 'md5', 'sha256', 'sha512'] as const) {
			const expected = createHash(algorithm).update(jar).digest('hex');
			const file = await upstream.fetch(`com/example/lib/1.0/lib-1.0.jar.${algorithm}`);
			expect(file?.body.toString()).toBe(expected);
			expect(file?.contentType).toBe('text/plain');
		}
		// A stale local .sha1 (with a file name) is ignored in favour of the real digest.
		expect(await text('com/example/lib/1.0/lib-1.0.pom.sha1')).toBe(createHash('sha1').update(pom).digest('hex'));
		const metadataSha1 = createHash('sha1').update('<metadata>central</metadata>').digest('hex');
		expect(await text('com/example/lib/maven-metadata.xml.sha1')).toBe(metadataSha1);
		expect(await upstream.fetch('com/example/lib/1.0/lib-2.0.jar.sha1')).toBeUndefined();
	});

	it('refuses traversal', async () => {
		for (const path of [
			'../secret-1.0.jar',
			'com/../../secret/1.0/secret-1.0.jar',
			'%2e%2e/%2e%2e/secret/1.0/secret-1.0.jar',
			'com/..%2F..%2Fx/secret/1.0/secret-1.0.jar',
			'com/example/lib/..%2F..%2F..%2F..%2Fmaven-metadata.xml',
			'/etc/passwd',
		]) {
			expect(await upstream.fetch(path), path).toBeUndefined();
		}
	});

	it('refuses symlinks that escape the repository but follows internal ones', async () => {
		expect(await upstream.fetch('com/example/escape/1.0/escape-1.0.jar')).toBeUndefined();
		expect(await upstream.fetch('com/example/escape/1.0/escape-1.0.jar.sha1')).toBeUndefined();
		expect(await upstream.fetch('com/example/linked/maven-metadata.xml')).toBeUndefined();
		expect(await text('com/example/lib/1.0/lib-1.0-alias.pom')).toBe(pom);
	});

	it('accepts file: URLs and ~ as directory specs', async () => {
		const viaUrl = createMavenUpstream(pathToFileURL(repo).href);
		expect((await viaUrl.fetch('com/example/lib/1.0/lib-1.0.jar'))?.body.equals(jar)).toBe(true);
		expect(createMavenUpstream('~/.m2/repository').description).toMatch(/^local Maven repository \/.*\.m2\/repository$/);
	});
});
