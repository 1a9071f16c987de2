import {
	CreateInstanceProfileCommand,
	CreatePolicyCommand,
	CreateRoleCommand,
	GetInstanceProfileCommand,
	GetPolicyCommand,
	GetRoleCommand,
	IAMClient,
	ListInstanceProfilesCommand,
	ListInstanceProfileTagsCommand,
	ListPoliciesCommand,
	ListPolicyTagsCommand,
	ListRolesCommand,
	ListRoleTagsCommand,
	TagInstanceProfileCommand,
	TagPolicyCommand,
	TagRoleCommand,
	UntagInstanceProfileCommand,
	UntagPolicyCommand,
	UntagRoleCommand,
} from '@aws-sdk/client-iam';
import {beforeAll, describe, expect, it} from 'vitest';
import {adminConfig} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';
import {useSandboxWithRoles} from '../codeartifact/role-sessions.js';

// Tags on roles, customer managed policies and instance profiles, through the real SDK: what
// IAM stores and returns, what it refuses, and how tags take part in authorization.

const tags = (count: number, prefix = 'key') => Array.from({length: count}, (_, index) => ({Key: `${prefix}${index}`, Value: `value${index}`}));
const document = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}]});
const policy = (...statements: object[]) => ({Version: '2012-10-17', Statement: statements});

