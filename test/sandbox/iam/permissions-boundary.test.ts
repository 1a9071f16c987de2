import {DescribeInstancesCommand, EC2Client} from '@aws-sdk/client-ec2';
import {
	AttachRolePolicyCommand,
	CreatePolicyCommand,
	CreateRoleCommand,
	DeletePolicyCommand,
	DeleteRolePermissionsBoundaryCommand,
	GetPolicyCommand,
	GetRoleCommand,
	IAMClient,
	ListEntitiesForPolicyCommand,
	ListRolesCommand,
	PutRolePermissionsBoundaryCommand,
} from '@aws-sdk/client-iam';
import {beforeAll, describe, expect, it} from 'vitest';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';

const document = (...statements: object[]) => JSON.stringify({Version: '2012-10-17', Statement: statements});

describe('role permissions boundaries through the real SDK', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	const iam = () => new IAMClient(adminConfig(sandbox.current));
	const policyArn = (name: string) => `arn:aws:iam::${sandbox.current.accountId}:policy/${name}`;
	/** A client with the build host's credentials, as instance metadata hands them out. */
	let host: {ec2: EC2Client; iam: IAMClient};

	beforeAll(async () => {
		const base = sandbox.current.endpoint;
		const token = await (await fetch(`${base}/latest/api/token`, {method: 'PUT', headers: {'x-aws-ec2-metadata-token-ttl-seconds': '600'}})).text();
		const read = async (path: string) =>
			(await fetch(`${base}/latest/meta-data/iam/security-credentials/${path}`, {headers: {'x-aws-ec2-metadata-token': token}})).text();
		const keys = JSON.parse(await read('build-host-role')) as Record<string, string>;
		const config = {
			...adminConfig(sandbox.current),
			credentials: {accessKeyId: keys['AccessKeyId']!, secretAccessKey: keys['SecretAccessKey']!, sessionToken: keys['Token']!},
		};
		host = {ec2: new EC2Client(config), iam: new IAMClient(config)};
		await iam().send(new CreatePolicyCommand({PolicyName: 'iam-only', PolicyDocument: document({Effect: 'Allow', Action: 'iam:*', Resource: '*'})}));
		await iam().send(
			new CreatePolicyCommand({PolicyName: 'may-list-roles', PolicyDocument: document({Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*'})}),
		);
		await iam().send(
			new CreatePolicyCommand({
				PolicyName: 'no-listing',
				PolicyDocument: document({Effect: 'Allow', Action: '*', Resource: '*'}, {Effect: 'Deny', Action: 'iam:ListRoles', Resource: '*'}),
			}),
		);
		await iam().send(new AttachRolePolicyCommand({RoleName: 'build-host-role', PolicyArn: policyArn('may-list-roles')}));
	});

	it('stores the boundary given to CreateRole and shows it where IAM does', async () => {
		const created = await iam().send(
			new CreateRoleCommand({RoleName: 'bounded', AssumeRolePolicyDocument: ec2Trust, PermissionsBoundary: policyArn('iam-only')}),
		);
		const shown = {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: policyArn('iam-only')};
		expect(created.Role?.PermissionsBoundary).toEqual(shown);
		expect((await iam().send(new GetRoleCommand({RoleName: 'bounded'}))).Role?.PermissionsBoundary).toEqual(shown);
		// Listings leave it out, as IAM's do.
		const listed = (await iam().send(new ListRolesCommand({}))).Roles?.find(role => role.RoleName === 'bounded');
		expect(listed?.PermissionsBoundary).toBeUndefined();
		await expect(
			iam().send(new CreateRoleCommand({RoleName: 'unbounded', AssumeRolePolicyDocument: ec2Trust, PermissionsBoundary: policyArn('ghost')})),
		).rejects.toMatchObject({name: 'NoSuchEntityException', message: `Scope ARN: ${policyArn('ghost')} does not exist or is not attachable.`});
	});

	it('counts a boundary as a use of the policy: no DeletePolicy while it bounds a role', async () => {
		const {Policy: policy} = await iam().send(new GetPolicyCommand({PolicyArn: policyArn('iam-only')}));
		expect(policy).toMatchObject({AttachmentCount: 0, PermissionsBoundaryUsageCount: 1});
		await expect(iam().send(new DeletePolicyCommand({PolicyArn: policyArn('iam-only')}))).rejects.toMatchObject({
			name: 'DeleteConflictException',
			$metadata: {httpStatusCode: 409},
		});
		const asBoundary = await iam().send(new ListEntitiesForPolicyCommand({PolicyArn: policyArn('iam-only'), PolicyUsageFilter: 'PermissionsBoundary'}));
		expect(asBoundary.PolicyRoles?.map(role => role.RoleName)).toEqual(['bounded']);
		const asPolicy = await iam().send(new ListEntitiesForPolicyCommand({PolicyArn: policyArn('iam-only'), PolicyUsageFilter: 'PermissionsPolicy'}));
		expect(asPolicy.PolicyRoles).toEqual([]);
	});

	it('allows only what both the role policies and the boundary allow', async () => {
		const {accountId, instanceId} = sandbox.current;
		await host.ec2.send(new DescribeInstancesCommand({}));
		await iam().send(new PutRolePermissionsBoundaryCommand({RoleName: 'build-host-role', PermissionsBoundary: policyArn('iam-only')}));
		expect((await iam().send(new GetRoleCommand({RoleName: 'build-host-role'}))).Role?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(policyArn('iam-only'));
		// Allowed by the baseline policy, outside the boundary.
		const outside = await host.ec2.send(new DescribeInstancesCommand({})).catch((e: unknown) => e);
		expect(outside).toMatchObject({name: 'UnauthorizedOperation'});
		expect((outside as Error).message).toContain(
			`arn:aws:sts::${accountId}:assumed-role/build-host-role/${instanceId} is not authorized to perform: ec2:DescribeInstances on resource: * because no permissions boundary allows the ec2:DescribeInstances action`,
		);
		// Within the boundary and allowed by a role policy.
		await host.iam.send(new ListRolesCommand({}));
		// Within the boundary, but no role policy allows it.
		await expect(host.iam.send(new GetPolicyCommand({PolicyArn: policyArn('iam-only')}))).rejects.toMatchObject({
			name: 'AccessDenied',
			message: expect.stringContaining('because no identity-based policy allows the iam:GetPolicy action'),
		});
		// An explicit deny in the boundary wins.
		await iam().send(new PutRolePermissionsBoundaryCommand({RoleName: 'build-host-role', PermissionsBoundary: policyArn('no-listing')}));
		await expect(host.iam.send(new ListRolesCommand({}))).rejects.toMatchObject({
			name: 'AccessDenied',
			message: expect.stringContaining('with an explicit deny in a permissions boundary'),
		});
		await host.ec2.send(new DescribeInstancesCommand({}));
		await iam().send(new DeleteRolePermissionsBoundaryCommand({RoleName: 'build-host-role'}));
		await iam().send(new DeleteRolePermissionsBoundaryCommand({RoleName: 'build-host-role'}));
		expect((await iam().send(new GetRoleCommand({RoleName: 'build-host-role'}))).Role?.PermissionsBoundary).toBeUndefined();
		await host.iam.send(new ListRolesCommand({}));
		await expect(
			iam().send(new PutRolePermissionsBoundaryCommand({RoleName: 'build-host-role', PermissionsBoundary: policyArn('ghost')})),
		).rejects.toMatchObject({name: 'NoSuchEntityException'});
	});
});
