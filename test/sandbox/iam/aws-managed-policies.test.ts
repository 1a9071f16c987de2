import {CodeartifactClient, CreateDomainCommand, DescribeDomainCommand, GetAuthorizationTokenCommand} from '@aws-sdk/client-codeartifact';
import {
	AttachRolePolicyCommand,
	CreatePolicyCommand,
	CreatePolicyVersionCommand,
	DeletePolicyCommand,
	DetachRolePolicyCommand,
	GetPolicyCommand,
	GetPolicyVersionCommand,
	IAMClient,
	ListAttachedRolePoliciesCommand,
	SetDefaultPolicyVersionCommand,
	TagPolicyCommand,
	paginateListPolicies,
	type Policy,
} from '@aws-sdk/client-iam';
import {fromInstanceMetadata} from '@aws-sdk/credential-providers';
import {describe, expect, it} from 'vitest';
import type {RunningSandbox} from '../../../source/sandbox/index.js';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {adminConfig, useMetadataEndpoint, useSandbox} from '../../helpers/sandbox.js';

const readOnly = 'arn:aws:iam::aws:policy/AWSCodeArtifactReadOnlyAccess';
const awsNames = ['AWSCodeArtifactAdminAccess', 'AWSCodeArtifactReadOnlyAccess', 'AdministratorAccess', 'AmazonSSMManagedInstanceCore'];

/** The build host: credentials from instance metadata through the SDK's own provider. */
function hostConfig(sandbox: RunningSandbox) {
	return {endpoint: sandbox.endpoint, region: sandbox.region, maxAttempts: 1, credentials: fromInstanceMetadata({timeout: 2000, maxRetries: 0})};
}

async function allPolicies(
	iam: IAMClient,
	input: {Scope?: 'AWS' | 'Local' | 'All'; OnlyAttached?: boolean; PathPrefix?: string},
	pageSize: number,
): Promise<Policy[]> {
	const policies: Policy[] = [];
	for await (const page of paginateListPolicies({client: iam, pageSize}, input)) {
		expect(outputShapeProblems('iam', 'ListPolicies', page)).toEqual([]);
		expect(page.Policies?.length ?? 0).toBeLessThanOrEqual(pageSize);
		policies.push(...(page.Policies ?? []));
	}
	return policies;
}

