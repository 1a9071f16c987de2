import {
	AttachRolePolicyCommand,
	CreatePolicyCommand,
	CreatePolicyVersionCommand,
	CreateRoleCommand,
	DeletePolicyCommand,
	DeletePolicyVersionCommand,
	DeleteRoleCommand,
	DeleteRolePolicyCommand,
	DetachRolePolicyCommand,
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetRolePolicyCommand,
	IAMClient,
	ListAttachedRolePoliciesCommand,
	ListEntitiesForPolicyCommand,
	ListPoliciesCommand,
	ListPolicyVersionsCommand,
	ListRolePoliciesCommand,
	PutRolePolicyCommand,
	SetDefaultPolicyVersionCommand,
} from '@aws-sdk/client-iam';
import {describe, expect, it} from 'vitest';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';

function allow(action: string, resource = '*'): string {
	return JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: action, Resource: resource}]});
}

describe('IAM managed and inline policies through the real SDK', () => {
	const sandbox = useSandbox({scenario: 'no-profile'});
	const iam = () => new IAMClient(adminConfig(sandbox.current));
	const arn = (name: string, path = '/') => `arn:aws:iam::${sandbox.current.accountId}:policy${path}${name}`;

	it('creates a policy and gets it and its first version', async () => {
		const {Policy: policy} = await iam().send(
			new CreatePolicyCommand({
				PolicyName: 'read-tokens',
				Path: '/ca/',
				PolicyDocument: allow('codeartifact:GetAuthorizationToken'),
				Description: 'tokens',
			}),
		);
		expect(policy).toMatchObject({
			PolicyName: 'read-tokens',
			Path: '/ca/',
			Arn: arn('read-tokens', '/ca/'),
			DefaultVersionId: 'v1',
			AttachmentCount: 0,
			IsAttachable: true,
		});
		expect(policy?.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
		const got = await iam().send(new GetPolicyCommand({PolicyArn: arn('read-tokens', '/ca/')}));
		expect(got.Policy).toMatchObject({PolicyName: 'read-tokens', Description: 'tokens'});
		const {PolicyVersion: version} = await iam().send(new GetPolicyVersionCommand({PolicyArn: arn('read-tokens', '/ca/'), VersionId: 'v1'}));
		expect(version).toMatchObject({VersionId: 'v1', IsDefaultVersion: true});
		expect(JSON.parse(decodeURIComponent(version?.Document ?? ''))).toEqual(JSON.parse(allow('codeartifact:GetAuthorizationToken')));
	});

	it('refuses malformed documents, duplicates and unknown ARNs in IAM words', async () => {
		await expect(iam().send(new CreatePolicyCommand({PolicyName: 'broken', PolicyDocument: '{"Statement": 1'}))).rejects.toMatchObject({
			name: 'MalformedPolicyDocumentException',
			message: 'Syntax errors in policy.',
			$metadata: {httpStatusCode: 400},
		});
		const withPrincipal = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*'}]});
		await expect(iam().send(new CreatePolicyCommand({PolicyName: 'broken', PolicyDocument: withPrincipal}))).rejects.toMatchObject({
			name: 'MalformedPolicyDocumentException',
			message: 'Policy document should not specify a principal.',
		});
		await expect(iam().send(new CreatePolicyCommand({PolicyName: 'read-tokens', PolicyDocument: allow('s3:*')}))).rejects.toMatchObject({
			name: 'EntityAlreadyExistsException',
			message: 'A policy called read-tokens already exists. Duplicate names are not allowed.',
		});
		await expect(iam().send(new GetPolicyCommand({PolicyArn: arn('missing')}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
			message: `Policy ${arn('missing')} was not found.`,
		});
		await expect(iam().send(new GetPolicyCommand({PolicyArn: 'not-an-arn-but-long-enough'}))).rejects.toMatchObject({name: 'InvalidInputException'});
	});

	it('keeps versions v1..vN and evaluates the default one', async () => {
		const policyArn = arn('read-tokens', '/ca/');
		const v2 = await iam().send(new CreatePolicyVersionCommand({PolicyArn: policyArn, PolicyDocument: allow('codeartifact:*')}));
		expect(v2.PolicyVersion).toMatchObject({VersionId: 'v2', IsDefaultVersion: false});
		const v3 = await iam().send(new CreatePolicyVersionCommand({PolicyArn: policyArn, PolicyDocument: allow('codeartifact:Describe*'), SetAsDefault: true}));
		expect(v3.PolicyVersion).toMatchObject({VersionId: 'v3', IsDefaultVersion: true});
		expect((await iam().send(new GetPolicyCommand({PolicyArn: policyArn}))).Policy?.DefaultVersionId).toBe('v3');
		const listed = await iam().send(new ListPolicyVersionsCommand({PolicyArn: policyArn}));
		expect(listed.Versions?.map(v => [v.VersionId, v.IsDefaultVersion])).toEqual([
			['v3', true],
			['v2', false],
			['v1', false],
		]);
		await expect(iam().send(new DeletePolicyVersionCommand({PolicyArn: policyArn, VersionId: 'v3'}))).rejects.toMatchObject({name: 'DeleteConflictException'});
		await iam().send(new SetDefaultPolicyVersionCommand({PolicyArn: policyArn, VersionId: 'v1'}));
		await iam().send(new DeletePolicyVersionCommand({PolicyArn: policyArn, VersionId: 'v2'}));
		await expect(iam().send(new GetPolicyVersionCommand({PolicyArn: policyArn, VersionId: 'v2'}))).rejects.toMatchObject({name: 'NoSuchEntityException'});
		// Version ids are never reused.
		const v4 = await iam().send(new CreatePolicyVersionCommand({PolicyArn: policyArn, PolicyDocument: allow('codeartifact:List*')}));
		expect(v4.PolicyVersion?.VersionId).toBe('v4');
		for (let i = 0; i < 2; i++) await iam().send(new CreatePolicyVersionCommand({PolicyArn: policyArn, PolicyDocument: allow('s3:GetObject')}));
		await expect(iam().send(new CreatePolicyVersionCommand({PolicyArn: policyArn, PolicyDocument: allow('s3:GetObject')}))).rejects.toMatchObject({
			name: 'LimitExceededException',
			$metadata: {httpStatusCode: 409},
		});
	});

	it('lists local policies with scope and pagination', async () => {
		for (const name of ['list-1', 'list-2', 'list-3'])
			await iam().send(new CreatePolicyCommand({PolicyName: name, Path: '/list/', PolicyDocument: allow('s3:ListBucket')}));
		const first = await iam().send(new ListPoliciesCommand({Scope: 'Local', PathPrefix: '/list/', MaxItems: 2}));
		expect(first.Policies?.map(p => p.PolicyName)).toEqual(['list-1', 'list-2']);
		expect(first.IsTruncated).toBe(true);
		const rest = await iam().send(new ListPoliciesCommand({Scope: 'Local', PathPrefix: '/list/', MaxItems: 2, Marker: first.Marker}));
		expect(rest.Policies?.map(p => p.PolicyName)).toEqual(['list-3']);
		expect(rest.IsTruncated).toBe(false);
		expect((await iam().send(new ListPoliciesCommand({Scope: 'AWS', PathPrefix: '/list/'}))).Policies).toEqual([]);
		await expect(iam().send(new ListPoliciesCommand({Scope: 'Everything' as 'All'}))).rejects.toMatchObject({name: 'ValidationError'});
	});

	it('attaches and detaches managed policies, and counts attachments', async () => {
		await iam().send(new CreateRoleCommand({RoleName: 'host', AssumeRolePolicyDocument: ec2Trust}));
		await iam().send(new AttachRolePolicyCommand({RoleName: 'host', PolicyArn: arn('list-1', '/list/')}));
		await iam().send(new AttachRolePolicyCommand({RoleName: 'host', PolicyArn: arn('list-2', '/list/')}));
		const attached = await iam().send(new ListAttachedRolePoliciesCommand({RoleName: 'host'}));
		expect(attached.AttachedPolicies).toEqual([
			{PolicyName: 'list-1', PolicyArn: arn('list-1', '/list/')},
			{PolicyName: 'list-2', PolicyArn: arn('list-2', '/list/')},
		]);
		expect((await iam().send(new GetPolicyCommand({PolicyArn: arn('list-1', '/list/')}))).Policy?.AttachmentCount).toBe(1);
		const onlyAttached = await iam().send(new ListPoliciesCommand({OnlyAttached: true}));
		expect(onlyAttached.Policies?.map(p => p.PolicyName)).toEqual(['list-1', 'list-2']);
		const entities = await iam().send(new ListEntitiesForPolicyCommand({PolicyArn: arn('list-1', '/list/')}));
		expect(entities.PolicyRoles).toEqual([{RoleName: 'host', RoleId: expect.stringMatching(/^AROA/)}]);
		expect(entities.PolicyUsers).toEqual([]);
		expect(entities.PolicyGroups).toEqual([]);
		await iam().send(new DetachRolePolicyCommand({RoleName: 'host', PolicyArn: arn('list-2', '/list/')}));
		await expect(iam().send(new DetachRolePolicyCommand({RoleName: 'host', PolicyArn: arn('list-2', '/list/')}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
		});
		expect((await iam().send(new ListAttachedRolePoliciesCommand({RoleName: 'host'}))).AttachedPolicies?.map(p => p.PolicyName)).toEqual(['list-1']);
	});

	it('refuses to attach a policy that does not exist, or belongs to another account', async () => {
		const other = 'arn:aws:iam::111122223333:policy/list-1';
		await expect(iam().send(new AttachRolePolicyCommand({RoleName: 'host', PolicyArn: other}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
			message: `Policy ${other} does not exist or is not attachable.`,
		});
		await expect(iam().send(new AttachRolePolicyCommand({RoleName: 'host', PolicyArn: arn('nope')}))).rejects.toMatchObject({name: 'NoSuchEntityException'});
		await expect(iam().send(new AttachRolePolicyCommand({RoleName: 'ghost', PolicyArn: arn('list-1', '/list/')}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
			message: 'The role with name ghost cannot be found.',
		});
	});

	it('puts, gets, lists and deletes inline policies', async () => {
		await iam().send(new PutRolePolicyCommand({RoleName: 'host', PolicyName: 'inline-b', PolicyDocument: allow('sts:GetServiceBearerToken')}));
		await iam().send(new PutRolePolicyCommand({RoleName: 'host', PolicyName: 'inline-a', PolicyDocument: allow('codeartifact:ReadFromRepository')}));
		const got = await iam().send(new GetRolePolicyCommand({RoleName: 'host', PolicyName: 'inline-b'}));
		expect(got).toMatchObject({RoleName: 'host', PolicyName: 'inline-b'});
		expect(decodeURIComponent(got.PolicyDocument ?? '')).toBe(allow('sts:GetServiceBearerToken'));
		expect((await iam().send(new ListRolePoliciesCommand({RoleName: 'host'}))).PolicyNames).toEqual(['inline-a', 'inline-b']);
		const page = await iam().send(new ListRolePoliciesCommand({RoleName: 'host', MaxItems: 1}));
		expect(page).toMatchObject({PolicyNames: ['inline-a'], IsTruncated: true});
		await expect(iam().send(new PutRolePolicyCommand({RoleName: 'host', PolicyName: 'bad', PolicyDocument: '[]'}))).rejects.toMatchObject({
			name: 'MalformedPolicyDocumentException',
		});
		await expect(iam().send(new GetRolePolicyCommand({RoleName: 'host', PolicyName: 'nope'}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
			message: 'The role policy with name nope cannot be found.',
		});
	});

	it('refuses to delete what is still in use with DeleteConflict', async () => {
		await expect(iam().send(new DeletePolicyCommand({PolicyArn: arn('list-1', '/list/')}))).rejects.toMatchObject({
			name: 'DeleteConflictException',
			message: 'Cannot delete a policy attached to entities.',
			$metadata: {httpStatusCode: 409},
		});
		await expect(iam().send(new DeleteRoleCommand({RoleName: 'host'}))).rejects.toMatchObject({
			name: 'DeleteConflictException',
			message: 'Cannot delete entity, must detach all policies first.',
		});
		await iam().send(new DetachRolePolicyCommand({RoleName: 'host', PolicyArn: arn('list-1', '/list/')}));
		await expect(iam().send(new DeleteRoleCommand({RoleName: 'host'}))).rejects.toMatchObject({
			name: 'DeleteConflictException',
			message: 'Cannot delete entity, must delete policies first.',
		});
		await iam().send(new DeleteRolePolicyCommand({RoleName: 'host', PolicyName: 'inline-a'}));
		await iam().send(new DeleteRolePolicyCommand({RoleName: 'host', PolicyName: 'inline-b'}));
		await iam().send(new DeleteRoleCommand({RoleName: 'host'}));
		await iam().send(new DeletePolicyCommand({PolicyArn: arn('list-1', '/list/')}));
		await expect(iam().send(new GetPolicyCommand({PolicyArn: arn('list-1', '/list/')}))).rejects.toMatchObject({name: 'NoSuchEntityException'});
		// A policy with versions besides the default one must lose them first.
		await expect(iam().send(new DeletePolicyCommand({PolicyArn: arn('read-tokens', '/ca/')}))).rejects.toMatchObject({name: 'DeleteConflictException'});
	});
});
