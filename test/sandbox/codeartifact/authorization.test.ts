import {rmSync} from 'node:fs';
import {
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribeRepositoryCommand,
	GetAuthorizationTokenCommand,
	GetRepositoryEndpointCommand,
	ListDomainsCommand,
	ListPackageVersionsCommand,
	ListRepositoriesCommand,
	type GetAuthorizationTokenCommandOutput,
} from '@aws-sdk/client-codeartifact';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {adminConfig, temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';
import {adminClient} from './client.js';
import {seedRoleSessions} from './role-sessions.js';

const tokenPermissions = (domainArnPattern: string) => ({
	Version: '2012-10-17',
	Statement: [
		{Effect: 'Allow', Action: 'codeartifact:GetAuthorizationToken', Resource: domainArnPattern},
		{Effect: 'Allow', Action: 'sts:GetServiceBearerToken', Resource: '*', Condition: {StringEquals: {'sts:AWSServiceName': 'codeartifact.amazonaws.com'}}},
	],
});
const readerPermissions = {
	Version: '2012-10-17',
	Statement: [
		{Effect: 'Allow', Action: ['codeartifact:ListDomains', 'codeartifact:ListRepositories'], Resource: '*'},
		{Effect: 'Allow', Action: 'codeartifact:DescribeRepository', Resource: 'arn:aws:codeartifact:*:*:repository/allowed/releases'},
		{Effect: 'Allow', Action: 'codeartifact:ListPackageVersions', Resource: 'arn:aws:codeartifact:*:*:package/allowed/releases/generic/tools/*'},
	],
};
const withoutBearerToken = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'codeartifact:*', Resource: '*'}]};

