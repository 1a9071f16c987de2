import {writeFileSync, rmSync} from 'node:fs';
import {request as httpRequest} from 'node:http';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {issueAuthorizationToken} from '../../source/sandbox/codeartifact/auth-token.js';
import {startSandbox, type RunningSandbox} from '../../source/sandbox/index.js';
import type {SandboxState} from '../../source/sandbox/state.js';
import {initialState} from '../../source/sandbox/store/initial-state.js';
import {offlineMavenCentral, temporaryDirectory} from '../helpers/sandbox.js';
import {roleRecord} from '../helpers/role-record.js';

// A request is authenticated (and a Maven upload authorized) before its body is read: a caller
// nobody knows, or one who may not publish, never gets a large upload buffered. Each request
// here announces a megabyte and sends 100 bytes: only an answer that needs no body can come.

const domain = 'acme';

/** Sends the head and a little of the body, never the rest; resolves with the answer. */
function partialUpload(
	url: string,
	method: string,
	headers: Record<string, string>,
): Promise<{status: number; headers: Record<string, unknown>; body: string}> {
	return new Promise((resolve, reject) => {
		const request = httpRequest(url, {method, headers: {...headers, 'content-length': String(1024 * 1024)}}, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () => {
				clearTimeout(timer);
				request.destroy();
				resolve({status: response.statusCode ?? 0, headers: response.headers, body});
			});
		});
		const timer = setTimeout(() => {
			request.destroy();
			reject(new Error('no answer: the server waited for a body that never came'));
		}, 3000);
		request.on('error', error => (request.destroyed ? undefined : reject(error)));
		request.write('x'.repeat(100));
	});
}

const fakeAuthorization = (accessKeyId: string, region: string, service: string) =>
	`AWS4-HMAC-SHA256 Credential=${accessKeyId}/20300101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

describe('authentication before the body', () => {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	let state: SandboxState;
	let sandbox: RunningSandbox;

	beforeAll(async () => {
		state = initialState({region: 'us-east-1', scenario: 'access-denied'});
		state.domains[domain] = {name: domain, createdTime: 1_700_000_000, encryptionKey: 'arn:aws:kms:us-east-1:000000000000:key/x', tags: []};
		state.repositories[`${domain}/app`] = {domain, name: 'app', description: '', upstreams: [], externalConnections: [], createdTime: 1_700_000_000, tags: []};
		const readOnly = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'codeartifact:ReadFromRepository', Resource: '*'}]};
		state.iam.roles['reader-role'] = roleRecord('reader-role', {id: 'AROAREADERXXXXXXXXXXX', inlinePolicies: {main: JSON.stringify(readOnly)}});
		writeFileSync(join(dataDir, 'state.json'), JSON.stringify(state));
		sandbox = await startSandbox({dataDir, mavenCentral: offlineMavenCentral});
	});
	afterAll(async () => {
		await sandbox.stop();
		rmSync(dataDir, {recursive: true, force: true});
	});

	it('refuses an unknown access key at once (CodeArtifact and the query services)', async () => {
		const rest = await partialUpload(`${sandbox.endpoint}/v1/domains`, 'POST', {
			authorization: fakeAuthorization('AKIAUNKNOWN000000000', 'us-east-1', 'codeartifact'),
			'x-amz-date': '20300101T000000Z',
		});
		expect(rest).toMatchObject({status: 403, headers: {'x-amzn-errortype': 'UnrecognizedClientException'}});
		const query = await partialUpload(`${sandbox.endpoint}/`, 'POST', {
			authorization: fakeAuthorization('AKIAUNKNOWN000000000', 'us-east-1', 'ec2'),
			'x-amz-date': '20300101T000000Z',
		});
		expect(query.status).toBe(401);
		expect(query.body).toContain('<Code>AuthFailure</Code>');
	});

	it('refuses a known key scoped to another region at once', async () => {
		const reply = await partialUpload(`${sandbox.endpoint}/v1/domains`, 'POST', {
			authorization: fakeAuthorization(sandbox.admin.accessKeyId, 'eu-west-3', 'codeartifact'),
			'x-amz-date': '20300101T000000Z',
		});
		expect(reply).toMatchObject({status: 403, headers: {'x-amzn-errortype': 'InvalidSignatureException'}});
		expect(JSON.parse(reply.body)).toEqual({message: 'Credential should be scoped to a valid region.'});
	});

	it('refuses a Maven upload without credentials, or without the publish permission, at once', async () => {
		const url = `${sandbox.endpoint}/d/${domain}-${state.accountId}/maven/app/com/example/lib/1.0/lib-1.0.jar`;
		expect((await partialUpload(url, 'PUT', {})).status).toBe(401);
		const token = issueAuthorizationToken(state, {
			principalArn: `arn:aws:sts::${state.accountId}:assumed-role/reader-role/i-0123456789abcdef0`,
			principalId: 'AROAREADERXXXXXXXXXXX:i-0123456789abcdef0',
			domain,
			domainOwner: state.accountId,
			expiration: Math.floor(Date.now() / 1000) + 3600,
		});
		const authorization = `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`;
		const refused = await partialUpload(url, 'PUT', {authorization});
		expect(refused.status).toBe(403);
		expect(refused.body).toContain('is not authorized to perform: codeartifact:PublishPackageVersion');
		const metadata = await partialUpload(`${sandbox.endpoint}/d/${domain}-${state.accountId}/maven/app/com/example/lib/maven-metadata.xml`, 'PUT', {
			authorization,
		});
		expect(metadata.status).toBe(403);
		expect(metadata.body).toContain('codeartifact:PutPackageMetadata');
	});
});
