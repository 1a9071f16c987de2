import {describe, expect, test} from 'vitest';
import {artifactFromUrl, firstErrorLines, parseMavenLine} from '../../source/maven/maven-log.js';

// Captured from Maven 3.8.7 (-B, and without -B with -Dstyle.color=always) against a local repository server.
const downloadingPom =
	'[INFO] Downloading from codeartifact: http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.pom';
const downloadedPom =
	'[INFO] Downloaded from codeartifact: http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.pom (31 kB at 247 kB/s)';
const downloadedJar =
	'[INFO] Downloaded from codeartifact: http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/com/fasterxml/jackson/core/jackson-databind/2.17.2/jackson-databind-2.17.2.jar (1.6 MB at 3.2 MB/s)';
const buildSuccess = '[INFO] BUILD SUCCESS';
const unauthorizedRun = [
	'[INFO] Downloading from codeartifact: http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/org/apache/maven/plugins/maven-resources-plugin/3.3.1/maven-resources-plugin-3.3.1.pom',
	'[INFO] ------------------------------------------------------------------------',
	'[INFO] BUILD FAILURE',
	'[INFO] ------------------------------------------------------------------------',
	'[INFO] Total time:  1.144 s',
	'[INFO] Finished at: 2026-11-22T22:24:40Z',
	'[INFO] ------------------------------------------------------------------------',
	'[ERROR] Plugin org.apache.maven.plugins:maven-resources-plugin:3.3.1 or one of its dependencies could not be resolved: Failed to read artifact descriptor for org.apache.maven.plugins:maven-resources-plugin:jar:3.3.1: Could not transfer artifact org.apache.maven.plugins:maven-resources-plugin:pom:3.3.1 from/to codeartifact (http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/): authentication failed for http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/org/apache/maven/plugins/maven-resources-plugin/3.3.1/maven-resources-plugin-3.3.1.pom, status: 401 Unauthorized -> [Help 1]',
	'[ERROR] ',
	'[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.',
	'[ERROR] Re-run Maven using the -X switch to enable full debug logging.',
	'[ERROR] ',
	'[ERROR] For more information about the errors and possible solutions, please read the following articles:',
	'[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/PluginResolutionException',
	'\u001B[0m\u001B[0m',
];
const forbiddenError =
	'[ERROR] Plugin org.apache.maven.plugins:maven-resources-plugin:3.3.1 or one of its dependencies could not be resolved: Failed to read artifact descriptor for org.apache.maven.plugins:maven-resources-plugin:jar:3.3.1: Could not transfer artifact org.apache.maven.plugins:maven-resources-plugin:pom:3.3.1 from/to codeartifact (http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/): authorization failed for http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/org/apache/maven/plugins/maven-resources-plugin/3.3.1/maven-resources-plugin-3.3.1.pom, status: 403 Forbidden -> [Help 1]';