/** The token's claims, read without ever printing the token itself. */
function claimsOf(output: GetAuthorizationTokenCommandOutput): Record<string, unknown> {
	const [payload] = (output.authorizationToken ?? '').split('.');
	return JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('GetAuthorizationToken and GetRepositoryEndpoint through the real SDK', () => {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	const [builder, noSts, reader] = seedRoleSessions(dataDir, {
		'build-host-role': tokenPermissions('arn:aws:codeartifact:*:*:domain/allowed'),
		'token-without-sts': withoutBearerToken,
		reader: readerPermissions,
	});
	// Hooks run last-registered first: this one, registered before the sandbox's, runs after it stopped.
	afterAll(() => rmSync(dataDir, {recursive: true, force: true}));
	const sandbox = useSandbox({dataDir});
	const roleClient = (session: typeof builder) => new CodeartifactClient({...adminConfig(sandbox.current), credentials: session!.credentials});
	const now = () => Date.now() / 1000;

	beforeAll(async () => {
		const client = adminClient(sandbox.current);
		for (const domain of ['allowed', 'forbidden']) {
			await client.send(new CreateDomainCommand({domain}));
			await client.send(new CreateRepositoryCommand({domain, repository: 'releases'}));
		}
	});

	it('gives the admin a 12-hour token by default, bound to the domain and the caller', async () => {
		const client = adminClient(sandbox.current);
		const output = await client.send(new GetAuthorizationTokenCommand({domain: 'allowed', domainOwner: sandbox.current.accountId}));
		expect(typeof output.authorizationToken).toBe('string');
		expect(output.expiration).toBeInstanceOf(Date);
		expect(output.expiration!.getTime() / 1000).toBeCloseTo(now() + 12 * 3600, -1);
		expect(claimsOf(output)).toMatchObject({
			domain: 'allowed',
			domainOwner: sandbox.current.accountId,
			principalArn: `arn:aws:iam::${sandbox.current.accountId}:user/sandbox-admin`,
		});

		const short = await client.send(new GetAuthorizationTokenCommand({domain: 'allowed', durationSeconds: 900}));
		expect(short.expiration!.getTime() / 1000).toBeCloseTo(now() + 900, -1);
		const sessionLong = await client.send(new GetAuthorizationTokenCommand({domain: 'allowed', durationSeconds: 0}));
		expect(sessionLong.expiration!.getTime() / 1000).toBeCloseTo(now() + 12 * 3600, -1);
	});

	it('finds no token for an unknown domain or another owner', async () => {
		const client = adminClient(sandbox.current);
		await expect(client.send(new GetAuthorizationTokenCommand({domain: 'no-such-domain'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			$metadata: {httpStatusCode: 404},
		});
		const other = sandbox.current.accountId === '111122223333' ? '444455556666' : '111122223333';
		await expect(client.send(new GetAuthorizationTokenCommand({domain: 'allowed', domainOwner: other}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
		});
	});

	it('lets a role session with both permissions have a token that ends with its session when duration is 0', async () => {
		const client = roleClient(builder);
		const output = await client.send(new GetAuthorizationTokenCommand({domain: 'allowed', durationSeconds: 0}));
		expect(output.expiration?.getTime()).toBe(builder!.expiration.getTime());
		expect(claimsOf(output).principalArn).toBe(`arn:aws:sts::${sandbox.current.accountId}:assumed-role/build-host-role/${sandbox.current.instanceId}`);
		const defaulted = await client.send(new GetAuthorizationTokenCommand({domain: 'allowed'}));
		expect(defaulted.expiration!.getTime() / 1000).toBeCloseTo(now() + 12 * 3600, -1);
	});

	it("denies a role session the token for a domain its policy does not name, in AWS's words", async () => {
		const {accountId, region, instanceId} = sandbox.current;
		await expect(roleClient(builder).send(new GetAuthorizationTokenCommand({domain: 'forbidden'}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
			$metadata: {httpStatusCode: 403},
			message: `User: arn:aws:sts::${accountId}:assumed-role/build-host-role/${instanceId} is not authorized to perform: codeartifact:GetAuthorizationToken on resource: arn:aws:codeartifact:${region}:${accountId}:domain/forbidden because no identity-based policy allows the codeartifact:GetAuthorizationToken action`,
		});
		await expect(roleClient(builder).send(new CreateDomainCommand({domain: 'not-mine'}))).rejects.toMatchObject({name: 'AccessDeniedException'});
	});

	it('needs sts:GetServiceBearerToken as well as codeartifact:GetAuthorizationToken', async () => {
		const client = roleClient(noSts);
		await expect(client.send(new GetAuthorizationTokenCommand({domain: 'allowed'}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining('is not authorized to perform: sts:GetServiceBearerToken on resource: *'),
		});
		// The same role may still use the rest of CodeArtifact.
		await expect(client.send(new GetRepositoryEndpointCommand({domain: 'allowed', repository: 'releases', format: 'maven'}))).resolves.toHaveProperty(
			'repositoryEndpoint',
		);
	});

	it('authorizes each operation on the ARN AWS uses for it: *, repository or package', async () => {
		const {accountId, region} = sandbox.current;
		const client = roleClient(reader);
		await expect(client.send(new ListDomainsCommand({}))).resolves.toHaveProperty('domains');
		await expect(client.send(new ListRepositoriesCommand({}))).resolves.toHaveProperty('repositories');
		await expect(client.send(new DescribeRepositoryCommand({domain: 'allowed', repository: 'releases'}))).resolves.toHaveProperty(
			'repository.name',
			'releases',
		);
		await expect(client.send(new DescribeRepositoryCommand({domain: 'forbidden', repository: 'releases'}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining(
				`codeartifact:DescribeRepository on resource: arn:aws:codeartifact:${region}:${accountId}:repository/forbidden/releases because`,
			),
		});
		// Allowed on the package ARN, the package need not exist for the check: the answer is then 404, not 403.
		await expect(
			client.send(new ListPackageVersionsCommand({domain: 'allowed', repository: 'releases', format: 'generic', namespace: 'tools', package: 'cli'})),
		).rejects.toMatchObject({name: 'ResourceNotFoundException'});
		await expect(
			client.send(new ListPackageVersionsCommand({domain: 'allowed', repository: 'releases', format: 'generic', namespace: 'other', package: 'cli'})),
		).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining(`on resource: arn:aws:codeartifact:${region}:${accountId}:package/allowed/releases/generic/other/cli because`),
		});
		await expect(
			client.send(new ListPackageVersionsCommand({domain: 'allowed', repository: 'releases', format: 'npm', package: 'left-pad'})),
		).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining(':package/allowed/releases/npm//left-pad because'),
		});
	});

	it('answers the repository endpoint for the formats it serves, with a trailing slash, and refuses the others by name', async () => {
		const client = adminClient(sandbox.current);
		const {endpoint, accountId} = sandbox.current;
		const ask = async (format: 'maven' | 'npm' | 'generic' | 'pypi', endpointType?: 'ipv4' | 'dualstack') =>
			(await client.send(new GetRepositoryEndpointCommand({domain: 'allowed', repository: 'releases', format, ...(endpointType ? {endpointType} : {})})))
				.repositoryEndpoint;
		expect(await ask('maven')).toBe(`${endpoint}/d/allowed-${accountId}/maven/releases/`);
		expect(await ask('maven', 'dualstack')).toBe(`${endpoint}/d/allowed-${accountId}/maven/releases/`);
		expect(await ask('generic', 'ipv4')).toBe(`${endpoint}/d/allowed-${accountId}/generic/releases/`);
		for (const format of ['npm', 'pypi'] as const) {
			await expect(ask(format)).rejects.toMatchObject({
				name: 'NotImplementedException',
				$metadata: {httpStatusCode: 501},
				message: expect.stringMatching(new RegExp(`serves the maven and generic formats only.*: it has no ${format} repository endpoint`)),
			});
		}
		await expect(client.send(new GetRepositoryEndpointCommand({domain: 'allowed', repository: 'missing', format: 'maven'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'repository',
		});
	});
});
