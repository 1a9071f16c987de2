import {
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribeDomainCommand,
	ListTagsForResourceCommand,
	TagResourceCommand,
	UntagResourceCommand,
} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import {adminConfig} from '../../helpers/sandbox.js';
import {useSandboxWithRoles} from './role-sessions.js';

// TagResource, UntagResource and ListTagsForResource on domains and repositories, through the
// real SDK: what CodeArtifact stores and returns, what it refuses, and tags in authorization.

const tags = (count: number, prefix = 'key') => Array.from({length: count}, (_, index) => ({key: `${prefix}${index}`, value: `value${index}`}));
const policy = (...statements: object[]) => ({Version: '2012-10-17', Statement: statements});

const roles = {
	reader: policy({Effect: 'Allow', Action: ['codeartifact:Describe*', 'codeartifact:ListTagsForResource'], Resource: '*'}),
	tagger: policy({
		Effect: 'Allow',
		Action: ['codeartifact:TagResource', 'codeartifact:UntagResource'],
		Resource: '*',
		Condition: {'ForAllValues:StringEquals': {'aws:TagKeys': ['team']}},
	}),
	'prod-guard': policy(
		{Effect: 'Allow', Action: '*', Resource: '*'},
		{Effect: 'Deny', Action: 'codeartifact:DescribeDomain', Resource: '*', Condition: {StringEquals: {'aws:ResourceTag/stage': 'prod'}}},
	),
	creator: policy({Effect: 'Allow', Action: 'codeartifact:CreateDomain', Resource: '*', Condition: {StringEquals: {'aws:RequestTag/owner': 'creator'}}}),
};