/** Each seeded role's policy. */
const roles = {
	reader: policy({Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRoleTags'], Resource: '*'}),
	tagger: policy({Effect: 'Allow', Action: ['iam:TagRole', 'iam:UntagRole', 'iam:ListRoleTags'], Resource: '*'}),
	// May tag only with team=builders, and remove only the team tag.
	'team-tagger': policy(
		{
			Effect: 'Allow',
			Action: 'iam:TagRole',
			Resource: '*',
			Condition: {StringEquals: {'aws:RequestTag/team': 'builders'}, 'ForAllValues:StringEquals': {'aws:TagKeys': ['team']}},
		},
		{Effect: 'Allow', Action: 'iam:UntagRole', Resource: '*', Condition: {'ForAllValues:StringEquals': {'aws:TagKeys': ['team']}}},
		{Effect: 'Allow', Action: 'iam:CreateRole', Resource: '*', Condition: {Null: {'aws:RequestTag/stage': 'true'}}},
	),
	'prod-guard': policy(
		{Effect: 'Allow', Action: '*', Resource: '*'},
		{Effect: 'Deny', Action: 'iam:GetRole', Resource: '*', Condition: {StringEquals: {'aws:ResourceTag/stage': 'prod'}}},
	),
};

describe('IAM tags through the real SDK', () => {
	const {sandbox, configFor} = useSandboxWithRoles(roles);
	const admin = () => new IAMClient(adminConfig(sandbox.current));
	const as = (role: keyof typeof roles) => new IAMClient(configFor(role));
	let policyArn = '';

	beforeAll(async () => {
		const iam = admin();
		await iam.send(new CreateRoleCommand({RoleName: 'tagged-role', AssumeRolePolicyDocument: ec2Trust, Tags: [{Key: 'team', Value: 'builders'}]}));
		policyArn =
			(await iam.send(new CreatePolicyCommand({PolicyName: 'tagged-policy', PolicyDocument: document, Tags: [{Key: 'team', Value: 'builders'}]}))).Policy
				?.Arn ?? '';
		await iam.send(new CreateInstanceProfileCommand({InstanceProfileName: 'tagged-profile', Tags: [{Key: 'team', Value: 'builders'}]}));
	});

	it('tags, lists and untags a role; GetRole returns the tags, ListRoles does not', async () => {
		const iam = admin();
		await iam.send(
			new TagRoleCommand({
				RoleName: 'tagged-role',
				Tags: [
					{Key: 'stage', Value: 'dev'},
					{Key: 'Team', Value: 'platform'},
				],
			}),
		);
		// IAM's keys ignore case: Team replaces team, and keeps the new spelling.
		expect(await iam.send(new ListRoleTagsCommand({RoleName: 'tagged-role'}))).toMatchObject({
			Tags: [
				{Key: 'stage', Value: 'dev'},
				{Key: 'Team', Value: 'platform'},
			],
			IsTruncated: false,
		});
		expect((await iam.send(new GetRoleCommand({RoleName: 'tagged-role'}))).Role?.Tags).toEqual([
			{Key: 'Team', Value: 'platform'},
			{Key: 'stage', Value: 'dev'},
		]);
		expect((await iam.send(new ListRolesCommand({}))).Roles?.find(role => role.RoleName === 'tagged-role')?.Tags).toBeUndefined();
		await iam.send(new UntagRoleCommand({RoleName: 'tagged-role', TagKeys: ['STAGE', 'absent']}));
		expect((await iam.send(new ListRoleTagsCommand({RoleName: 'tagged-role'}))).Tags).toEqual([{Key: 'Team', Value: 'platform'}]);
	});

	it('tags, lists and untags a managed policy', async () => {
		const iam = admin();
		await iam.send(new TagPolicyCommand({PolicyArn: policyArn, Tags: [{Key: 'owner', Value: 'ops'}]}));
		expect((await iam.send(new ListPolicyTagsCommand({PolicyArn: policyArn}))).Tags).toEqual([
			{Key: 'owner', Value: 'ops'},
			{Key: 'team', Value: 'builders'},
		]);
		expect((await iam.send(new GetPolicyCommand({PolicyArn: policyArn}))).Policy?.Tags).toHaveLength(2);
		expect((await iam.send(new ListPoliciesCommand({Scope: 'Local'}))).Policies?.[0]?.Tags).toBeUndefined();
		await iam.send(new UntagPolicyCommand({PolicyArn: policyArn, TagKeys: ['team']}));
		expect((await iam.send(new ListPolicyTagsCommand({PolicyArn: policyArn}))).Tags).toEqual([{Key: 'owner', Value: 'ops'}]);
	});

	it('tags, lists and untags an instance profile, paging with MaxItems', async () => {
		const iam = admin();
		await iam.send(new TagInstanceProfileCommand({InstanceProfileName: 'tagged-profile', Tags: tags(3)}));
		const first = await iam.send(new ListInstanceProfileTagsCommand({InstanceProfileName: 'tagged-profile', MaxItems: 3}));
		expect(first).toMatchObject({Tags: tags(3), IsTruncated: true});
		const rest = await iam.send(new ListInstanceProfileTagsCommand({InstanceProfileName: 'tagged-profile', Marker: first.Marker}));
		expect(rest).toMatchObject({Tags: [{Key: 'team', Value: 'builders'}], IsTruncated: false});
		expect((await iam.send(new GetInstanceProfileCommand({InstanceProfileName: 'tagged-profile'}))).InstanceProfile?.Tags).toHaveLength(4);
		expect((await iam.send(new ListInstanceProfilesCommand({}))).InstanceProfiles?.[0]?.Tags).toBeUndefined();
		await iam.send(new UntagInstanceProfileCommand({InstanceProfileName: 'tagged-profile', TagKeys: tags(3).map(tag => tag.Key)}));
		expect((await iam.send(new ListInstanceProfileTagsCommand({InstanceProfileName: 'tagged-profile'}))).Tags).toEqual([{Key: 'team', Value: 'builders'}]);
	});

	it('holds at most 50 tags per resource', async () => {
		const iam = admin();
		await iam.send(new CreateRoleCommand({RoleName: 'full-role', AssumeRolePolicyDocument: ec2Trust, Tags: tags(50)}));
		await iam.send(new TagRoleCommand({RoleName: 'full-role', Tags: [{Key: 'KEY0', Value: 'replaced'}]})); // a replacement adds none
		await expect(iam.send(new TagRoleCommand({RoleName: 'full-role', Tags: [{Key: 'one-more', Value: 'x'}]}))).rejects.toMatchObject({
			name: 'LimitExceededException',
			message: 'Cannot exceed quota for TagsPerRole: 50',
			$metadata: {httpStatusCode: 409},
		});
		await iam.send(new TagPolicyCommand({PolicyArn: policyArn, Tags: tags(49)}));
		await expect(iam.send(new TagPolicyCommand({PolicyArn: policyArn, Tags: tags(1, 'other')}))).rejects.toMatchObject({
			name: 'LimitExceededException',
			message: 'Cannot exceed quota for TagsPerPolicy: 50',
		});
		await expect(iam.send(new TagInstanceProfileCommand({InstanceProfileName: 'tagged-profile', Tags: tags(51)}))).rejects.toMatchObject({
			name: 'ValidationError',
			message: "1 validation error detected: Value '[…]' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
		});
	});

	it('refuses bad keys and values, duplicate keys and the aws: prefix', async () => {
		const iam = admin();
		await expect(
			iam.send(
				new TagRoleCommand({
					RoleName: 'tagged-role',
					Tags: [
						{Key: 'bad#key', Value: 'v'},
						{Key: 'k', Value: 'x'.repeat(257)},
					],
				}),
			),
		).rejects.toMatchObject({
			name: 'ValidationError',
			message: expect.stringMatching(
				/^2 validation errors detected: Value 'bad#key' at 'tags\.1\.member\.key' .*pattern: \[\\p\{L\}.*; Value 'x{257}' at 'tags\.2\.member\.value' failed to satisfy constraint: Member must have length less than or equal to 256$/,
			),
		});
		await expect(
			iam.send(
				new TagRoleCommand({
					RoleName: 'tagged-role',
					Tags: [
						{Key: 'Env', Value: 'a'},
						{Key: 'env', Value: 'b'},
					],
				}),
			),
		).rejects.toMatchObject({
			name: 'InvalidInputException',
			message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
		});
		for (const key of ['aws:createdBy', 'AWS:x']) {
			await expect(iam.send(new TagRoleCommand({RoleName: 'tagged-role', Tags: [{Key: key, Value: 'v'}]}))).rejects.toMatchObject({
				name: 'InvalidInputException',
				message: expect.stringContaining("'aws:'"),
			});
		}
		await expect(
			iam.send(new CreatePolicyCommand({PolicyName: 'reserved', PolicyDocument: document, Tags: [{Key: 'aws:x', Value: 'v'}]})),
		).rejects.toMatchObject({name: 'InvalidInputException'});
		await expect(iam.send(new UntagRoleCommand({RoleName: 'tagged-role', TagKeys: ['bad#key']}))).rejects.toMatchObject({
			name: 'ValidationError',
			message: expect.stringContaining("at 'tagKeys.1.member'"),
		});
		expect((await iam.send(new ListRoleTagsCommand({RoleName: 'tagged-role'}))).Tags).toEqual([{Key: 'Team', Value: 'platform'}]);
	});

	it('answers NoSuchEntity for what does not exist, InvalidInput for a policy ARN that is none', async () => {
		const iam = admin();
		await expect(iam.send(new TagRoleCommand({RoleName: 'nobody', Tags: tags(1)}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
			message: 'The role with name nobody cannot be found.',
		});
		await expect(iam.send(new ListInstanceProfileTagsCommand({InstanceProfileName: 'nothing'}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
			message: 'Instance Profile nothing cannot be found.',
		});
		const missing = `arn:aws:iam::${sandbox.current.accountId}:policy/missing`;
		await expect(iam.send(new UntagPolicyCommand({PolicyArn: missing, TagKeys: ['a']}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
			message: `Policy ${missing} was not found.`,
		});
		await expect(iam.send(new ListPolicyTagsCommand({PolicyArn: 'not-an-arn-but-twenty-long'}))).rejects.toMatchObject({name: 'InvalidInputException'});
	});

	it('needs the permission: AccessDenied without it (before the list is read), allowed with it', async () => {
		await expect(as('reader').send(new TagRoleCommand({RoleName: 'tagged-role', Tags: tags(51)}))).rejects.toMatchObject({
			name: 'AccessDenied',
			message: expect.stringContaining('is not authorized to perform: iam:TagRole on resource: arn:aws:iam::'),
		});
		await expect(as('reader').send(new UntagPolicyCommand({PolicyArn: policyArn, TagKeys: ['owner']}))).rejects.toMatchObject({name: 'AccessDenied'});
		await expect(as('reader').send(new ListInstanceProfileTagsCommand({InstanceProfileName: 'tagged-profile'}))).rejects.toMatchObject({name: 'AccessDenied'});
		await expect(as('reader').send(new ListRoleTagsCommand({RoleName: 'tagged-role'}))).resolves.toBeDefined();
		await as('tagger').send(new TagRoleCommand({RoleName: 'tagged-role', Tags: [{Key: 'by', Value: 'tagger'}]}));
		await as('tagger').send(new UntagRoleCommand({RoleName: 'tagged-role', TagKeys: ['by']}));
	});

	it('supplies aws:RequestTag/… and aws:TagKeys to the policies', async () => {
		const tagger = as('team-tagger');
		await tagger.send(new TagRoleCommand({RoleName: 'tagged-role', Tags: [{Key: 'team', Value: 'builders'}]}));
		await expect(tagger.send(new TagRoleCommand({RoleName: 'tagged-role', Tags: [{Key: 'team', Value: 'other'}]}))).rejects.toMatchObject({
			name: 'AccessDenied',
		});
		await expect(
			tagger.send(
				new TagRoleCommand({
					RoleName: 'tagged-role',
					Tags: [
						{Key: 'team', Value: 'builders'},
						{Key: 'extra', Value: 'x'},
					],
				}),
			),
		).rejects.toMatchObject({name: 'AccessDenied'});
		await tagger.send(new UntagRoleCommand({RoleName: 'tagged-role', TagKeys: ['team']}));
		await expect(tagger.send(new UntagRoleCommand({RoleName: 'tagged-role', TagKeys: ['team', 'stage']}))).rejects.toMatchObject({name: 'AccessDenied'});
		// A request tag the request does not set is absent, not unknown: Null holds on create.
		await tagger.send(new CreateRoleCommand({RoleName: 'untagged-by-team', AssumeRolePolicyDocument: ec2Trust}));
		await expect(
			tagger.send(new CreateRoleCommand({RoleName: 'staged', AssumeRolePolicyDocument: ec2Trust, Tags: [{Key: 'stage', Value: 'x'}]})),
		).rejects.toMatchObject({name: 'AccessDenied'});
	});

	it('evaluates aws:ResourceTag/… against the tags TagRole set, and UntagRole removed', async () => {
		const guarded = as('prod-guard');
		await guarded.send(new GetRoleCommand({RoleName: 'tagged-role'}));
		await admin().send(new TagRoleCommand({RoleName: 'tagged-role', Tags: [{Key: 'stage', Value: 'prod'}]}));
		await expect(guarded.send(new GetRoleCommand({RoleName: 'tagged-role'}))).rejects.toMatchObject({
			name: 'AccessDenied',
			message: expect.stringContaining('explicit deny'),
		});
		await admin().send(new UntagRoleCommand({RoleName: 'tagged-role', TagKeys: ['stage']}));
		await expect(guarded.send(new GetRoleCommand({RoleName: 'tagged-role'}))).resolves.toBeDefined();
	});
});
