import {createHash} from 'node:crypto';
import {
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribeDomainCommand,
	GetAuthorizationTokenCommand,
	GetRepositoryEndpointCommand,
	PublishPackageVersionCommand,
} from '@aws-sdk/client-codeartifact';
import {GetPolicyCommand, IAMClient} from '@aws-sdk/client-iam';
import {HttpRequest} from '@smithy/protocol-http';
import {SignatureV4} from '@smithy/signature-v4';
import {beforeAll, describe, expect, it} from 'vitest';
import {NodeSha256} from '../../source/sandbox/auth/sigv4.js';
import {adminConfig, useSandbox} from '../helpers/sandbox.js';

// A signature over `x-amz-content-sha256: UNSIGNED-PAYLOAD` covers no body, so a captured
// request could be replayed with any other. No operation the sandbox emulates is marked
// unsigned in its model (see verifySignature), so such a request is refused wherever it goes,
// before the body counts; the operations that do sign their bodies keep working.

describe('UNSIGNED-PAYLOAD', () => {
	const sandbox = useSandbox();

	/** Signs a request as the admin over UNSIGNED-PAYLOAD, as a client that skips payload signing would. */
	async function signedUnsigned(options: {service: string; method: string; path: string; query?: Record<string, string>; body: string; contentType: string}) {
		const url = new URL(sandbox.current.endpoint);
		const request = new HttpRequest({
			method: options.method,
			protocol: 'http:',
			hostname: url.hostname,
			port: Number(url.port),
			path: options.path,
			query: options.query ?? {},
			headers: {host: url.host, 'content-type': options.contentType, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD'},
			body: options.body,
		});
		const signer = new SignatureV4({credentials: {...sandbox.current.admin}, region: sandbox.current.region, service: options.service, sha256: NodeSha256});
		const signed = await signer.sign(request);
		expect(signed.headers.authorization).toContain('x-amz-content-sha256');
		const search = new URLSearchParams(options.query ?? {}).toString();
		return (body: string) =>
			fetch(`${sandbox.current.endpoint}${options.path}${search ? `?${search}` : ''}`, {
				method: options.method,
				headers: signed.headers as Record<string, string>,
				body,
			});
	}

	const iamForm = (name: string, action: string) =>
		new URLSearchParams({
			Action: 'CreatePolicy',
			Version: '2010-05-08',
			PolicyName: name,
			PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: action, Resource: '*'}]}),
		}).toString();

	it('is refused for IAM CreatePolicy, replayed with another body or not, and nothing is created', async () => {
		const send = await signedUnsigned({
			service: 'iam',
			method: 'POST',
			path: '/',
			body: iamForm('captured', 'iam:GetRole'),
			contentType: 'application/x-www-form-urlencoded; charset=utf-8',
		});
		for (const body of [iamForm('replayed', '*'), iamForm('captured', 'iam:GetRole')]) {
			const reply = await send(body);
			expect(reply.status).toBe(403);
			const text = await reply.text();
			expect(text).toContain('<Code>SignatureDoesNotMatch</Code>');
			expect(text).toContain('The request signature we calculated does not match the signature you provided.');
		}
		const iam = new IAMClient(adminConfig(sandbox.current));
		for (const name of ['replayed', 'captured']) {
			await expect(iam.send(new GetPolicyCommand({PolicyArn: `arn:aws:iam::${sandbox.current.accountId}:policy/${name}`}))).rejects.toMatchObject({
				name: 'NoSuchEntityException',
			});
		}
	});

	it('is refused for CodeArtifact CreateDomain with a changed body, and no domain is created', async () => {
		const send = await signedUnsigned({
			service: 'codeartifact',
			method: 'POST',
			path: '/v1/domain',
			query: {domain: 'captured'},
			body: '{}',
			contentType: 'application/json',
		});
		const reply = await send(JSON.stringify({tags: [{key: 'owner', value: 'mallory'}]}));
		expect(reply.status).toBe(403);
		expect(reply.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
		const client = new CodeartifactClient(adminConfig(sandbox.current));
		await expect(client.send(new DescribeDomainCommand({domain: 'captured'}))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
	});

	describe('where the body is signed, nothing changes', () => {
		const domain = 'signed-bodies';
		let client: CodeartifactClient;
		beforeAll(async () => {
			client = new CodeartifactClient(adminConfig(sandbox.current));
			await client.send(new CreateDomainCommand({domain}));
			await client.send(new CreateRepositoryCommand({domain, repository: 'releases'}));
		});

		it('PublishPackageVersion signs the asset by its SHA-256 (the SDK sends it as x-amz-content-sha256)', async () => {
			const assetContent = Buffer.from('generic asset bytes');
			const assetSHA256 = createHash('sha256').update(assetContent).digest('hex');
			const published = await client.send(
				new PublishPackageVersionCommand({
					domain,
					repository: 'releases',
					format: 'generic',
					namespace: 'tools',
					package: 'cli',
					packageVersion: '1.0.0',
					assetName: 'cli.tgz',
					assetContent,
					assetSHA256,
				}),
			);
			expect(published.status).toBe('Published');
		});

		it('the Maven endpoint authenticates with HTTP Basic, not SigV4: the header means nothing there', async () => {
			const token = (await client.send(new GetAuthorizationTokenCommand({domain}))).authorizationToken ?? '';
			const base = (await client.send(new GetRepositoryEndpointCommand({domain, repository: 'releases', format: 'maven'}))).repositoryEndpoint ?? '';
			const authorization = `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`;
			const put = await fetch(`${base}com/example/lib/1.0/lib-1.0.jar`, {
				method: 'PUT',
				headers: {authorization, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD'},
				body: 'jar bytes',
			});
			expect(put.status).toBe(201);
		});
	});
});