describe('CodeArtifact tags through the real SDK', () => {
	const {sandbox, configFor} = useSandboxWithRoles(roles);
	const admin = () => new CodeartifactClient(adminConfig(sandbox.current));
	const as = (role: keyof typeof roles) => new CodeartifactClient(configFor(role));
	const arn = (resource: string) => `arn:aws:codeartifact:${sandbox.current.region}:${sandbox.current.accountId}:${resource}`;

	beforeAll(async () => {
		await admin().send(new CreateDomainCommand({domain: 'tagged', tags: [{key: 'team', value: 'builders'}]}));
		await admin().send(new CreateRepositoryCommand({domain: 'tagged', repository: 'libs'}));
	});

	it('tags, lists and untags a domain and a repository', async () => {
		const client = admin();
		const domain = arn('domain/tagged');
		await client.send(
			new TagResourceCommand({
				resourceArn: domain,
				tags: [
					{key: 'stage', value: 'dev'},
					{key: 'team', value: 'platform'},
					{key: 'Team', value: 'other'},
				],
			}),
		);
		// Keys are exact: team is replaced in place, Team is another key.
		expect((await client.send(new ListTagsForResourceCommand({resourceArn: domain}))).tags).toEqual([
			{key: 'team', value: 'platform'},
			{key: 'stage', value: 'dev'},
			{key: 'Team', value: 'other'},
		]);
		await client.send(new UntagResourceCommand({resourceArn: domain, tagKeys: ['Team', 'stage', 'absent']}));
		expect((await client.send(new ListTagsForResourceCommand({resourceArn: domain}))).tags).toEqual([{key: 'team', value: 'platform'}]);

		const repository = arn('repository/tagged/libs');
		expect((await client.send(new ListTagsForResourceCommand({resourceArn: repository}))).tags).toEqual([]);
		await client.send(new TagResourceCommand({resourceArn: repository, tags: [{key: 'empty', value: ''}]}));
		expect((await client.send(new ListTagsForResourceCommand({resourceArn: repository}))).tags).toEqual([{key: 'empty', value: ''}]);
	});

	it('holds at most 50 tags per resource, and takes at most 200 in one call', async () => {
		const client = admin();
		const repository = arn('repository/tagged/libs');
		await client.send(new TagResourceCommand({resourceArn: repository, tags: tags(49)}));
		await expect(client.send(new TagResourceCommand({resourceArn: repository, tags: tags(1, 'other')}))).rejects.toMatchObject({
			name: 'ServiceQuotaExceededException',
			$metadata: {httpStatusCode: 402},
			resourceType: 'repository',
			resourceId: 'libs',
		});
		await expect(client.send(new CreateDomainCommand({domain: 'crowded', tags: tags(51)}))).rejects.toMatchObject({name: 'ServiceQuotaExceededException'});
		await expect(client.send(new TagResourceCommand({resourceArn: repository, tags: tags(201)}))).rejects.toMatchObject({
			name: 'ValidationException',
			message: "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 200",
		});
		await client.send(new UntagResourceCommand({resourceArn: repository, tagKeys: tags(49).map(tag => tag.key)}));
	});

	it('refuses bad keys and values and the aws: prefix', async () => {
		const client = admin();
		const domain = arn('domain/tagged');
		await expect(
			client.send(
				new TagResourceCommand({
					resourceArn: domain,
					tags: [
						{key: '', value: 'v'},
						{key: 'k', value: 'bell\u0007'},
					],
				}),
			),
		).rejects.toMatchObject({
			name: 'ValidationException',
			message:
				"2 validation errors detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1; Value 'bell\u0007' at 'tags.2.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: \\P{C}*",
		});
		await expect(client.send(new TagResourceCommand({resourceArn: domain, tags: [{key: 'AWS:owner', value: 'v'}]}))).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining("'aws:'"),
		});
		await expect(client.send(new CreateDomainCommand({domain: 'reserved', tags: [{key: 'aws:x', value: 'v'}]}))).rejects.toMatchObject({
			name: 'ValidationException',
		});
		await expect(client.send(new UntagResourceCommand({resourceArn: domain, tagKeys: ['k'.repeat(129)]}))).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining("at 'tagKeys.1.member'"),
		});
		expect((await client.send(new ListTagsForResourceCommand({resourceArn: domain}))).tags).toEqual([{key: 'team', value: 'platform'}]);
	});

	it('finds nothing for an unknown domain, repository or package group, or another account; refuses text that is no ARN', async () => {
		const client = admin();
		await expect(client.send(new ListTagsForResourceCommand({resourceArn: arn('domain/absent')}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'domain',
			resourceId: 'absent',
		});
		await expect(client.send(new TagResourceCommand({resourceArn: arn('repository/tagged/absent'), tags: tags(1)}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'repository',
		});
		await expect(client.send(new UntagResourceCommand({resourceArn: arn('package-group/tagged/npm/%2a'), tagKeys: ['a']}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'package-group',
			resourceId: '/npm/*',
		});
		const elsewhere = `arn:aws:codeartifact:${sandbox.current.region}:111122223333:domain/tagged`;
		await expect(client.send(new ListTagsForResourceCommand({resourceArn: elsewhere}))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
		await expect(client.send(new ListTagsForResourceCommand({resourceArn: 'arn:aws:s3:::bucket'}))).rejects.toMatchObject({name: 'ValidationException'});
	});

	it('needs the permission: AccessDenied without it (before the list is read), allowed with it', async () => {
		const domain = arn('domain/tagged');
		await expect(as('reader').send(new TagResourceCommand({resourceArn: domain, tags: tags(201)}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining(`is not authorized to perform: codeartifact:TagResource on resource: ${domain}`),
		});
		await expect(as('reader').send(new ListTagsForResourceCommand({resourceArn: domain}))).resolves.toBeDefined();
		// The tagger may change the team tag only: aws:TagKeys comes from the request.
		await as('tagger').send(new TagResourceCommand({resourceArn: domain, tags: [{key: 'team', value: 'ops'}]}));
		await expect(as('tagger').send(new TagResourceCommand({resourceArn: domain, tags: [{key: 'stage', value: 'x'}]}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
		});
		await expect(as('tagger').send(new UntagResourceCommand({resourceArn: domain, tagKeys: ['team', 'stage']}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
		});
		await expect(as('tagger').send(new ListTagsForResourceCommand({resourceArn: domain}))).rejects.toMatchObject({name: 'AccessDeniedException'});
		// aws:RequestTag/… on create.
		await as('creator').send(new CreateDomainCommand({domain: 'created', tags: [{key: 'owner', value: 'creator'}]}));
		await expect(as('creator').send(new CreateDomainCommand({domain: 'untagged'}))).rejects.toMatchObject({name: 'AccessDeniedException'});
	});

	it('evaluates aws:ResourceTag/… against the tags TagResource set', async () => {
		const guarded = as('prod-guard');
		await guarded.send(new DescribeDomainCommand({domain: 'tagged'}));
		await admin().send(new TagResourceCommand({resourceArn: arn('domain/tagged'), tags: [{key: 'stage', value: 'prod'}]}));
		await expect(guarded.send(new DescribeDomainCommand({domain: 'tagged'}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining('explicit deny'),
		});
		await admin().send(new UntagResourceCommand({resourceArn: arn('domain/tagged'), tagKeys: ['stage']}));
		await expect(guarded.send(new DescribeDomainCommand({domain: 'tagged'}))).resolves.toBeDefined();
	});
});
