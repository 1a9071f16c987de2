import {GetRoleCommand, PutRolePolicyCommand, IAMClient, ListPolicyVersionsCommand} from '@aws-sdk/client-iam';
import {describe, expect, it} from 'vitest';
import type {AwsApis} from '../../source/aws/apis.js';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {adminConfig, useSandbox} from '../helpers/sandbox.js';

// Characters that IAM's URL-encoding of documents must round-trip.
const trustPolicy = JSON.stringify({
	Version: '2012-10-17',
	Statement: [{Sid: 'Ec2 & friends: 100% trusted', Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}],
});
const readPolicy = (sid: string) =>
	JSON.stringify({
		Version: '2012-10-17',
		Statement: [{Sid: sid, Effect: 'Allow', Action: ['codeartifact:GetAuthorizationToken', 'codeartifact:ReadFromRepository'], Resource: '*'}],
	});

describe('the IAM adapter against the sandbox', () => {
	const sandbox = useSandbox();
	const apis = async (): Promise<AwsApis> => createAwsApis({kind: 'sandbox', ...sandbox.current});
	const account = () => sandbox.current.accountId;

	it('creates and reads a role, decoding its trust policy', async () => {
		const {iam} = await apis();
		expect(await iam.getRole('ci-role')).toBeUndefined();
		const created = await iam.createRole('ci-role', trustPolicy, 'Role of the CI build host');
		expect(created).toEqual({name: 'ci-role', arn: `arn:aws:iam::${account()}:role/ci-role`, assumeRolePolicyDocument: trustPolicy});
		expect(await iam.getRole('ci-role')).toEqual(created);
		// On the wire the document is URL-encoded, as AWS sends it: the adapter decodes it.
		const raw = await new IAMClient(adminConfig(sandbox.current)).send(new GetRoleCommand({RoleName: 'ci-role'}));
		expect(raw.Role?.AssumeRolePolicyDocument).not.toBe(trustPolicy);
		expect(decodeURIComponent(raw.Role?.AssumeRolePolicyDocument ?? '')).toBe(trustPolicy);
		await expect(iam.createRole('ci-role', trustPolicy, '')).rejects.toMatchObject({
			kind: 'conflict',
			code: 'EntityAlreadyExistsException',
			operation: 'iam:CreateRole',
		});
		await expect(iam.createRole('bad-trust', '{"Statement": 5}', '')).rejects.toMatchObject({
			kind: 'validation',
			code: 'MalformedPolicyDocumentException',
			operation: 'iam:CreateRole',
		});
	});

	it('creates a policy, reads its default document, and replaces it within the five-version limit', async () => {
		const {iam} = await apis();
		const created = await iam.createPolicy('ci-read', readPolicy('v1'), 'Read CodeArtifact');
		const arn = `arn:aws:iam::${account()}:policy/ci-read`;
		expect(created).toEqual({name: 'ci-read', arn, defaultVersionId: 'v1'});
		expect(await iam.getPolicy(arn)).toEqual(created);
		expect(await iam.getPolicyDocument(arn)).toBe(readPolicy('v1'));
		expect(await iam.getPolicy(`arn:aws:iam::${account()}:policy/absent`)).toBeUndefined();
		expect(await iam.getPolicyDocument(`arn:aws:iam::${account()}:policy/absent`)).toBeUndefined();

		for (let version = 2; version <= 7; version++) {
			await iam.updatePolicyDocument(arn, readPolicy(`v${version}`));
			expect(await iam.getPolicyDocument(arn)).toBe(readPolicy(`v${version}`));
		}
		expect((await iam.getPolicy(arn))?.defaultVersionId).toBe('v7');
		const listed = await new IAMClient(adminConfig(sandbox.current)).send(new ListPolicyVersionsCommand({PolicyArn: arn}));
		expect(listed.Versions?.map(version => version.VersionId).sort()).toEqual(['v3', 'v4', 'v5', 'v6', 'v7']);
		await expect(iam.updatePolicyDocument(`arn:aws:iam::${account()}:policy/absent`, readPolicy('x'))).rejects.toMatchObject({
			kind: 'not-found',
			operation: 'iam:ListPolicyVersions',
		});
	});

	it('attaches policies to a role and lists them', async () => {
		const {iam} = await apis();
		await iam.createRole('attach-role', trustPolicy, '');
		const policy = await iam.createPolicy('attach-policy', readPolicy('a'), '');
		expect(await iam.listAttachedRolePolicies('attach-role')).toEqual([]);
		await iam.attachRolePolicy('attach-role', policy.arn);
		expect(await iam.listAttachedRolePolicies('attach-role')).toEqual([{name: 'attach-policy', arn: policy.arn}]);
		await expect(iam.attachRolePolicy('attach-role', `arn:aws:iam::${account()}:policy/absent`)).rejects.toMatchObject({
			kind: 'not-found',
			code: 'NoSuchEntityException',
			operation: 'iam:AttachRolePolicy',
		});
		await expect(iam.listAttachedRolePolicies('absent-role')).rejects.toMatchObject({kind: 'not-found', operation: 'iam:ListAttachedRolePolicies'});
	});

	it("lists a role's inline policies and reads one, decoded", async () => {
		const {iam} = await apis();
		await iam.createRole('inline-role', trustPolicy, '');
		expect(await iam.listRolePolicies('inline-role')).toEqual([]);
		const document = readPolicy('inline');
		await new IAMClient(adminConfig(sandbox.current)).send(new PutRolePolicyCommand({RoleName: 'inline-role', PolicyName: 'reads', PolicyDocument: document}));
		expect(await iam.listRolePolicies('inline-role')).toEqual(['reads']);
		expect(await iam.getRolePolicy('inline-role', 'reads')).toBe(document);
		expect(await iam.getRolePolicy('inline-role', 'absent')).toBeUndefined();
		await expect(iam.listRolePolicies('absent-role')).rejects.toMatchObject({kind: 'not-found', operation: 'iam:ListRolePolicies'});
	});

	it('creates an instance profile, adds a role, and finds it by name and by ARN', async () => {
		const {iam} = await apis();
		await iam.createRole('profile-role', trustPolicy, '');
		expect(await iam.getInstanceProfile('ci-profile')).toBeUndefined();
		const created = await iam.createInstanceProfile('ci-profile');
		expect(created).toMatchObject({name: 'ci-profile', arn: `arn:aws:iam::${account()}:instance-profile/ci-profile`, roleNames: []});
		expect(created.id).toMatch(/^AIPA/);
		await iam.addRoleToInstanceProfile('ci-profile', 'profile-role');
		const withRole = {...created, roleNames: ['profile-role']};
		expect(await iam.getInstanceProfile('ci-profile')).toEqual(withRole);
		expect(await iam.getInstanceProfileByArn(created.arn)).toEqual(withRole);
		expect(await iam.getInstanceProfileByArn(`arn:aws:iam::${account()}:instance-profile/absent`)).toBeUndefined();
		expect(await iam.getInstanceProfileByArn(`arn:aws:iam::${account()}:instance-profile/other/path/ci-profile`)).toBeUndefined();
		expect(await iam.getInstanceProfileByArn(`arn:aws:iam::${account()}:role/profile-role`)).toBeUndefined();
		await expect(iam.createInstanceProfile('ci-profile')).rejects.toMatchObject({kind: 'conflict', operation: 'iam:CreateInstanceProfile'});
	});

	it('sees the build host role that the access-denied scenario starts with', async () => {
		const {iam} = await apis();
		expect((await iam.getInstanceProfile('build-host-profile'))?.roleNames).toEqual(['build-host-role']);
		expect(await iam.listAttachedRolePolicies('build-host-role')).toEqual([
			{name: 'build-host-baseline', arn: `arn:aws:iam::${account()}:policy/build-host-baseline`},
		]);
		const document = JSON.parse((await iam.getPolicyDocument(`arn:aws:iam::${account()}:policy/build-host-baseline`)) ?? '{}') as {Statement?: unknown[]};
		expect(document.Statement).toHaveLength(2);
	});
});