const connectionRefusedColourRun = [
	'[\u001B[1;34mINFO\u001B[m] \u001B[1m--------------------------------[ jar ]---------------------------------\u001B[m',
	'Downloading from codeartifact: http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/org/apache/maven/plugins/maven-resources-plugin/3.3.1/maven-resources-plugin-3.3.1.pom',
	'[\u001B[1;34mINFO\u001B[m] \u001B[1m------------------------------------------------------------------------\u001B[m',
	'[\u001B[1;34mINFO\u001B[m] \u001B[1;31mBUILD FAILURE\u001B[m',
	'[\u001B[1;34mINFO\u001B[m] \u001B[1m------------------------------------------------------------------------\u001B[m',
	'[\u001B[1;34mINFO\u001B[m] Total time:  0.936 s',
	'[\u001B[1;34mINFO\u001B[m] Finished at: 2026-11-22T22:25:13Z',
	'[\u001B[1;34mINFO\u001B[m] \u001B[1m------------------------------------------------------------------------\u001B[m',
	'[\u001B[1;31mERROR\u001B[m] Plugin org.apache.maven.plugins:maven-resources-plugin:3.3.1 or one of its dependencies could not be resolved: Failed to read artifact descriptor for org.apache.maven.plugins:maven-resources-plugin:jar:3.3.1: Could not transfer artifact org.apache.maven.plugins:maven-resources-plugin:pom:3.3.1 from/to codeartifact (http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/): transfer failed for http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/org/apache/maven/plugins/maven-resources-plugin/3.3.1/maven-resources-plugin-3.3.1.pom: Connect to 127.0.0.1:7799 [/127.0.0.1] failed: Connection refused -> \u001B[1m[Help 1]\u001B[m',
	'[\u001B[1;31mERROR\u001B[m] ',
	'[\u001B[1;31mERROR\u001B[m] To see the full stack trace of the errors, re-run Maven with the \u001B[1m-e\u001B[m switch.',
	'[\u001B[1;31mERROR\u001B[m] Re-run Maven using the \u001B[1m-X\u001B[m switch to enable full debug logging.',
	'[\u001B[1;31mERROR\u001B[m] ',
	'[\u001B[1;31mERROR\u001B[m] For more information about the errors and possible solutions, please read the following articles:',
	'[\u001B[1;31mERROR\u001B[m] \u001B[1m[Help 1]\u001B[m http://cwiki.apache.org/confluence/display/MAVEN/PluginResolutionException',
	'\u001B[0m\u001B[0m',
];
// Maven 3.8.7 -B, when the parent POM is refused with 401 (before the build starts: no BUILD FAILURE line).
const parentPomRun = [
	'[ERROR] [ERROR] Some problems were encountered while processing the POMs:',
	"[FATAL] Non-resolvable parent POM for org.example.ca:demo:1.0.0: Could not transfer artifact org.example.ca:ca-parent:pom:1.0.0 from/to codeartifact (http://127.0.0.1:38423/d/demo-123456789012/maven/my-repo/): authentication failed for http://127.0.0.1:38423/d/demo-123456789012/maven/my-repo/org/example/ca/ca-parent/1.0.0/ca-parent-1.0.0.pom, status: 401 Unauthorized and 'parent.relativePath' points at no local POM @ line 2, column 9",
	' @ ',
	'[ERROR] The build could not read 1 project -> [Help 1]',
	'[ERROR]   ',
	'[ERROR]   The project org.example.ca:demo:1.0.0 (/tmp/ca-wizard-build-vCnoKp/pom.xml) has 1 error',
	"[ERROR]     Non-resolvable parent POM for org.example.ca:demo:1.0.0: Could not transfer artifact org.example.ca:ca-parent:pom:1.0.0 from/to codeartifact (http://127.0.0.1:38423/d/demo-123456789012/maven/my-repo/): authentication failed for http://127.0.0.1:38423/d/demo-123456789012/maven/my-repo/org/example/ca/ca-parent/1.0.0/ca-parent-1.0.0.pom, status: 401 Unauthorized and 'parent.relativePath' points at no local POM @ line 2, column 9 -> [Help 2]",
	'[ERROR] ',
	'[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.',
	'[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/ProjectBuildingException',
];

const base = 'http://127.0.0.1:7799/d/demo-123456789012/maven/my-repo/';

