import {CodeartifactClient, CreateDomainCommand, GetAuthorizationTokenCommand} from '@aws-sdk/client-codeartifact';
import {AssociateIamInstanceProfileCommand, DescribeIamInstanceProfileAssociationsCommand, EC2Client} from '@aws-sdk/client-ec2';
import {
	AddRoleToInstanceProfileCommand,
	AttachRolePolicyCommand,
	CreateInstanceProfileCommand,
	CreatePolicyCommand,
	CreatePolicyVersionCommand,
	CreateRoleCommand,
	DetachRolePolicyCommand,
	IAMClient,
	ListAttachedRolePoliciesCommand,
	PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {beforeAll, describe, expect, it} from 'vitest';
import type {RunningSandbox} from '../../../source/sandbox/index.js';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';
import {TestClock} from '../../helpers/test-clock.js';
import {ec2Trust} from '../../helpers/trust-policies.js';

// --iam-delay 5: an IAM change is visible to IAM's reads at once, and takes effect for
// authorisation and instance metadata exactly five seconds of the sandbox's clock later.

const delayMs = 5000;
const tokenPolicy = JSON.stringify({
	Version: '2012-10-17',
	Statement: [
		{Effect: 'Allow', Action: 'codeartifact:GetAuthorizationToken', Resource: '*'},
		{Effect: 'Allow', Action: 'sts:GetServiceBearerToken', Resource: '*'},
	],
});
const nothingPolicy = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*'}]});

/** Instance metadata, as the build host reads it: the body, or the status when it has none to give. */
async function metadata(sandbox: RunningSandbox, path: string): Promise<string | number> {
	const base = sandbox.endpoint;
	const token = await (await fetch(`${base}/latest/api/token`, {method: 'PUT', headers: {'x-aws-ec2-metadata-token-ttl-seconds': '600'}})).text();
	const response = await fetch(`${base}/latest/meta-data/iam/${path}`, {headers: {'x-aws-ec2-metadata-token': token}});
	return response.ok ? response.text() : response.status;
}

/** The build host's CodeArtifact client, with the credentials instance metadata hands it now. */
async function hostCodeartifact(sandbox: RunningSandbox, role: string): Promise<CodeartifactClient> {
	const keys = JSON.parse(String(await metadata(sandbox, `security-credentials/${role}`))) as Record<string, string>;
	const credentials = {accessKeyId: keys['AccessKeyId'] ?? '', secretAccessKey: keys['SecretAccessKey'] ?? '', sessionToken: keys['Token'] ?? ''};
	return new CodeartifactClient({...adminConfig(sandbox), credentials});
}

/** Whether the build host is granted a token now: 'granted', or the refusal's name. */
async function tokenAnswer(client: CodeartifactClient): Promise<string> {
	return client.send(new GetAuthorizationTokenCommand({domain: 'propagation'})).then(
		() => 'granted',
		(error: Error) => error.name,
	);
}

describe('--iam-delay: role policy changes take effect for authorisation after the delay', () => {
	const clock = new TestClock();
	const sandbox = useSandbox({scenario: 'access-denied', iamDelaySeconds: delayMs / 1000, clock});
	const iam = () => new IAMClient(adminConfig(sandbox.current));
	const policyArn = (name: string) => `arn:aws:iam::${sandbox.current.accountId}:policy/${name}`;
	let host: CodeartifactClient;

	beforeAll(async () => {
		await new CodeartifactClient(adminConfig(sandbox.current)).send(new CreateDomainCommand({domain: 'propagation'}));
		await iam().send(new CreatePolicyCommand({PolicyName: 'token', PolicyDocument: tokenPolicy}));
		host = await hostCodeartifact(sandbox.current, 'build-host-role');
	});

	/** The change is refused until exactly the delay has passed on the sandbox's clock, then it holds. */
	async function takesEffectAfterTheDelay(before: string, after: string): Promise<void> {
		expect(await tokenAnswer(host)).toBe(before);
		clock.advance(delayMs - 1);
		expect(await tokenAnswer(host)).toBe(before);
		clock.advance(1);
		expect(await tokenAnswer(host)).toBe(after);
	}

	it('AttachRolePolicy: listed at once, granting only after the delay; DetachRolePolicy: the same, the other way', async () => {
		await iam().send(new AttachRolePolicyCommand({RoleName: 'build-host-role', PolicyArn: policyArn('token')}));
		const attached = await iam().send(new ListAttachedRolePoliciesCommand({RoleName: 'build-host-role'}));
		expect(attached.AttachedPolicies?.map(policy => policy.PolicyName)).toContain('token');
		await takesEffectAfterTheDelay('AccessDeniedException', 'granted');

		await iam().send(new DetachRolePolicyCommand({RoleName: 'build-host-role', PolicyArn: policyArn('token')}));
		await takesEffectAfterTheDelay('granted', 'AccessDeniedException');
	});

	it('PutRolePolicy (inline) and a new default policy version take effect after the delay too', async () => {
		await iam().send(new PutRolePolicyCommand({RoleName: 'build-host-role', PolicyName: 'inline-token', PolicyDocument: tokenPolicy}));
		await takesEffectAfterTheDelay('AccessDeniedException', 'granted');

		await iam().send(new PutRolePolicyCommand({RoleName: 'build-host-role', PolicyName: 'inline-token', PolicyDocument: nothingPolicy}));
		await iam().send(new CreatePolicyCommand({PolicyName: 'versioned', PolicyDocument: nothingPolicy}));
		await iam().send(new AttachRolePolicyCommand({RoleName: 'build-host-role', PolicyArn: policyArn('versioned')}));
		await takesEffectAfterTheDelay('granted', 'AccessDeniedException');

		await iam().send(new CreatePolicyVersionCommand({PolicyArn: policyArn('versioned'), PolicyDocument: tokenPolicy, SetAsDefault: true}));
		await takesEffectAfterTheDelay('AccessDeniedException', 'granted');
	});
});

describe('--iam-delay: instance metadata hands out a new profile’s credentials only after the delay', () => {
	const clock = new TestClock();
	const sandbox = useSandbox({scenario: 'no-profile', iamDelaySeconds: delayMs / 1000, clock});

	it('a new profile is unknown to EC2 until the delay; its association is shown by EC2 at once, credentials after the delay', async () => {
		const admin = new IAMClient(adminConfig(sandbox.current));
		await admin.send(new CreateRoleCommand({RoleName: 'fresh-role', AssumeRolePolicyDocument: ec2Trust}));
		await admin.send(new CreateInstanceProfileCommand({InstanceProfileName: 'fresh-profile'}));
		await admin.send(new AddRoleToInstanceProfileCommand({InstanceProfileName: 'fresh-profile', RoleName: 'fresh-role'}));
		const ec2 = new EC2Client(adminConfig(sandbox.current));
		const associate = () =>
			ec2.send(new AssociateIamInstanceProfileCommand({InstanceId: sandbox.current.instanceId, IamInstanceProfile: {Name: 'fresh-profile'}}));
		// As on AWS: a profile made moments ago is "invalid" to EC2 until IAM's change has reached it.
		await expect(associate()).rejects.toMatchObject({
			name: 'InvalidParameterValue',
			message: 'Value (fresh-profile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
		});
		clock.advance(delayMs);
		await associate();
		const {IamInstanceProfileAssociations: associations} = await ec2.send(new DescribeIamInstanceProfileAssociationsCommand({}));
		expect(associations?.map(association => association.IamInstanceProfile?.Arn)).toEqual([expect.stringMatching(/:instance-profile\/fresh-profile$/)]);

		expect(await metadata(sandbox.current, 'security-credentials/')).toBe(404);
		clock.advance(delayMs - 1);
		expect(await metadata(sandbox.current, 'security-credentials/')).toBe(404);
		clock.advance(1);
		expect(await metadata(sandbox.current, 'security-credentials/')).toBe('fresh-role');
		expect(JSON.parse(String(await metadata(sandbox.current, 'security-credentials/fresh-role')))).toMatchObject({Code: 'Success'});
	});
});
