import {CodeartifactClient, CreateDomainCommand, ListDomainsCommand} from '@aws-sdk/client-codeartifact';
import {AttachRolePolicyCommand, CreateRoleCommand, IAMClient, ListRolesCommand} from '@aws-sdk/client-iam';
import {AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient} from '@aws-sdk/client-sts';
import {fromInstanceMetadata} from '@aws-sdk/credential-providers';
import {describe, expect, it} from 'vitest';
import type {RunningSandbox} from '../../source/sandbox/index.js';
import {outputShapeProblems} from '../helpers/model-shape.js';
import {adminConfig, useMetadataEndpoint, useSandbox} from '../helpers/sandbox.js';

function credentialsFrom(output: {Credentials?: {AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string}}) {
	const {AccessKeyId = '', SecretAccessKey = '', SessionToken = ''} = output.Credentials ?? {};
	return {accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken};
}

function trust(principal: object): string {
	return JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole'}]});
}

describe('STS AssumeRole and GetSessionToken through the real SDK', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	useMetadataEndpoint(sandbox);
	const sts = () => new STSClient(adminConfig(sandbox.current));
	const iam = () => new IAMClient(adminConfig(sandbox.current));
	const as = (sandbox: RunningSandbox, credentials: ReturnType<typeof credentialsFrom>) => ({...adminConfig(sandbox), credentials});
	const roleArn = (name: string) => `arn:aws:iam::${sandbox.current.accountId}:role/${name}`;

	it('assumes a role whose trust policy names the account, and acts as it with its policies', async () => {
		const {accountId} = sandbox.current;
		await iam().send(
			new CreateRoleCommand({RoleName: 'learner-admin', AssumeRolePolicyDocument: trust({AWS: `arn:aws:iam::${accountId}:root`}), MaxSessionDuration: 7200}),
		);
		const output = await sts().send(new AssumeRoleCommand({RoleArn: roleArn('learner-admin'), RoleSessionName: 'alice', DurationSeconds: 7200}));
		expect(outputShapeProblems('sts', 'AssumeRole', output)).toEqual([]);
		expect(output.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/learner-admin/alice`);
		expect(output.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:alice$/);
		expect(output.Credentials?.AccessKeyId).toMatch(/^ASIA/);
		const expiresIn = (output.Credentials?.Expiration?.getTime() ?? 0) - Date.now();
		expect(expiresIn).toBeGreaterThan(7000 * 1000);
		expect(expiresIn).toBeLessThanOrEqual(7200 * 1000);

		const config = as(sandbox.current, credentialsFrom(output));
		expect((await new STSClient(config).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/learner-admin/alice`);
		// The role has no policy yet: denied, in AWS's words for the session.
		await expect(new CodeartifactClient(config).send(new ListDomainsCommand({}))).rejects.toThrow(
			`User: arn:aws:sts::${accountId}:assumed-role/learner-admin/alice is not authorized to perform: codeartifact:ListDomains`,
		);
		await iam().send(new AttachRolePolicyCommand({RoleName: 'learner-admin', PolicyArn: 'arn:aws:iam::aws:policy/AWSCodeArtifactAdminAccess'}));
		expect((await new CodeartifactClient(config).send(new ListDomainsCommand({}))).domains).toEqual([]);
	});

	it('limits a session to its session policy', async () => {
		const policy = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'codeartifact:List*', Resource: '*'}]});
		const output = await sts().send(new AssumeRoleCommand({RoleArn: roleArn('learner-admin'), RoleSessionName: 'bob', Policy: policy}));
		expect(outputShapeProblems('sts', 'AssumeRole', output)).toEqual([]);
		expect(output.PackedPolicySize).toBeGreaterThan(0);
		const codeartifact = new CodeartifactClient(as(sandbox.current, credentialsFrom(output)));
		expect((await codeartifact.send(new ListDomainsCommand({}))).domains).toEqual([]);
		await expect(codeartifact.send(new CreateDomainCommand({domain: 'not-allowed'}))).rejects.toThrow(
			'because no session policy allows the codeartifact:CreateDomain action',
		);
	});

	it('refuses a role that does not trust the caller, and one that does not exist, in the same words', async () => {
		const {accountId} = sandbox.current;
		const refusal = (name: string) =>
			`User: arn:aws:iam::${accountId}:user/sandbox-admin is not authorized to perform: sts:AssumeRole on resource: ${roleArn(name)}`;
		// build-host-role trusts only EC2.
		await expect(sts().send(new AssumeRoleCommand({RoleArn: roleArn('build-host-role'), RoleSessionName: 'me'}))).rejects.toMatchObject({
			name: 'AccessDenied',
			message: refusal('build-host-role'),
			$metadata: {httpStatusCode: 403},
		});
		await expect(sts().send(new AssumeRoleCommand({RoleArn: roleArn('no-such-role'), RoleSessionName: 'me'}))).rejects.toMatchObject({
			name: 'AccessDenied',
			message: refusal('no-such-role'),
		});
	});

	it('checks an external id a trust policy asks for', async () => {
		const {accountId} = sandbox.current;
		const document = JSON.stringify({
			Version: '2012-10-17',
			Statement: [{Effect: 'Allow', Principal: {AWS: accountId}, Action: 'sts:AssumeRole', Condition: {StringEquals: {'sts:ExternalId': 'partner-42'}}}],
		});
		await iam().send(new CreateRoleCommand({RoleName: 'partner', AssumeRolePolicyDocument: document}));
		await expect(sts().send(new AssumeRoleCommand({RoleArn: roleArn('partner'), RoleSessionName: 'pp', ExternalId: 'partner-41'}))).rejects.toMatchObject({
			name: 'AccessDenied',
		});
		await expect(sts().send(new AssumeRoleCommand({RoleArn: roleArn('partner'), RoleSessionName: 'pp'}))).rejects.toMatchObject({name: 'AccessDenied'});
		const output = await sts().send(new AssumeRoleCommand({RoleArn: roleArn('partner'), RoleSessionName: 'pp', ExternalId: 'partner-42'}));
		expect(output.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/partner/pp`);
	});

	it('checks the request as the model and the role say', async () => {
		await expect(sts().send(new AssumeRoleCommand({RoleArn: roleArn('learner-admin'), RoleSessionName: 'a b'}))).rejects.toMatchObject({
			name: 'ValidationError',
			message:
				"1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
		});
		await expect(sts().send(new AssumeRoleCommand({RoleArn: roleArn('learner-admin'), RoleSessionName: 'long', DurationSeconds: 10800}))).rejects.toMatchObject(
			{
				name: 'ValidationError',
				message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
			},
		);
	});

	it('caps a session the build host chains from its own role at one hour', async () => {
		const {accountId} = sandbox.current;
		await iam().send(
			new CreateRoleCommand({RoleName: 'chained', AssumeRolePolicyDocument: trust({AWS: roleArn('build-host-role')}), MaxSessionDuration: 43200}),
		);
		const host = new STSClient({...adminConfig(sandbox.current), credentials: fromInstanceMetadata({timeout: 2000, maxRetries: 0})});
		await expect(host.send(new AssumeRoleCommand({RoleArn: roleArn('chained'), RoleSessionName: 'ci', DurationSeconds: 7200}))).rejects.toMatchObject({
			name: 'ValidationError',
			message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
		});
		// Trusted by its role's own ARN: no policy of its own needs to allow sts:AssumeRole.
		const output = await host.send(new AssumeRoleCommand({RoleArn: roleArn('chained'), RoleSessionName: 'ci'}));
		expect(output.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/chained/ci`);
	});

	it('lends the admin a session that acts as the admin, and not to session credentials', async () => {
		const output = await sts().send(new GetSessionTokenCommand({DurationSeconds: 900}));
		expect(outputShapeProblems('sts', 'GetSessionToken', output)).toEqual([]);
		const config = as(sandbox.current, credentialsFrom(output));
		expect((await new STSClient(config).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${sandbox.current.accountId}:user/sandbox-admin`);
		expect((await new CodeartifactClient(config).send(new ListDomainsCommand({}))).domains).toBeDefined();
		// Without MFA, IAM takes no session-token credentials.
		await expect(new IAMClient(config).send(new ListRolesCommand({}))).rejects.toMatchObject({name: 'InvalidClientTokenId', $metadata: {httpStatusCode: 403}});
		await expect(new STSClient(config).send(new GetSessionTokenCommand({}))).rejects.toMatchObject({
			name: 'AccessDenied',
			message: 'Cannot call GetSessionToken with session credentials',
		});
		await expect(sts().send(new GetSessionTokenCommand({DurationSeconds: 600}))).rejects.toMatchObject({name: 'ValidationError'});
	});
});
