import {
	CodeartifactClient,
	CreateDomainCommand,
	CreatePackageGroupCommand,
	DeleteDomainCommand,
	DeletePackageGroupCommand,
	DescribePackageGroupCommand,
	ListPackageGroupsCommand,
	ListSubPackageGroupsCommand,
	ListTagsForResourceCommand,
	paginateListPackageGroups,
	paginateListSubPackageGroups,
	TagResourceCommand,
	UpdatePackageGroupCommand,
} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {adminConfig} from '../../helpers/sandbox.js';
import {useSandboxWithRoles} from './role-sessions.js';

// CreatePackageGroup, DescribePackageGroup, UpdatePackageGroup, DeletePackageGroup,
// ListPackageGroups and ListSubPackageGroups through the real SDK: replies checked against the
// model's output shapes, the root group every domain has, the hierarchy by pattern, errors,
// pagination, tags and authorization on the package group's ARN.

const policy = (...statements: object[]) => ({Version: '2012-10-17', Statement: statements});
const roles = {
	// May describe the groups under /maven/com.example (any pattern whose ARN starts so), nothing else.
	'example-reader': policy({
		Effect: 'Allow',
		Action: 'codeartifact:DescribePackageGroup',
		Resource: 'arn:aws:codeartifact:*:*:package-group/groups/maven/com.example*',
	}),
};

