import {CodeartifactClient, ListDomainsCommand} from '@aws-sdk/client-codeartifact';
import {DescribeInstancesCommand, EC2Client} from '@aws-sdk/client-ec2';
import {IAMClient, ListRolesCommand} from '@aws-sdk/client-iam';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {HttpRequest} from '@smithy/protocol-http';
import {SignatureV4} from '@smithy/signature-v4';
import {describe, expect, it} from 'vitest';
import type {RunningSandbox} from '../../source/sandbox/index.js';
import {NodeSha256} from '../../source/sandbox/auth/sigv4.js';
import {adminConfig, useSandbox} from '../helpers/sandbox.js';

/** Signs a request as the admin, for `service`, the way the SDK does. */
async function signedFetch(
	sandbox: RunningSandbox,
	options: {path: string; body: string; contentType: string; service: string; edit?: (authorization: string) => string},
) {
	const url = new URL(sandbox.endpoint);
	const request = new HttpRequest({
		method: 'POST',
		protocol: 'http:',
		hostname: url.hostname,
		port: Number(url.port),
		path: options.path,
		headers: {host: url.host, 'content-type': options.contentType},
		body: options.body,
	});
	const signer = new SignatureV4({credentials: sandbox.admin, region: sandbox.region, service: options.service, sha256: NodeSha256});
	const headers = (await signer.sign(request)).headers as Record<string, string>;
	if (options.edit) headers['authorization'] = options.edit(headers['authorization']!);
	const response = await fetch(`${sandbox.endpoint}${options.path}`, {method: 'POST', headers, body: options.body});
	return {status: response.status, type: response.headers.get('x-amzn-errortype'), text: await response.text()};
}

/** Drops the Authorization header the SDK just computed: an unsigned request from a real client. */
function unsigned<T extends {middlewareStack: {addRelativeTo: (...args: never[]) => void}}>(client: T): T {
	const strip = (next: (args: unknown) => unknown) => (args: {request: {headers: Record<string, string>}}) => {
		delete args.request.headers['authorization'];
		return next(args);
	};
	(client.middlewareStack.addRelativeTo as (m: unknown, o: object) => void)(strip, {
		name: 'dropAuthorization',
		relation: 'after',
		toMiddleware: 'httpSigningMiddleware',
	});
	return client;
}

