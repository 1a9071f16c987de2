import type {ManagedPolicyRecord} from '../state.js';

// AWS managed policies a learner meets, as IAM shows them (arn:aws:iam::aws:policy/…): their
// ids, dates, default version and that version's document, as AWS's managed policy reference
// and `aws iam get-policy` / `get-policy-version` give them. Only policies whose document can be
// stated exactly are here: one left out is NoSuchEntity, as a policy AWS does not have. They are
// AWS's, not the account's: never stored in the sandbox's state, never changed by it.

const codeArtifactBearerToken = {
	Effect: 'Allow',
	Action: 'sts:GetServiceBearerToken',
	Resource: '*',
	Condition: {StringEquals: {'sts:AWSServiceName': 'codeartifact.amazonaws.com'}},
};

interface Definition {
	name: string;
	id: string;
	description: string;
	created: string;
	updated: string;
	defaultVersionId: string;
	statements: object[];
}

const definitions: Definition[] = [
	{
		name: 'AWSCodeArtifactReadOnlyAccess',
		id: 'ANPAZKAPJZG4PVTKOJHFB',
		description: 'Provides read only access to AWS CodeArtifact via the AWS Management Console.',
		created: '2020-06-25T21:23:52Z',
		updated: '2020-06-25T21:23:52Z',
		defaultVersionId: 'v1',
		statements: [
			{
				Action: ['codeartifact:Describe*', 'codeartifact:Get*', 'codeartifact:List*', 'codeartifact:ReadFromRepository'],
				Effect: 'Allow',
				Resource: '*',
			},
			codeArtifactBearerToken,
		],
	},
	{
		name: 'AWSCodeArtifactAdminAccess',
		id: 'ANPAZKAPJZG4MBONPJNI5',
		description: 'Provides full access to AWS CodeArtifact via the AWS Management Console.',
		created: '2020-06-16T23:53:23Z',
		updated: '2020-06-16T23:53:23Z',
		defaultVersionId: 'v1',
		statements: [{Action: ['codeartifact:*'], Effect: 'Allow', Resource: '*'}, codeArtifactBearerToken],
	},
	{
		name: 'AdministratorAccess',
		id: 'ANPAIWMBCKSKIEE64ZLYK',
		description: 'Provides full access to AWS services and resources.',
		created: '2015-02-06T18:39:46Z',
		updated: '2015-02-06T18:39:46Z',
		defaultVersionId: 'v1',
		statements: [{Effect: 'Allow', Action: '*', Resource: '*'}],
	},
	{
		name: 'AmazonSSMManagedInstanceCore',
		id: 'ANPAIXSHM2BNB2D3AXXRU',
		description: 'The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.',
		created: '2019-03-15T17:22:12Z',
		updated: '2019-05-23T16:54:21Z',
		defaultVersionId: 'v2',
		statements: [
			{
				Effect: 'Allow',
				Action: [
					'ssm:DescribeAssociation',
					'ssm:GetDeployablePatchSnapshotForInstance',
					'ssm:GetDocument',
					'ssm:DescribeDocument',
					'ssm:GetManifest',
					'ssm:GetParameter',
					'ssm:GetParameters',
					'ssm:ListAssociations',
					'ssm:ListInstanceAssociations',
					'ssm:PutInventory',
					'ssm:PutComplianceItems',
					'ssm:PutConfigurePackageResult',
					'ssm:UpdateAssociationStatus',
					'ssm:UpdateInstanceAssociationStatus',
					'ssm:UpdateInstanceInformation',
				],
				Resource: '*',
			},
			{
				Effect: 'Allow',
				Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'],
				Resource: '*',
			},
			{
				Effect: 'Allow',
				Action: [
					'ec2messages:AcknowledgeMessage',
					'ec2messages:DeleteMessage',
					'ec2messages:FailMessage',
					'ec2messages:GetEndpoint',
					'ec2messages:GetMessages',
					'ec2messages:SendReply',
				],
				Resource: '*',
			},
		],
	},
];

/** Only the default version's document is known; it is the only version the sandbox shows. */
function record(definition: Definition): ManagedPolicyRecord {
	const document = JSON.stringify({Version: '2012-10-17', Statement: definition.statements}, null, 2);
	return Object.freeze({
		name: definition.name,
		id: definition.id,
		path: '/',
		description: definition.description,
		document,
		createDate: definition.created,
		updateDate: definition.updated,
		tags: Object.freeze([]) as unknown as ManagedPolicyRecord['tags'],
		versions: Object.freeze([
			Object.freeze({versionId: definition.defaultVersionId, document, createDate: definition.updated}),
		]) as unknown as ManagedPolicyRecord['versions'],
		defaultVersionId: definition.defaultVersionId,
	});
}

export const awsManagedPolicies: readonly ManagedPolicyRecord[] = definitions.map(record);

const known = new Set(awsManagedPolicies);

/** True for one of AWS's policies (whose ARN names the account `aws`), false for the account's own. */
export function isAwsManaged(policy: ManagedPolicyRecord): boolean {
	return known.has(policy);
}

export function awsManagedPolicy(path: string, name: string): ManagedPolicyRecord | undefined {
	return awsManagedPolicies.find(policy => policy.name === name && policy.path === path);
}
