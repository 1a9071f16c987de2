import {describe, expect, it} from 'vitest';
import {adminAwsCli, awsCli} from '../../helpers/aws-cli.js';
import {useSandbox} from '../../helpers/sandbox.js';

// The commands a learner types next, through the aws CLI v1 as they would type them.
describe('learner commands through the aws CLI v1', {timeout: 120_000}, () => {
	const sandbox = useSandbox({scenario: 'access-denied', instances: 2});
	const aws = adminAwsCli(sandbox);

	it('lists the AWS managed policies, a page at a time as the CLI asks for them', async () => {
		const output = (await aws('iam', 'list-policies', '--scope', 'AWS', '--page-size', '1')) as {Policies: Array<{PolicyName: string; Arn: string}>};
		expect(output.Policies.map(policy => policy.PolicyName)).toEqual([
			'AWSCodeArtifactAdminAccess',
			'AWSCodeArtifactReadOnlyAccess',
			'AdministratorAccess',
			'AmazonSSMManagedInstanceCore',
		]);
		expect(output.Policies.map(policy => policy.Arn)).toContain('arn:aws:iam::aws:policy/AWSCodeArtifactReadOnlyAccess');
	});

	it('gets a session token whose credentials act as the admin', async () => {
		const output = (await aws('sts', 'get-session-token', '--duration-seconds', '900')) as {
			Credentials: {AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string};
		};
		expect(output.Credentials.AccessKeyId).toMatch(/^ASIA/);
		expect(Date.parse(output.Credentials.Expiration)).toBeGreaterThan(Date.now());
		const identity = (await awsCli(
			sandbox.current,
			{
				AWS_ACCESS_KEY_ID: output.Credentials.AccessKeyId,
				AWS_SECRET_ACCESS_KEY: output.Credentials.SecretAccessKey,
				AWS_SESSION_TOKEN: output.Credentials.SessionToken,
			},
			'sts',
			'get-caller-identity',
		)) as {Arn: string};
		expect(identity.Arn).toBe(`arn:aws:iam::${sandbox.current.accountId}:user/sandbox-admin`);
	});

	it('finds a build host by its Name tag', async () => {
		const output = (await aws(
			'ec2',
			'describe-instances',
			'--filters',
			'Name=tag:Name,Values=build-host-2',
			'--query',
			'Reservations[].Instances[].Tags',
		)) as Array<Array<{Key: string; Value: string}>>;
		expect(output).toEqual([[{Key: 'Name', Value: 'build-host-2'}]]);
	});

	it('assumes a role, gets the user and lists the regions', async () => {
		const {accountId} = sandbox.current;
		const trust = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: accountId}, Action: 'sts:AssumeRole'}]});
		await aws('iam', 'create-role', '--role-name', 'learner', '--assume-role-policy-document', trust);
		await aws('iam', 'update-role', '--role-name', 'learner', '--max-session-duration', '7200');
		const assumed = (await aws(
			'sts',
			'assume-role',
			'--role-arn',
			`arn:aws:iam::${accountId}:role/learner`,
			'--role-session-name',
			'cli',
			'--duration-seconds',
			'7200',
		)) as {
			AssumedRoleUser: {Arn: string};
		};
		expect(assumed.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/learner/cli`);
		const user = (await aws('iam', 'get-user')) as {User: {UserName: string}};
		expect(user.User.UserName).toBe('sandbox-admin');
		const regions = (await aws('ec2', 'describe-regions', '--query', 'Regions[].RegionName')) as string[];
		expect(regions).toContain(sandbox.current.region);
	});
});