describe('AWS managed policies', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	useMetadataEndpoint(sandbox);
	const iam = () => new IAMClient(adminConfig(sandbox.current));

	it('gets AWSCodeArtifactReadOnlyAccess and its default version as AWS has them', async () => {
		const got = await iam().send(new GetPolicyCommand({PolicyArn: readOnly}));
		expect(outputShapeProblems('iam', 'GetPolicy', got)).toEqual([]);
		expect(got.Policy).toMatchObject({
			PolicyName: 'AWSCodeArtifactReadOnlyAccess',
			PolicyId: 'ANPAZKAPJZG4PVTKOJHFB',
			Arn: readOnly,
			Path: '/',
			DefaultVersionId: 'v1',
			IsAttachable: true,
			Description: 'Provides read only access to AWS CodeArtifact via the AWS Management Console.',
			CreateDate: new Date('2020-06-25T21:23:52Z'),
		});
		const version = await iam().send(new GetPolicyVersionCommand({PolicyArn: readOnly, VersionId: 'v1'}));
		expect(outputShapeProblems('iam', 'GetPolicyVersion', version)).toEqual([]);
		expect(version.PolicyVersion?.IsDefaultVersion).toBe(true);
		const document = JSON.parse(decodeURIComponent(version.PolicyVersion?.Document ?? '')) as {Statement: Array<{Action: unknown}>};
		expect(document.Statement.map(statement => statement.Action)).toEqual([
			['codeartifact:Describe*', 'codeartifact:Get*', 'codeartifact:List*', 'codeartifact:ReadFromRepository'],
			'sts:GetServiceBearerToken',
		]);
		const ssm = await iam().send(new GetPolicyCommand({PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'}));
		expect(ssm.Policy?.DefaultVersionId).toBe('v2');
	});

	it('answers NoSuchEntity for an AWS policy it does not hold, and for an account ARN with an AWS name', async () => {
		await expect(iam().send(new GetPolicyCommand({PolicyArn: 'arn:aws:iam::aws:policy/NoSuchManagedPolicy'}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
		});
		const ownArn = `arn:aws:iam::${sandbox.current.accountId}:policy/AdministratorAccess`;
		await expect(iam().send(new GetPolicyCommand({PolicyArn: ownArn}))).rejects.toMatchObject({name: 'NoSuchEntityException'});
	});

	it('lists them by scope, a page at a time', async () => {
		await iam().send(
			new CreatePolicyCommand({
				PolicyName: 'AdministratorAccess',
				PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: '*', Resource: '*'}]}),
			}),
		);
		const aws = await allPolicies(iam(), {Scope: 'AWS'}, 1);
		expect(aws.map(policy => policy.PolicyName)).toEqual(awsNames);
		expect(aws.every(policy => policy.Arn?.startsWith('arn:aws:iam::aws:policy/'))).toBe(true);
		const local = await allPolicies(iam(), {Scope: 'Local'}, 2);
		expect(local.map(policy => policy.PolicyName)).toEqual(['AdministratorAccess', 'build-host-baseline']);
		const all = await allPolicies(iam(), {}, 3);
		expect(all).toHaveLength(aws.length + local.length);
		expect(all.filter(policy => policy.PolicyName === 'AdministratorAccess').map(policy => policy.Arn)).toEqual([
			`arn:aws:iam::${sandbox.current.accountId}:policy/AdministratorAccess`,
			'arn:aws:iam::aws:policy/AdministratorAccess',
		]);
		expect(await allPolicies(iam(), {Scope: 'AWS', PathPrefix: '/service-role/'}, 10)).toEqual([]);
		await iam().send(new DeletePolicyCommand({PolicyArn: `arn:aws:iam::${sandbox.current.accountId}:policy/AdministratorAccess`}));
	});

	it('grants the build host codeartifact reads once attached to its role, and counts the attachment', async () => {
		const {accountId} = sandbox.current;
		const admin = new CodeartifactClient(adminConfig(sandbox.current));
		await admin.send(new CreateDomainCommand({domain: 'managed-demo'}));
		const host = new CodeartifactClient(hostConfig(sandbox.current));
		await expect(host.send(new DescribeDomainCommand({domain: 'managed-demo', domainOwner: accountId}))).rejects.toMatchObject({name: 'AccessDeniedException'});
		await expect(host.send(new GetAuthorizationTokenCommand({domain: 'managed-demo', domainOwner: accountId}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
		});

		await iam().send(new AttachRolePolicyCommand({RoleName: 'build-host-role', PolicyArn: readOnly}));
		const attached = await iam().send(new ListAttachedRolePoliciesCommand({RoleName: 'build-host-role'}));
		expect(attached.AttachedPolicies).toContainEqual({PolicyName: 'AWSCodeArtifactReadOnlyAccess', PolicyArn: readOnly});
		expect((await iam().send(new GetPolicyCommand({PolicyArn: readOnly}))).Policy?.AttachmentCount).toBe(1);
		expect((await allPolicies(iam(), {Scope: 'AWS', OnlyAttached: true}, 100)).map(policy => policy.PolicyName)).toEqual(['AWSCodeArtifactReadOnlyAccess']);

		expect((await host.send(new DescribeDomainCommand({domain: 'managed-demo', domainOwner: accountId}))).domain?.name).toBe('managed-demo');
		expect((await host.send(new GetAuthorizationTokenCommand({domain: 'managed-demo', domainOwner: accountId}))).authorizationToken).toBeTruthy();
		// Read only: no change.
		await expect(host.send(new CreateDomainCommand({domain: 'managed-demo-2'}))).rejects.toMatchObject({name: 'AccessDeniedException'});

		await iam().send(new DetachRolePolicyCommand({RoleName: 'build-host-role', PolicyArn: readOnly}));
		await expect(host.send(new DescribeDomainCommand({domain: 'managed-demo', domainOwner: accountId}))).rejects.toMatchObject({name: 'AccessDeniedException'});
	});

	it('refuses to change, tag or delete an AWS managed policy, even for the admin', async () => {
		const document = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]});
		const refusals = [
			() => iam().send(new CreatePolicyVersionCommand({PolicyArn: readOnly, PolicyDocument: document, SetAsDefault: true})),
			() => iam().send(new SetDefaultPolicyVersionCommand({PolicyArn: readOnly, VersionId: 'v1'})),
			() => iam().send(new DeletePolicyCommand({PolicyArn: readOnly})),
			() => iam().send(new TagPolicyCommand({PolicyArn: readOnly, Tags: [{Key: 'team', Value: 'a'}]})),
		];
		for (const refusal of refusals) {
			await expect(refusal()).rejects.toMatchObject({name: 'AccessDenied', $metadata: {httpStatusCode: 403}});
		}
		await expect(iam().send(new DeletePolicyCommand({PolicyArn: readOnly}))).rejects.toThrow(
			`is not authorized to perform: iam:DeletePolicy on resource: policy ${readOnly} because no resource-based policy allows the iam:DeletePolicy action`,
		);
		expect((await iam().send(new GetPolicyCommand({PolicyArn: readOnly}))).Policy?.DefaultVersionId).toBe('v1');
	});
});
