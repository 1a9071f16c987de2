import {createHash} from 'node:crypto';
import {AssociateExternalConnectionCommand, CreateDomainCommand, CreateRepositoryCommand} from '@aws-sdk/client-codeartifact';
import {HttpRequest} from '@smithy/protocol-http';
import {SignatureV4} from '@smithy/signature-v4';
import {describe, expect, it} from 'vitest';
import {NodeSha256} from '../../source/sandbox/auth/sigv4.js';
import {useSandbox} from '../helpers/sandbox.js';
import {adminClient} from './codeartifact/client.js';

// What the sandbox does not emulate answers 501 with an error type both SDKs report by name
// (NotImplementedException / NotImplemented), saying so: not a ValidationException, which tells
// the caller their input is wrong when it may be perfectly good on AWS.

describe('an operation, action or format the sandbox does not emulate', () => {
	const sandbox = useSandbox();

	/** A request signed as the admin, with its payload hash, as any SDK would send it. */
	async function signed(service: string, method: string, path: string, body = '', contentType = 'application/json') {
		const url = new URL(sandbox.current.endpoint);
		const request = new HttpRequest({
			method,
			protocol: 'http:',
			hostname: url.hostname,
			port: Number(url.port),
			path,
			headers: {host: url.host, 'content-type': contentType, 'x-amz-content-sha256': createHash('sha256').update(body).digest('hex')},
			body,
		});
		const signer = new SignatureV4({credentials: {...sandbox.current.admin}, region: sandbox.current.region, service, sha256: NodeSha256});
		const {headers} = await signer.sign(request);
		const response = await fetch(`${sandbox.current.endpoint}${path}`, {method, headers: headers as Record<string, string>, ...(body ? {body} : {})});
		return {status: response.status, errorType: response.headers.get('x-amzn-errortype'), text: await response.text()};
	}

	it('a CodeArtifact route no emulated operation has (a future model, say) is 501 NotImplementedException, naming the route', async () => {
		const answer = await signed('codeartifact', 'POST', '/v1/package/version/future-operation');
		expect(answer).toMatchObject({status: 501, errorType: 'NotImplementedException'});
		expect(JSON.parse(answer.text)).toEqual({
			message: expect.stringContaining('does not emulate the CodeArtifact operation at POST /v1/package/version/future-operation'),
		});
	});

	it('an IAM, STS or EC2 action it does not emulate is 501 NotImplemented in the service’s own error format', async () => {
		const iam = await signed('iam', 'POST', '/', 'Action=CreateSAMLProvider&Version=2010-05-08', 'application/x-www-form-urlencoded');
		expect(iam.status).toBe(501);
		expect(iam.text).toMatch(/<Code>NotImplemented<\/Code><Message>The ca-wizard sandbox does not emulate the IAM action CreateSAMLProvider/);
		expect(iam.text).toContain('<Type>Receiver</Type>');
		const ec2 = await signed('ec2', 'POST', '/', 'Action=RunInstances&Version=2016-11-15', 'application/x-www-form-urlencoded');
		expect(ec2.status).toBe(501);
		expect(ec2.text).toMatch(
			/<Response><Errors><Error><Code>NotImplemented<\/Code><Message>The ca-wizard sandbox does not emulate the EC2 action RunInstances/,
		);
	});

	it('an external connection for a format it does not serve is refused by name, and nothing is associated', async () => {
		const client = adminClient(sandbox.current);
		await client.send(new CreateDomainCommand({domain: 'formats'}));
		await client.send(new CreateRepositoryCommand({domain: 'formats', repository: 'npm-store'}));
		for (const externalConnection of ['public:npmjs', 'public:pypi', 'public:nuget-org', 'public:maven-googleandroid']) {
			await expect(client.send(new AssociateExternalConnectionCommand({domain: 'formats', repository: 'npm-store', externalConnection}))).rejects.toMatchObject(
				{
					name: 'NotImplementedException',
					$metadata: {httpStatusCode: 501},
					message: expect.stringMatching(new RegExp(`serves the maven and generic formats only.*: ${externalConnection}.* is not emulated`)),
				},
			);
		}
		const associated = await client.send(
			new AssociateExternalConnectionCommand({domain: 'formats', repository: 'npm-store', externalConnection: 'public:maven-central'}),
		);
		expect(associated.repository?.externalConnections?.map(connection => connection.externalConnectionName)).toEqual(['public:maven-central']);
	});
});
