import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {detectJava, detectMaven, locateMaven, mavenCommand, runMaven} from '../../source/maven/mvn.js';

let project: string;
const token = 'eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMH0.secret-token-value';

beforeEach(async () => {
	project = await mkdtemp(join(tmpdir(), 'ca-wizard-mvn-'));
});
afterEach(async () => {
	await rm(project, {recursive: true, force: true});
});

/** A stand-in for the Maven wrapper: prints its arguments and the token's length, never the token. */
async function fakeWrapper(body = 'exit 0'): Promise<void> {
	const script = ['#!/bin/sh', 'for argument in "$@"; do echo "arg: $argument"; done', 'echo "token length: ${#CODEARTIFACT_AUTH_TOKEN}"', body, ''].join('\n');
	await writeFile(join(project, 'mvnw'), script);
	await chmod(join(project, 'mvnw'), 0o755);
}

describe('runMaven', () => {
	test('uses ./mvnw, passes the token only through the environment', async () => {
		await fakeWrapper();
		const lines: string[] = [];
		const result = await runMaven({
			projectDir: project,
			settingsPath: '/home/me/.m2/settings.xml',
			localRepository: join(project, 'repo'),
			goals: ['-q', 'dependency:resolve'],
			token,
			onLine: line => lines.push(line),
		});
		expect(result).toEqual({exitCode: 0, success: true});
		expect(lines).toEqual([
			'arg: -B',
			'arg: -V',
			'arg: -s',
			'arg: /home/me/.m2/settings.xml',
			`arg: -Dmaven.repo.local=${join(project, 'repo')}`,
			'arg: -q',
			'arg: dependency:resolve',
			`token length: ${token.length}`,
		]);
		expect(lines.join('\n')).not.toContain(token);
	});

	test('a failed build is a result', async () => {
		await fakeWrapper('exit 1');
		expect(await runMaven({projectDir: project, settingsPath: 's.xml', goals: ['verify'], token})).toEqual({exitCode: 1, success: false});
	});

	test('masks the token if the build ever prints it', async () => {
		await fakeWrapper('echo "debug: password=$CODEARTIFACT_AUTH_TOKEN"');
		const lines: string[] = [];
		await runMaven({projectDir: project, settingsPath: 's.xml', goals: [], token, onLine: line => lines.push(line)});
		expect(lines).toContain('debug: password=****');
	});

	test('the settings text Maven quotes around a parse problem is masked: it may hold a password', async () => {
		// Maven 3.8.7's own words for <password>hunter2<foo/></password> (checked with mvn -s FILE validate).
		const said =
			'[FATAL] Non-parseable settings /h/s.xml: TEXT must be immediately followed by END_TAG and not START_TAG (position: START_TAG seen ...<password>hunter2<foo/>... @1:61)  @ /h/s.xml, line 1, column 61';
		await fakeWrapper(`echo '${said}'`);
		const lines: string[] = [];
		await runMaven({projectDir: project, settingsPath: 's.xml', goals: [], token, onLine: line => lines.push(line)});
		expect(lines).toContain(
			'[FATAL] Non-parseable settings /h/s.xml: TEXT must be immediately followed by END_TAG and not START_TAG (position: START_TAG seen (not shown) @1:61)  @ /h/s.xml, line 1, column 61',
		);
	});
});

describe('mavenCommand', () => {
	test('the wrapper only when it is an executable file', async () => {
		expect(mavenCommand(project)).toEqual({command: 'mvn', wrapper: false});
		await writeFile(join(project, 'mvnw'), '#!/bin/sh\n');
		expect(mavenCommand(project)).toEqual({command: 'mvn', wrapper: false});
		await chmod(join(project, 'mvnw'), 0o755);
		expect(mavenCommand(project)).toEqual({command: join(project, 'mvnw'), wrapper: true});
	});

	test('a folder named mvnw is not a wrapper', async () => {
		await mkdir(join(project, 'mvnw'));
		expect(mavenCommand(project)).toEqual({command: 'mvn', wrapper: false});
	});
});

describe('detection', () => {
	test('detectMaven reads `mvn -v`', async () => {
		expect(await detectMaven()).toMatch(/^Apache Maven \d+\.\d+\.\d+/);
	});

	test('locateMaven finds mvn on the PATH without running it, and nothing on a PATH without it', async () => {
		const found = await locateMaven();
		expect(found).toMatch(/[/\\]mvn(\.cmd)?$/);
		const path = process.env.PATH;
		try {
			process.env.PATH = project;
			expect(await locateMaven()).toBeUndefined();
		} finally {
			process.env.PATH = path;
		}
	});

	test('detectJava reads `java -version` from stderr', async () => {
		expect(await detectJava()).toMatch(/version "\d+/);
	});
});
