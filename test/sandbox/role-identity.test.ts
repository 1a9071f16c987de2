import {
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	GetAuthorizationTokenCommand,
	GetRepositoryEndpointCommand,
	ListDomainsCommand,
} from '@aws-sdk/client-codeartifact';
import {DescribeInstancesCommand, EC2Client} from '@aws-sdk/client-ec2';
import {
	AddRoleToInstanceProfileCommand,
	CreateRoleCommand,
	DeleteRoleCommand,
	DeleteRolePolicyCommand,
	DetachRolePolicyCommand,
	IAMClient,
	ListRolesCommand,
	PutRolePolicyCommand,
	RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {fromInstanceMetadata} from '@aws-sdk/credential-providers';
import {rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {awsId, isoNow, secretKey} from '../../source/sandbox/ids.js';
import {initialState} from '../../source/sandbox/store/initial-state.js';
import {adminConfig, temporaryDirectory, useMetadataEndpoint, useSandbox} from '../helpers/sandbox.js';
import {ec2Trust} from '../helpers/trust-policies.js';

// Credentials belong to an identity, not to a name. Made-up session tokens are refused; a role's
// sessions and CodeArtifact tokens belong to its unique id (AROA…), so deleting it and creating a
// role of the same name gives nothing issued before to the new role's permissions.

const invalidToken = 'The security token included in the request is invalid.';

describe('the admin key with a made-up session token', () => {
	const sandbox = useSandbox();
	const config = () => ({...adminConfig(sandbox.current), credentials: {...sandbox.current.admin, sessionToken: 'IQoJb3JpZ2luX2VjEMadeUp'}});

	it("is refused by every service, in each one's words for InvalidClientTokenId", async () => {
		await expect(new IAMClient(config()).send(new ListRolesCommand({}))).rejects.toMatchObject({
			name: 'InvalidClientTokenId',
			message: invalidToken,
			$metadata: {httpStatusCode: 403},
		});
		await expect(new STSClient(config()).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({name: 'InvalidClientTokenId', message: invalidToken});
		await expect(new EC2Client(config()).send(new DescribeInstancesCommand({}))).rejects.toMatchObject({name: 'AuthFailure', $metadata: {httpStatusCode: 401}});
		await expect(new CodeartifactClient(config()).send(new ListDomainsCommand({}))).rejects.toMatchObject({
			name: 'UnrecognizedClientException',
			message: invalidToken,
		});
		// Without the token, the same keys work.
		await new STSClient(adminConfig(sandbox.current)).send(new GetCallerIdentityCommand({}));
	});
});

const instanceCredentials = () => fromInstanceMetadata({timeout: 2000, maxRetries: 0})();

describe('a role deleted and created again under its name', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	useMetadataEndpoint(sandbox);
	const roleName = 'build-host-role';
	const profileName = 'build-host-profile';
	const domain = 'identity';
	beforeAll(async () => {
		const client = new CodeartifactClient(adminConfig(sandbox.current));
		await client.send(new CreateDomainCommand({domain}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'libs'}));
	});

	const allow = (...actions: string[]) => JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: actions, Resource: '*'}]});

	it("gives neither the old instance session nor the old CodeArtifact token the new role's permissions", async () => {
		const {accountId} = sandbox.current;
		const iam = new IAMClient(adminConfig(sandbox.current));
		const admin = new CodeartifactClient(adminConfig(sandbox.current));
		// The first role may fetch a token, but neither read the repository nor list roles.
		await iam.send(
			new PutRolePolicyCommand({
				RoleName: roleName,
				PolicyName: 'token',
				PolicyDocument: allow('codeartifact:GetAuthorizationToken', 'sts:GetServiceBearerToken'),
			}),
		);
		const old = await instanceCredentials();
		const asOld = {endpoint: sandbox.current.endpoint, region: sandbox.current.region, maxAttempts: 1, credentials: old};
		const oldToken = (await new CodeartifactClient(asOld).send(new GetAuthorizationTokenCommand({domain}))).authorizationToken ?? '';
		await expect(new IAMClient(asOld).send(new ListRolesCommand({}))).rejects.toMatchObject({name: 'AccessDenied'});

		// An artifact to read, published by the admin.
		const base = (await admin.send(new GetRepositoryEndpointCommand({domain, repository: 'libs', format: 'maven'}))).repositoryEndpoint ?? '';
		const adminToken = (await admin.send(new GetAuthorizationTokenCommand({domain}))).authorizationToken ?? '';
		const basic = (token: string) => ({authorization: `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`});
		const jar = `${base}com/example/lib/1.0/lib-1.0.jar`;
		expect((await fetch(jar, {method: 'PUT', headers: basic(adminToken), body: 'jar bytes'})).status).toBe(201);
		const metadata = '<metadata><versioning><versions><version>1.0</version></versions></versioning></metadata>';
		expect((await fetch(`${base}com/example/lib/maven-metadata.xml`, {method: 'PUT', headers: basic(adminToken), body: metadata})).ok).toBe(true);
		expect((await fetch(jar, {headers: basic(oldToken)})).status).toBe(403);

		// Delete the role; create another of the same name that may do all of it.
		await iam.send(new RemoveRoleFromInstanceProfileCommand({InstanceProfileName: profileName, RoleName: roleName}));
		await iam.send(new DetachRolePolicyCommand({RoleName: roleName, PolicyArn: `arn:aws:iam::${accountId}:policy/build-host-baseline`}));
		await iam.send(new DeleteRolePolicyCommand({RoleName: roleName, PolicyName: 'token'}));
		await iam.send(new DeleteRoleCommand({RoleName: roleName}));
		await iam.send(new CreateRoleCommand({RoleName: roleName, AssumeRolePolicyDocument: ec2Trust}));
		await iam.send(
			new PutRolePolicyCommand({RoleName: roleName, PolicyName: 'all', PolicyDocument: allow('iam:ListRoles', 'codeartifact:*', 'sts:GetServiceBearerToken')}),
		);
		await iam.send(new AddRoleToInstanceProfileCommand({InstanceProfileName: profileName, RoleName: roleName}));

		// What the old role was given stops working: AWS's answer for credentials that are gone.
		await expect(new IAMClient(asOld).send(new ListRolesCommand({}))).rejects.toMatchObject({name: 'InvalidClientTokenId', message: invalidToken});
		await expect(new CodeartifactClient(asOld).send(new ListDomainsCommand({}))).rejects.toMatchObject({name: 'UnrecognizedClientException'});
		const refused = await fetch(jar, {headers: basic(oldToken)});
		expect(refused.status).toBe(401);
		expect(refused.headers.get('www-authenticate')).toMatch(/^Basic realm="/);

		// The new role gets its own session from instance metadata, and its own tokens.
		const fresh = await instanceCredentials();
		expect(fresh.accessKeyId).not.toBe(old.accessKeyId);
		const asNew = {...asOld, credentials: fresh};
		const {Roles: roles} = await new IAMClient(asNew).send(new ListRolesCommand({}));
		expect(roles?.map(role => role.RoleName)).toContain(roleName);
		const newToken = (await new CodeartifactClient(asNew).send(new GetAuthorizationTokenCommand({domain}))).authorizationToken ?? '';
		expect((await fetch(jar, {headers: basic(newToken)})).status).toBe(200);
	});
});

