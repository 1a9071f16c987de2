import {
	DescribeIamInstanceProfileAssociationsCommand,
	DescribeInstancesCommand,
	DisassociateIamInstanceProfileCommand,
	EC2Client,
	AssociateIamInstanceProfileCommand,
} from '@aws-sdk/client-ec2';
import {
	AddRoleToInstanceProfileCommand,
	AttachRolePolicyCommand,
	CreateInstanceProfileCommand,
	CreatePolicyCommand,
	CreatePolicyVersionCommand,
	CreateRoleCommand,
	DetachRolePolicyCommand,
	IAMClient,
	ListRolesCommand,
	SetDefaultPolicyVersionCommand,
	UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {fromInstanceMetadata} from '@aws-sdk/credential-providers';
import {describe, expect, it} from 'vitest';
import type {RunningSandbox} from '../../../source/sandbox/index.js';
import {adminConfig, useMetadataEndpoint, useSandbox} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';

/** Client configuration as the build host: credentials from instance metadata through the SDK's own provider. */
function instanceConfig(sandbox: RunningSandbox) {
	return {endpoint: sandbox.endpoint, region: sandbox.region, maxAttempts: 1, credentials: fromInstanceMetadata({timeout: 2000, maxRetries: 0})};
}

describe('scenario access-denied: the build host and its role, end to end', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	useMetadataEndpoint(sandbox);

	it('gets credentials from instance metadata and is the assumed role', async () => {
		const identity = await new STSClient(instanceConfig(sandbox.current)).send(new GetCallerIdentityCommand({}));
		expect(identity.Arn).toBe(`arn:aws:sts::${sandbox.current.accountId}:assumed-role/build-host-role/${sandbox.current.instanceId}`);
		expect(identity.Account).toBe(sandbox.current.accountId);
	});

	it('may do what its baseline policy allows', async () => {
		const {Reservations: reservations} = await new EC2Client(instanceConfig(sandbox.current)).send(new DescribeInstancesCommand({}));
		expect(reservations?.[0]?.Instances?.[0]?.InstanceId).toBe(sandbox.current.instanceId);
	});

	it('is denied what no policy allows, in AWS words, until the admin allows it', async () => {
		const {accountId, instanceId} = sandbox.current;
		const iamAsHost = new IAMClient(instanceConfig(sandbox.current));
		const denied = await iamAsHost.send(new ListRolesCommand({})).catch((e: unknown) => e);
		expect(denied).toMatchObject({
			name: 'AccessDenied',
			$metadata: {httpStatusCode: 403},
			message: `User: arn:aws:sts::${accountId}:assumed-role/build-host-role/${instanceId} is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::${accountId}:role/ because no identity-based policy allows the iam:ListRoles action`,
		});
		const admin = new IAMClient(adminConfig(sandbox.current));
		const {Policy: policy} = await admin.send(
			new CreatePolicyCommand({
				PolicyName: 'may-list-roles',
				PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*'}]}),
			}),
		);
		await admin.send(new AttachRolePolicyCommand({RoleName: 'build-host-role', PolicyArn: policy?.Arn}));
		const {Roles: roles} = await iamAsHost.send(new ListRolesCommand({}));
		expect(roles?.map(role => role.RoleName)).toContain('build-host-role');
		// The default version is the one that counts: a new default without the permission takes it away.
		const narrower = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'iam:GetRole', Resource: '*'}]});
		await admin.send(new CreatePolicyVersionCommand({PolicyArn: policy?.Arn, PolicyDocument: narrower, SetAsDefault: false}));
		await iamAsHost.send(new ListRolesCommand({}));
		await admin.send(new SetDefaultPolicyVersionCommand({PolicyArn: policy?.Arn, VersionId: 'v2'}));
		await expect(iamAsHost.send(new ListRolesCommand({}))).rejects.toMatchObject({name: 'AccessDenied'});
	});

	it('words an EC2 denial as UnauthorizedOperation', async () => {
		const {instanceId} = sandbox.current;
		const ec2AsHost = new EC2Client(instanceConfig(sandbox.current));
		const [association] =
			(await new EC2Client(adminConfig(sandbox.current)).send(new DescribeIamInstanceProfileAssociationsCommand({}))).IamInstanceProfileAssociations ?? [];
		const denied = await ec2AsHost.send(new DisassociateIamInstanceProfileCommand({AssociationId: association?.AssociationId})).catch((e: unknown) => e);
		expect(denied).toMatchObject({name: 'UnauthorizedOperation', $metadata: {httpStatusCode: 403}});
		expect((denied as Error).message).toContain(
			`is not authorized to perform: ec2:DisassociateIamInstanceProfile on resource: arn:aws:ec2:${sandbox.current.region}:${sandbox.current.accountId}:instance/${instanceId}`,
		);
	});

	it('keeps issued credentials valid after the admin disassociates the profile, and issues no new ones', async () => {
		const credentials = await fromInstanceMetadata({timeout: 2000, maxRetries: 0})();
		const config = {endpoint: sandbox.current.endpoint, region: sandbox.current.region, maxAttempts: 1, credentials};
		await new STSClient(config).send(new GetCallerIdentityCommand({}));
		const admin = new EC2Client(adminConfig(sandbox.current));
		const [association] = (await admin.send(new DescribeIamInstanceProfileAssociationsCommand({}))).IamInstanceProfileAssociations ?? [];
		await admin.send(new DisassociateIamInstanceProfileCommand({AssociationId: association?.AssociationId}));
		// As with any STS credentials: valid until they expire, with the role's policies as they are now.
		const identity = await new STSClient(config).send(new GetCallerIdentityCommand({}));
		expect(identity.Arn).toBe(`arn:aws:sts::${sandbox.current.accountId}:assumed-role/build-host-role/${sandbox.current.instanceId}`);
		await new EC2Client(config).send(new DescribeInstancesCommand({}));
		const iam = new IAMClient(adminConfig(sandbox.current));
		await iam.send(
			new DetachRolePolicyCommand({RoleName: 'build-host-role', PolicyArn: `arn:aws:iam::${sandbox.current.accountId}:policy/build-host-baseline`}),
		);
		await expect(new EC2Client(config).send(new DescribeInstancesCommand({}))).rejects.toMatchObject({name: 'UnauthorizedOperation'});
		// The instance has no profile any more: instance metadata answers 404 under iam/.
		await expect(fromInstanceMetadata({timeout: 2000, maxRetries: 0})()).rejects.toMatchObject({statusCode: 404});
	});
});

