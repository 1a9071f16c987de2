import {
	CreateRoleCommand,
	DeleteRoleCommand,
	GetRoleCommand,
	IAMClient,
	ListRolesCommand,
	ListRoleTagsCommand,
	TagRoleCommand,
	UntagRoleCommand,
	UpdateAssumeRolePolicyCommand,
	paginateListRoles,
} from '@aws-sdk/client-iam';
import {describe, expect, it} from 'vitest';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';

describe('IAM roles through the real SDK', () => {
	const sandbox = useSandbox({scenario: 'no-profile'});
	const iam = () => new IAMClient(adminConfig(sandbox.current));

	it('creates a role and reads it back with its URL-decoded trust policy', async () => {
		const created = await iam().send(
			new CreateRoleCommand({
				RoleName: 'builder',
				Path: '/ci/',
				AssumeRolePolicyDocument: ec2Trust,
				Description: 'CI builder',
				Tags: [{Key: 'team', Value: 'build'}],
			}),
		);
		const {accountId} = sandbox.current;
		expect(created.Role).toMatchObject({
			RoleName: 'builder',
			Path: '/ci/',
			Arn: `arn:aws:iam::${accountId}:role/ci/builder`,
			Description: 'CI builder',
			MaxSessionDuration: 3600,
		});
		expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
		expect(created.Role?.CreateDate).toBeInstanceOf(Date);
		const {Role: role} = await iam().send(new GetRoleCommand({RoleName: 'builder'}));
		expect(role?.RoleId).toBe(created.Role?.RoleId);
		// The SDK leaves the document URL-encoded, as IAM sends it.
		expect(JSON.parse(decodeURIComponent(role?.AssumeRolePolicyDocument ?? ''))).toEqual(JSON.parse(ec2Trust));
		expect(role?.Tags).toEqual([{Key: 'team', Value: 'build'}]);
	});

	it('refuses a duplicate name regardless of case with EntityAlreadyExists', async () => {
		const error = await iam()
			.send(new CreateRoleCommand({RoleName: 'BUILDER', AssumeRolePolicyDocument: ec2Trust}))
			.catch((e: unknown) => e);
		expect(error).toMatchObject({name: 'EntityAlreadyExistsException', message: 'Role with name BUILDER already exists.', $metadata: {httpStatusCode: 409}});
	});

	it('answers NoSuchEntity for an unknown role', async () => {
		const error = await iam()
			.send(new GetRoleCommand({RoleName: 'nobody'}))
			.catch((e: unknown) => e);
		expect(error).toMatchObject({name: 'NoSuchEntityException', message: 'The role with name nobody cannot be found.', $metadata: {httpStatusCode: 404}});
	});

	it('validates names and paths against the model, in IAM words', async () => {
		const bad = await iam()
			.send(new CreateRoleCommand({RoleName: 'bad name!', AssumeRolePolicyDocument: ec2Trust}))
			.catch((e: unknown) => e);
		expect(bad).toMatchObject({
			name: 'ValidationError',
			message:
				"1 validation error detected: Value 'bad name!' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
			$metadata: {httpStatusCode: 400},
		});
		const long = await iam()
			.send(new CreateRoleCommand({RoleName: 'r'.repeat(65), Path: 'no-slash', AssumeRolePolicyDocument: ec2Trust}))
			.catch((e: unknown) => e);
		expect(long).toMatchObject({name: 'ValidationError'});
		expect((long as Error).message).toMatch(
			/^2 validation errors detected: Value 'no-slash' at 'path' .*; Value 'r{65}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64$/,
		);
		const duration = await iam()
			.send(new CreateRoleCommand({RoleName: 'short', AssumeRolePolicyDocument: ec2Trust, MaxSessionDuration: 60}))
			.catch((e: unknown) => e);
		expect((duration as Error).message).toContain(
			"Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
		);
	});

	it('validates the trust policy as a trust policy', async () => {
		const identityPolicy = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*'}]});
		const error = await iam()
			.send(new CreateRoleCommand({RoleName: 'untrusted', AssumeRolePolicyDocument: identityPolicy}))
			.catch((e: unknown) => e);
		expect(error).toMatchObject({name: 'MalformedPolicyDocumentException', $metadata: {httpStatusCode: 400}});
		const syntax = await iam()
			.send(new UpdateAssumeRolePolicyCommand({RoleName: 'builder', PolicyDocument: '{not json'}))
			.catch((e: unknown) => e);
		expect(syntax).toMatchObject({name: 'MalformedPolicyDocumentException', message: 'Syntax errors in policy.'});
	});

	it('replaces the trust policy', async () => {
		const trust = JSON.stringify({
			Version: '2012-10-17',
			Statement: [{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${sandbox.current.accountId}:root`}, Action: 'sts:AssumeRole'}],
		});
		await iam().send(new UpdateAssumeRolePolicyCommand({RoleName: 'builder', PolicyDocument: trust}));
		const {Role: role} = await iam().send(new GetRoleCommand({RoleName: 'builder'}));
		expect(decodeURIComponent(role?.AssumeRolePolicyDocument ?? '')).toBe(trust);
	});

	it('tags and untags a role', async () => {
		await iam().send(
			new TagRoleCommand({
				RoleName: 'builder',
				Tags: [
					{Key: 'team', Value: 'platform'},
					{Key: 'env', Value: 'ci'},
				],
			}),
		);
		await iam().send(new UntagRoleCommand({RoleName: 'builder', TagKeys: ['env']}));
		const {Tags: tags} = await iam().send(new ListRoleTagsCommand({RoleName: 'builder'}));
		expect(tags).toEqual([{Key: 'team', Value: 'platform'}]);
	});

	it('lists roles page by page with Marker and MaxItems', async () => {
		for (const name of ['page-a', 'page-b', 'page-c', 'page-d', 'page-e']) {
			await iam().send(new CreateRoleCommand({RoleName: name, Path: '/paged/', AssumeRolePolicyDocument: ec2Trust}));
		}
		const first = await iam().send(new ListRolesCommand({PathPrefix: '/paged/', MaxItems: 2}));
		expect(first.Roles?.map(r => r.RoleName)).toEqual(['page-a', 'page-b']);
		expect(first.IsTruncated).toBe(true);
		expect(first.Marker).toBeTruthy();
		const second = await iam().send(new ListRolesCommand({PathPrefix: '/paged/', MaxItems: 2, Marker: first.Marker}));
		expect(second.Roles?.map(r => r.RoleName)).toEqual(['page-c', 'page-d']);
		const names: string[] = [];
		for await (const page of paginateListRoles({client: iam(), pageSize: 2}, {PathPrefix: '/paged/'}))
			names.push(...(page.Roles ?? []).map(r => r.RoleName ?? ''));
		expect(names).toEqual(['page-a', 'page-b', 'page-c', 'page-d', 'page-e']);
		const empty = await iam().send(new ListRolesCommand({PathPrefix: '/nothing-here/'}));
		expect(empty.Roles).toEqual([]);
		expect(empty.IsTruncated).toBe(false);
	});

	it('deletes a role, and then it is gone', async () => {
		await iam().send(new DeleteRoleCommand({RoleName: 'page-e'}));
		await expect(iam().send(new GetRoleCommand({RoleName: 'page-e'}))).rejects.toMatchObject({name: 'NoSuchEntityException'});
		await expect(iam().send(new DeleteRoleCommand({RoleName: 'page-e'}))).rejects.toMatchObject({name: 'NoSuchEntityException'});
	});
});