describe('a state written before sessions recorded their role id', () => {
	// The session's role cannot be proven, so it is refused; the state loads, and instance
	// metadata issues a fresh session, bound to the role's id, in its place.
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	const state = initialState({region: 'us-east-1', scenario: 'access-denied'});
	const [associationId] = Object.keys(state.associations);
	const legacy = {accessKeyId: awsId('ASIA'), secretAccessKey: secretKey(), sessionToken: 'IQoJb3JpZ2luX2VjLegacy'};
	state.sessions[legacy.accessKeyId] = {
		...legacy,
		roleName: 'build-host-role',
		associationId: associationId!,
		issued: isoNow(),
		expiration: isoNow(new Date(Date.now() + 3600_000)),
	};
	writeFileSync(join(dataDir, 'state.json'), JSON.stringify(state));
	afterAll(() => rmSync(dataDir, {recursive: true, force: true})); // registered first, so it runs after the sandbox stops
	const sandbox = useSandbox({dataDir});
	useMetadataEndpoint(sandbox);

	it('loads, refuses the old session and hands out a new one', async () => {
		const config = (credentials: {accessKeyId: string; secretAccessKey: string; sessionToken?: string}) => ({
			endpoint: sandbox.current.endpoint,
			region: sandbox.current.region,
			maxAttempts: 1,
			credentials,
		});
		await expect(new STSClient(config(legacy)).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({name: 'InvalidClientTokenId'});
		const fresh = await instanceCredentials();
		expect(fresh.accessKeyId).not.toBe(legacy.accessKeyId);
		const identity = await new STSClient(config(fresh)).send(new GetCallerIdentityCommand({}));
		expect(identity.Arn).toBe(`arn:aws:sts::${state.accountId}:assumed-role/build-host-role/${state.instances[0]?.instanceId}`);
	});
});