describe('scenario no-profile: no credentials until the admin provides a profile', () => {
	const sandbox = useSandbox({scenario: 'no-profile'});
	useMetadataEndpoint(sandbox);

	it('has no iam/ in instance metadata, so the SDK finds no credentials', async () => {
		await expect(new STSClient(instanceConfig(sandbox.current)).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
			name: 'ProviderError',
			statusCode: 404,
		});
	});

	it('gets credentials once a profile with a role is associated', async () => {
		const admin = new IAMClient(adminConfig(sandbox.current));
		const trust = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}]});
		await admin.send(new CreateRoleCommand({RoleName: 'fresh-role', AssumeRolePolicyDocument: trust}));
		await admin.send(new CreateInstanceProfileCommand({InstanceProfileName: 'fresh-profile'}));
		await new EC2Client(adminConfig(sandbox.current)).send(
			new AssociateIamInstanceProfileCommand({
				InstanceId: sandbox.current.instanceId,
				IamInstanceProfile: {Name: 'fresh-profile'},
			}),
		);
		// A profile without a role still hands out nothing.
		await expect(new STSClient(instanceConfig(sandbox.current)).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
			name: 'ProviderError',
			statusCode: 404,
		});
		await admin.send(new AddRoleToInstanceProfileCommand({InstanceProfileName: 'fresh-profile', RoleName: 'fresh-role'}));
		const identity = await new STSClient(instanceConfig(sandbox.current)).send(new GetCallerIdentityCommand({}));
		expect(identity.Arn).toBe(`arn:aws:sts::${sandbox.current.accountId}:assumed-role/fresh-role/${sandbox.current.instanceId}`);
	});
});

describe('a role that does not trust EC2: instance metadata vends nothing', () => {
	const sandbox = useSandbox({scenario: 'no-profile'});
	useMetadataEndpoint(sandbox);

	it('answers AssumeRoleUnauthorizedAccess without keys until the trust policy lets EC2 assume the role', async () => {
		const admin = new IAMClient(adminConfig(sandbox.current));
		const lambdaTrust = JSON.stringify({
			Version: '2012-10-17',
			Statement: [{Effect: 'Allow', Principal: {Service: 'lambda.amazonaws.com'}, Action: 'sts:AssumeRole'}],
		});
		await admin.send(new CreateRoleCommand({RoleName: 'lambda-role', AssumeRolePolicyDocument: lambdaTrust}));
		await admin.send(new CreateInstanceProfileCommand({InstanceProfileName: 'lambda-profile'}));
		await admin.send(new AddRoleToInstanceProfileCommand({InstanceProfileName: 'lambda-profile', RoleName: 'lambda-role'}));
		await new EC2Client(adminConfig(sandbox.current)).send(
			new AssociateIamInstanceProfileCommand({
				InstanceId: sandbox.current.instanceId,
				IamInstanceProfile: {Name: 'lambda-profile'},
			}),
		);
		const token = await (
			await fetch(`${sandbox.current.endpoint}/latest/api/token`, {method: 'PUT', headers: {'x-aws-ec2-metadata-token-ttl-seconds': '60'}})
		).text();
		const read = async (path: string) =>
			(await fetch(`${sandbox.current.endpoint}/latest/meta-data/iam/${path}`, {headers: {'x-aws-ec2-metadata-token': token}})).text();
		expect(JSON.parse(await read('info'))).toMatchObject({
			Code: 'AssumeRoleUnauthorizedAccess',
			Message: expect.stringContaining('EC2 cannot assume the role lambda-role'),
		});
		expect(await read('security-credentials/')).toBe('lambda-role');
		const refused = JSON.parse(await read('security-credentials/lambda-role')) as Record<string, unknown>;
		expect(refused).toMatchObject({Code: 'AssumeRoleUnauthorizedAccess'});
		expect(refused).not.toHaveProperty('AccessKeyId');
		await expect(new STSClient(instanceConfig(sandbox.current)).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
			name: 'CredentialsProviderError',
			message: 'Invalid response received from instance metadata service.',
		});
		await admin.send(new UpdateAssumeRolePolicyCommand({RoleName: 'lambda-role', PolicyDocument: ec2Trust}));
		expect(JSON.parse(await read('info'))).toMatchObject({Code: 'Success'});
		const identity = await new STSClient(instanceConfig(sandbox.current)).send(new GetCallerIdentityCommand({}));
		expect(identity.Arn).toBe(`arn:aws:sts::${sandbox.current.accountId}:assumed-role/lambda-role/${sandbox.current.instanceId}`);
	});
});
