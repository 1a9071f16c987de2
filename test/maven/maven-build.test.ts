import {once} from 'node:events';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {writeFileSafely} from '../../source/files/write-file-safely.js';
import {firstErrorLines, parseMavenLine, type MavenLogEvent} from '../../source/maven/maven-log.js';
import {runMaven} from '../../source/maven/mvn.js';
import {mergeSettings} from '../../source/maven/settings-xml.js';

// The pieces together, with the real mvn: our merged settings.xml, written safely, makes Maven
// send the token from the environment to the mirror; the log parser reads what Maven printed.
// The project's parent POM is only on our little repository server, and resolving a parent
// needs no plugin, so `mvn validate` works offline.

const token = 'test-token-0123456789';
const repositoryPath = '/d/demo-123456789012/maven/my-repo/';
const parentPom = `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>org.example.ca</groupId><artifactId>ca-parent</artifactId><version>1.0.0</version><packaging>pom</packaging></project>`;
const projectPom = `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<parent><groupId>org.example.ca</groupId><artifactId>ca-parent</artifactId><version>1.0.0</version><relativePath/></parent>
<artifactId>demo</artifactId></project>`;

let folder: string;
let server: Server;
let baseUrl: string;
const authorizations: Array<string | undefined> = [];

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'ca-wizard-build-'));
	await writeFile(join(folder, 'pom.xml'), projectPom);
	server = createServer((request, response) => {
		authorizations.push(request.headers.authorization);
		if (request.headers.authorization !== `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`) {
			response.writeHead(401, {'WWW-Authenticate': 'Basic realm="CodeArtifact"'}).end();
		} else if (request.url === `${repositoryPath}org/example/ca/ca-parent/1.0.0/ca-parent-1.0.0.pom`) {
			response.writeHead(200, {'Content-Type': 'text/xml'}).end(parentPom);
		} else {
			response.writeHead(404).end();
		}
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${repositoryPath}`;
});

afterAll(async () => {
	server.close();
	await rm(folder, {recursive: true, force: true});
});

async function build(buildToken: string, name: string): Promise<{success: boolean; lines: string[]; events: MavenLogEvent[]}> {
	const settingsPath = join(folder, name, 'settings.xml');
	const merged = mergeSettings(undefined, {id: 'codeartifact', url: baseUrl});
	if (!merged.ok) throw new Error(merged.message);
	await writeFileSafely(settingsPath, merged.text, {mode: 0o600});
	const lines: string[] = [];
	const {success} = await runMaven({
		projectDir: folder,
		settingsPath,
		localRepository: join(folder, name, 'repository'),
		goals: ['validate'],
		token: buildToken,
		onLine: line => lines.push(line),
	});
	return {success, lines, events: lines.map(line => parseMavenLine(line, baseUrl))};
}

describe('a Maven build through our settings', () => {
	test('resolves through the mirror with the token from the environment', async () => {
		const {success, events} = await build(token, 'good');
		expect(success).toBe(true);
		expect(events).toContainEqual({
			kind: 'downloaded',
			repositoryId: 'codeartifact',
			url: `${baseUrl}org/example/ca/ca-parent/1.0.0/ca-parent-1.0.0.pom`,
			artifact: {groupId: 'org.example.ca', artifactId: 'ca-parent', version: '1.0.0', fileName: 'ca-parent-1.0.0.pom'},
			size: expect.stringMatching(/B$/),
		});
		expect(events).toContainEqual({kind: 'result', success: true});
		expect(authorizations.at(-1)).toBe(`Basic ${Buffer.from(`aws:${token}`).toString('base64')}`);
		// The settings file names the variable, never the token.
		expect(await readFile(join(folder, 'good', 'settings.xml'), 'utf8')).not.toContain(token);
	});

	test('a wrong token shows as HTTP 401 in the log', async () => {
		const {success, lines, events} = await build('wrong-token-0000', 'bad');
		expect(success).toBe(false);
		expect(events).toContainEqual(expect.objectContaining({kind: 'http-status', status: 401}));
		// A parent that cannot be resolved stops Maven before the build starts: no BUILD FAILURE line.
		const errors = firstErrorLines(lines);
		expect(errors[0]).toBe('Some problems were encountered while processing the POMs:');
		expect(errors[1]).toMatch(/^Non-resolvable parent POM .* status: 401 Unauthorized/);
		expect(errors.filter(error => error.startsWith('Non-resolvable parent POM'))).toHaveLength(1);
	});
});