describe('CodeArtifact package groups through the real SDK', () => {
	const {sandbox, configFor} = useSandboxWithRoles(roles);
	const domain = 'groups';
	let client: CodeartifactClient;
	const arn = (encoded: string) => `arn:aws:codeartifact:${sandbox.current.region}:${sandbox.current.accountId}:package-group/${domain}${encoded}`;
	const create = (packageGroup: string, extra: {description?: string; contactInfo?: string} = {}) =>
		client.send(new CreatePackageGroupCommand({domain, packageGroup, ...extra}));
	const describeGroup = async (packageGroup: string) => (await client.send(new DescribePackageGroupCommand({domain, packageGroup}))).packageGroup;

	beforeAll(async () => {
		client = new CodeartifactClient(adminConfig(sandbox.current));
		await client.send(new CreateDomainCommand({domain}));
	});

	it('every domain has the root group /*, allowing every origin, with no parent', async () => {
		const reply = await client.send(new DescribePackageGroupCommand({domain, packageGroup: '/*'}));
		expect(outputShapeProblems('codeartifact', 'DescribePackageGroup', reply)).toEqual([]);
		const allow = {mode: 'ALLOW', effectiveMode: 'ALLOW', repositoriesCount: 0};
		expect(reply.packageGroup).toEqual({
			arn: arn('/%2a'),
			pattern: '/*',
			domainName: domain,
			domainOwner: sandbox.current.accountId,
			createdTime: expect.any(Date),
			originConfiguration: {restrictions: {EXTERNAL_UPSTREAM: allow, INTERNAL_UPSTREAM: allow, PUBLISH: allow}},
		});
	});

	it('creates a group that inherits every restriction from its parent, and describes it', async () => {
		const created = await create('/maven/com.example~', {description: 'Our own libraries', contactInfo: 'platform@example.com'});
		expect(outputShapeProblems('codeartifact', 'CreatePackageGroup', created)).toEqual([]);
		await create('/maven/*');
		const group = await describeGroup('/maven/com.example~');
		const root = {arn: arn('/%2a'), pattern: '/*'};
		const inherited = {mode: 'INHERIT', effectiveMode: 'ALLOW', inheritedFrom: root, repositoriesCount: 0};
		expect(group).toMatchObject({
			arn: arn('/maven/com.example%7e'),
			pattern: '/maven/com.example~',
			description: 'Our own libraries',
			contactInfo: 'platform@example.com',
			// /maven/* came later, and is now the closer ancestor; the modes still come from the root.
			parent: {arn: arn('/maven/%2a'), pattern: '/maven/*'},
			originConfiguration: {restrictions: {EXTERNAL_UPSTREAM: inherited, INTERNAL_UPSTREAM: inherited, PUBLISH: inherited}},
		});
	});

	it('refuses a pattern that is no definition, a group that exists, a domain that does not', async () => {
		await expect(create('/maven/com.example~')).rejects.toMatchObject({
			name: 'ConflictException',
			resourceType: 'package-group',
			resourceId: '/maven/com.example~',
		});
		await expect(create('/*')).rejects.toMatchObject({name: 'ConflictException'});
		await expect(create('/maven//guava$')).rejects.toMatchObject({
			name: 'ValidationException',
			message: "Invalid package group pattern '/maven//guava$': maven packages always have a namespace.",
		});
		await expect(create('/maven/with space/*')).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining(
				"at 'packageGroup' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\p{C}\\p{IsWhitespace}]+",
			),
		});
		await expect(client.send(new CreatePackageGroupCommand({domain: 'absent', packageGroup: '/npm/*'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'domain',
		});
		await expect(describeGroup('/npm/*')).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'package-group',
			message: `Package group /npm/* does not exist in domain ${domain}.`,
		});
	});

	it('updates the description and contact, keeping what is not given', async () => {
		const reply = await client.send(new UpdatePackageGroupCommand({domain, packageGroup: '/maven/com.example~', description: 'Shared libraries'}));
		expect(outputShapeProblems('codeartifact', 'UpdatePackageGroup', reply)).toEqual([]);
		expect(reply.packageGroup).toMatchObject({description: 'Shared libraries', contactInfo: 'platform@example.com'});
		await expect(client.send(new UpdatePackageGroupCommand({domain, packageGroup: '/npm/*', description: 'x'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
		});
	});

	it('lists every group in pattern order, by prefix, page by page', async () => {
		for (const pattern of ['/maven/com.example/lib~', '/maven/com.example/lib-core$', '/maven/org.acme/*', '/npm//*']) await create(pattern);
		const first = await client.send(new ListPackageGroupsCommand({domain, maxResults: 2}));
		expect(outputShapeProblems('codeartifact', 'ListPackageGroups', first)).toEqual([]);
		expect(first.packageGroups?.map(g => g.pattern)).toEqual(['/*', '/maven/*']);
		expect(first.nextToken).toEqual(expect.any(String));
		const patterns: string[] = [];
		for await (const page of paginateListPackageGroups({client, pageSize: 2}, {domain})) patterns.push(...(page.packageGroups ?? []).map(g => g.pattern ?? ''));
		expect(patterns).toEqual([
			'/*',
			'/maven/*',
			'/maven/com.example/lib-core$',
			'/maven/com.example/lib~',
			'/maven/com.example~',
			'/maven/org.acme/*',
			'/npm//*',
		]);
		const prefixed = await client.send(new ListPackageGroupsCommand({domain, prefix: '/maven/com.example/'}));
		expect(prefixed.packageGroups?.map(g => [g.pattern, g.parent?.pattern])).toEqual([
			['/maven/com.example/lib-core$', '/maven/com.example/lib~'],
			['/maven/com.example/lib~', '/maven/com.example~'],
		]);
		await expect(client.send(new ListPackageGroupsCommand({domain, nextToken: 'forged'}))).rejects.toMatchObject({name: 'ValidationException'});
		await expect(client.send(new ListPackageGroupsCommand({domain: 'absent'}))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
	});

	it('lists a group’s direct children only, page by page', async () => {
		const reply = await client.send(new ListSubPackageGroupsCommand({domain, packageGroup: '/maven/*'}));
		expect(outputShapeProblems('codeartifact', 'ListSubPackageGroups', reply)).toEqual([]);
		expect(reply.packageGroups?.map(g => g.pattern)).toEqual(['/maven/com.example~', '/maven/org.acme/*']);
		const children: string[] = [];
		for await (const page of paginateListSubPackageGroups({client, pageSize: 1}, {domain, packageGroup: '/*'})) {
			children.push(...(page.packageGroups ?? []).map(g => g.pattern ?? ''));
		}
		expect(children).toEqual(['/maven/*', '/npm//*']);
		await expect(client.send(new ListSubPackageGroupsCommand({domain, packageGroup: '/pypi/*'}))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
	});

	it('deletes a group without children; refuses one with children, and the root', async () => {
		await expect(client.send(new DeletePackageGroupCommand({domain, packageGroup: '/maven/com.example/lib~'}))).rejects.toMatchObject({
			name: 'ConflictException',
			message: expect.stringContaining('has child package groups (/maven/com.example/lib-core$)'),
		});
		await expect(client.send(new DeletePackageGroupCommand({domain, packageGroup: '/*'}))).rejects.toMatchObject({
			name: 'ValidationException',
			message: `The root package group /* of domain ${domain} cannot be deleted.`,
		});
		const deleted = await client.send(new DeletePackageGroupCommand({domain, packageGroup: '/maven/com.example/lib-core$'}));
		expect(outputShapeProblems('codeartifact', 'DeletePackageGroup', deleted)).toEqual([]);
		expect(deleted.packageGroup).toMatchObject({pattern: '/maven/com.example/lib-core$', parent: {pattern: '/maven/com.example/lib~'}});
		await expect(describeGroup('/maven/com.example/lib-core$')).rejects.toMatchObject({name: 'ResourceNotFoundException'});
		await client.send(new DeletePackageGroupCommand({domain, packageGroup: '/maven/com.example/lib~'}));
		await expect(client.send(new DeletePackageGroupCommand({domain, packageGroup: '/maven/com.example/lib~'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
		});
	});

	it('takes tags at create and through TagResource on the group ARN; a deleted domain takes its groups along', async () => {
		await client.send(new CreateDomainCommand({domain: 'short-lived'}));
		await client.send(new CreatePackageGroupCommand({domain: 'short-lived', packageGroup: '/generic/tools/*', tags: [{key: 'team', value: 'tools'}]}));
		const groupArn = `arn:aws:codeartifact:${sandbox.current.region}:${sandbox.current.accountId}:package-group/short-lived/generic/tools/%2a`;
		expect((await client.send(new ListTagsForResourceCommand({resourceArn: groupArn}))).tags).toEqual([{key: 'team', value: 'tools'}]);
		const rootArn = `arn:aws:codeartifact:${sandbox.current.region}:${sandbox.current.accountId}:package-group/short-lived/%2a`;
		await client.send(new TagResourceCommand({resourceArn: rootArn, tags: [{key: 'stage', value: 'dev'}]}));
		expect((await client.send(new ListTagsForResourceCommand({resourceArn: rootArn}))).tags).toEqual([{key: 'stage', value: 'dev'}]);
		await client.send(new DeleteDomainCommand({domain: 'short-lived'}));
		await client.send(new CreateDomainCommand({domain: 'short-lived'}));
		expect((await client.send(new ListPackageGroupsCommand({domain: 'short-lived'}))).packageGroups?.map(g => g.pattern)).toEqual(['/*']);
		expect((await client.send(new ListTagsForResourceCommand({resourceArn: rootArn}))).tags).toEqual([]);
	});

	it('authorizes each call on the package group’s ARN', async () => {
		const reader = new CodeartifactClient(configFor('example-reader'));
		await expect(reader.send(new DescribePackageGroupCommand({domain, packageGroup: '/maven/com.example~'}))).resolves.toBeDefined();
		await expect(reader.send(new DescribePackageGroupCommand({domain, packageGroup: '/maven/*'}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining(`is not authorized to perform: codeartifact:DescribePackageGroup on resource: ${arn('/maven/%2a')}`),
		});
		await expect(reader.send(new CreatePackageGroupCommand({domain, packageGroup: '/maven/com.example/x~'}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining(`codeartifact:CreatePackageGroup on resource: ${arn('/maven/com.example/x%7e')}`),
		});
	});
});