describe('SigV4 credential scope', () => {
	const sandbox = useSandbox({region: 'eu-west-1'});
	const elsewhere = () => ({...adminConfig(sandbox.current), region: 'eu-central-1'});

	it("must name the sandbox region, in each service's words", async () => {
		const message = 'Credential should be scoped to a valid region.';
		await expect(new CodeartifactClient(elsewhere()).send(new ListDomainsCommand({}))).rejects.toMatchObject({name: 'InvalidSignatureException', message});
		await expect(new STSClient(elsewhere()).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({name: 'SignatureDoesNotMatch', message});
		await expect(new EC2Client(elsewhere()).send(new DescribeInstancesCommand({}))).rejects.toMatchObject({name: 'AuthFailure', message});
		await expect(new IAMClient(elsewhere()).send(new ListRolesCommand({}))).rejects.toMatchObject({name: 'SignatureDoesNotMatch', message});
		// IAM is a global service signed in us-east-1: that region is valid for it too.
		await new IAMClient({...adminConfig(sandbox.current), region: 'us-east-1'}).send(new ListRolesCommand({}));
		await new IAMClient(adminConfig(sandbox.current)).send(new ListRolesCommand({}));
	});

	it('must name the service being served', async () => {
		const rest = await signedFetch(sandbox.current, {path: '/v1/domains', body: '{}', contentType: 'application/json', service: 'sts'});
		expect(rest).toMatchObject({status: 403, type: 'InvalidSignatureException'});
		expect(JSON.parse(rest.text)).toEqual({message: "Credential should be scoped to correct service: 'codeartifact'."});
		const form = 'Action=DescribeInstances&Version=2016-11-15';
		const query = await signedFetch(sandbox.current, {path: '/', body: form, contentType: 'application/x-www-form-urlencoded', service: 'iam'});
		expect(query.status).toBe(401);
		expect(query.text).toContain(
			'<Response><Errors><Error><Code>AuthFailure</Code><Message>Credential should be scoped to correct service: &apos;ec2&apos;.</Message>',
		);
		const right = await signedFetch(sandbox.current, {path: '/', body: form, contentType: 'application/x-www-form-urlencoded', service: 'ec2'});
		expect(right.status).toBe(200);
	});

	it('must sign host and x-amz-date', async () => {
		const withoutHost = await signedFetch(sandbox.current, {
			path: '/v1/domains',
			body: '{}',
			contentType: 'application/json',
			service: 'codeartifact',
			edit: a => a.replace(/host;/, ''),
		});
		expect(withoutHost).toMatchObject({status: 403, type: 'InvalidSignatureException'});
		expect(withoutHost.text).toContain("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
		const withoutDate = await signedFetch(sandbox.current, {
			path: '/v1/domains',
			body: '{}',
			contentType: 'application/json',
			service: 'codeartifact',
			edit: a => a.replace(/;x-amz-date/, ''),
		});
		expect(withoutDate).toMatchObject({status: 403, type: 'InvalidSignatureException'});
		expect(withoutDate.text).toContain("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
	});
});

describe('SigV4 query canonicalisation', () => {
	const sandbox = useSandbox();

	it('keeps a __proto__ query key (a plain object would drop it and break the signature)', async () => {
		const client = new CodeartifactClient(adminConfig(sandbox.current));
		client.middlewareStack.add(
			next => async args => {
				const {query} = args.request as {query: Record<string, string>};
				Object.defineProperty(query, '__proto__', {value: 'x', enumerable: true, configurable: true, writable: true});
				return next(args);
			},
			{step: 'build', name: 'addProtoQueryKey'},
		);
		const seen: string[] = [];
		client.middlewareStack.add(
			next => async args => {
				seen.push((args.request as {query: Record<string, string>}).query['__proto__'] ?? '');
				return next(args);
			},
			{step: 'finalizeRequest', name: 'seeQuery'},
		);
		await expect(client.send(new ListDomainsCommand({}))).resolves.toMatchObject({domains: []});
		expect(seen).toEqual(['x']);
	});
});

describe('unsigned query requests are refused in the words of the service their Version names', () => {
	const sandbox = useSandbox();

	it("EC2: AuthFailure 401 in EC2's error XML", async () => {
		await expect(unsigned(new EC2Client(adminConfig(sandbox.current))).send(new DescribeInstancesCommand({}))).rejects.toMatchObject({
			name: 'AuthFailure',
			$metadata: {httpStatusCode: 401},
		});
		const response = await fetch(`${sandbox.current.endpoint}/`, {
			method: 'POST',
			headers: {'content-type': 'application/x-www-form-urlencoded'},
			body: 'Action=DescribeInstances&Version=2016-11-15',
		});
		expect(response.status).toBe(401);
		expect(await response.text()).toMatch(/<Response><Errors><Error><Code>AuthFailure<\/Code>.*<\/Errors><RequestID>/s);
	});

	it("STS: MissingAuthenticationToken in STS's namespace; IAM as before", async () => {
		await expect(unsigned(new STSClient(adminConfig(sandbox.current))).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
			name: 'MissingAuthenticationToken',
			$metadata: {httpStatusCode: 403},
		});
		const sts = await fetch(`${sandbox.current.endpoint}/?Action=GetCallerIdentity&Version=2011-06-15`);
		expect(await sts.text()).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
		await expect(unsigned(new IAMClient(adminConfig(sandbox.current))).send(new ListRolesCommand({}))).rejects.toMatchObject({
			name: 'MissingAuthenticationToken',
			$metadata: {httpStatusCode: 403},
		});
	});
});