describe('parseMavenLine', () => {
	test('reads a download start with the artifact coordinates from the URL', () => {
		expect(parseMavenLine(downloadingPom, base)).toEqual({
			kind: 'downloading',
			repositoryId: 'codeartifact',
			url: `${base}org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.pom`,
			artifact: {groupId: 'org.apache.commons', artifactId: 'commons-lang3', version: '3.14.0', fileName: 'commons-lang3-3.14.0.pom'},
		});
	});

	test('reads a finished download with its size', () => {
		expect(parseMavenLine(downloadedPom, base)).toMatchObject({kind: 'downloaded', size: '31 kB', artifact: {artifactId: 'commons-lang3'}});
		expect(parseMavenLine(downloadedJar, base)).toMatchObject({
			kind: 'downloaded',
			size: '1.6 MB',
			artifact: {groupId: 'com.fasterxml.jackson.core', artifactId: 'jackson-databind', version: '2.17.2', fileName: 'jackson-databind-2.17.2.jar'},
		});
	});

	test('leaves the coordinates out without a base URL or outside it', () => {
		const event = parseMavenLine(downloadingPom);
		expect(event).toMatchObject({kind: 'downloading', repositoryId: 'codeartifact'});
		expect(event).not.toHaveProperty('artifact');
		expect(parseMavenLine(downloadingPom, 'https://elsewhere.example/maven/')).not.toHaveProperty('artifact');
	});

	test('reads coloured output without -B, where downloads have no [INFO] prefix', () => {
		expect(parseMavenLine(connectionRefusedColourRun[1]!, base)).toMatchObject({
			kind: 'downloading',
			artifact: {artifactId: 'maven-resources-plugin', version: '3.3.1'},
		});
		expect(parseMavenLine(connectionRefusedColourRun[3]!)).toEqual({kind: 'result', success: false});
		expect(parseMavenLine(connectionRefusedColourRun[8]!)).toMatchObject({kind: 'error', line: expect.stringContaining('Connection refused')});
	});

	test('reads the build result', () => {
		expect(parseMavenLine(buildSuccess)).toEqual({kind: 'result', success: true});
		expect(parseMavenLine(unauthorizedRun[2]!)).toEqual({kind: 'result', success: false});
	});

	test('reads HTTP statuses of failed transfers, with the URL that failed', () => {
		expect(parseMavenLine(unauthorizedRun[7]!)).toMatchObject({
			kind: 'http-status',
			status: 401,
			url: `${base}org/apache/maven/plugins/maven-resources-plugin/3.3.1/maven-resources-plugin-3.3.1.pom`,
		});
		expect(parseMavenLine(forbiddenError)).toMatchObject({kind: 'http-status', status: 403});
		// Maven 3.9's resolver wording.
		const maven39 =
			'[ERROR] Failed to execute goal on project demo: Could not resolve dependencies for project com.example:demo:jar:1.0: Could not transfer artifact org.apache.commons:commons-lang3:pom:3.14.0 from/to codeartifact (https://d-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/r/): status code: 401, reason phrase: Unauthorized (401) -> [Help 1]';
		expect(parseMavenLine(maven39)).toMatchObject({
			kind: 'http-status',
			status: 401,
			url: 'https://d-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/r/',
		});
	});

	test('reads [FATAL] and doubled [ERROR] prefixes, as when a parent POM cannot be resolved', () => {
		expect(parseMavenLine(parentPomRun[0]!)).toEqual({kind: 'error', line: 'Some problems were encountered while processing the POMs:'});
		expect(parseMavenLine(parentPomRun[1]!)).toMatchObject({
			kind: 'http-status',
			status: 401,
			url: 'http://127.0.0.1:38423/d/demo-123456789012/maven/my-repo/org/example/ca/ca-parent/1.0.0/ca-parent-1.0.0.pom',
		});
		expect(firstErrorLines(parentPomRun)).toEqual([
			'Some problems were encountered while processing the POMs:',
			expect.stringMatching(/^Non-resolvable parent POM .* column 9$/),
			'The build could not read 1 project',
			'The project org.example.ca:demo:1.0.0 (/tmp/ca-wizard-build-vCnoKp/pom.xml) has 1 error',
		]);
	});

	test('anything else is other, with colours removed', () => {
		expect(parseMavenLine(connectionRefusedColourRun[5]!)).toEqual({kind: 'other', line: '[INFO] Total time:  0.936 s'});
		expect(parseMavenLine('')).toEqual({kind: 'other', line: ''});
	});
});

describe('firstErrorLines', () => {
	const expected = expect.stringMatching(/^Plugin org\.apache\.maven\.plugins:maven-resources-plugin:3\.3\.1 .*status: 401 Unauthorized$/);

	test("keeps what went wrong and drops Maven's advice", () => {
		expect(firstErrorLines(unauthorizedRun)).toEqual([expected]);
		expect(firstErrorLines(connectionRefusedColourRun)).toEqual([expect.stringContaining('Connection refused')]);
	});

	test('stops at the count', () => {
		expect(firstErrorLines(['[ERROR] one', '[ERROR] two', '[ERROR] three'], 2)).toEqual(['one', 'two']);
		expect(firstErrorLines(['[INFO] fine', '[WARNING] status: 401 Unauthorized'])).toEqual([]);
	});
});

describe('artifactFromUrl', () => {
	test('reads snapshots and rejects paths that are not the Maven layout', () => {
		expect(artifactFromUrl(`${base}com/acme/lib/1.0-SNAPSHOT/lib-1.0-20240101.120000-3.jar`, base)).toEqual({
			groupId: 'com.acme',
			artifactId: 'lib',
			version: '1.0-SNAPSHOT',
			fileName: 'lib-1.0-20240101.120000-3.jar',
		});
		expect(artifactFromUrl(`${base}org/apache/commons/commons-lang3/maven-metadata.xml`, base)).toBeUndefined();
		expect(artifactFromUrl(`${base}lib/1.0/lib-1.0.jar`, base)).toBeUndefined();
		expect(artifactFromUrl(`${base}a/lib/1.0/lib-1.0%ZZ.jar`, base)).toBeUndefined();
	});
});
