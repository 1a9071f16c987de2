import {
	CreatePolicyCommand,
	CreatePolicyVersionCommand,
	CreateRoleCommand,
	IAMClient,
	PutRolePolicyCommand,
	UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {beforeAll, describe, expect, it} from 'vitest';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';

// JSON.parse keeps the last of two equal keys: stored, this Deny would be read as an Allow.
const twoEffects = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Effect":"Allow","Action":"*","Resource":"*"}]}';
const twoConditionKeys =
	'{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",' +
	'"Condition":{"StringEquals":{"aws:PrincipalType":"AssumedRole","aws:PrincipalType":"User"}}}]}';
const trustTwice =
	'{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com","Service":"ecs.amazonaws.com"},"Action":"sts:AssumeRole"}}';
const refused = {name: 'MalformedPolicyDocumentException', message: 'Syntax errors in policy.', $metadata: {httpStatusCode: 400}};

describe('policy documents with duplicate keys, through the real SDK', () => {
	const sandbox = useSandbox();
	const iam = () => new IAMClient(adminConfig(sandbox.current));
	const valid = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*'}]});

	beforeAll(async () => {
		await iam().send(new CreateRoleCommand({RoleName: 'holder', AssumeRolePolicyDocument: ec2Trust}));
		await iam().send(new CreatePolicyCommand({PolicyName: 'valid', PolicyDocument: valid}));
	});

	it.each([twoEffects, twoConditionKeys])('refuses a managed policy, a new version and an inline policy: %s', async document => {
		await expect(iam().send(new CreatePolicyCommand({PolicyName: 'dup', PolicyDocument: document}))).rejects.toMatchObject(refused);
		const arn = `arn:aws:iam::${sandbox.current.accountId}:policy/valid`;
		await expect(iam().send(new CreatePolicyVersionCommand({PolicyArn: arn, PolicyDocument: document, SetAsDefault: true}))).rejects.toMatchObject(refused);
		await expect(iam().send(new PutRolePolicyCommand({RoleName: 'holder', PolicyName: 'dup', PolicyDocument: document}))).rejects.toMatchObject(refused);
	});

	it('refuses a trust policy, at creation and on update', async () => {
		await expect(iam().send(new CreateRoleCommand({RoleName: 'dup', AssumeRolePolicyDocument: trustTwice}))).rejects.toMatchObject(refused);
		await expect(iam().send(new UpdateAssumeRolePolicyCommand({RoleName: 'holder', PolicyDocument: trustTwice}))).rejects.toMatchObject(refused);
	});
});
