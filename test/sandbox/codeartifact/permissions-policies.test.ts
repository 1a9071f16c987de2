import {rmSync} from 'node:fs';
import {
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DeleteDomainPermissionsPolicyCommand,
	DeleteRepositoryPermissionsPolicyCommand,
	GetAuthorizationTokenCommand,
	GetDomainPermissionsPolicyCommand,
	GetRepositoryPermissionsPolicyCommand,
	ListPackagesCommand,
	PutDomainPermissionsPolicyCommand,
	PutRepositoryPermissionsPolicyCommand,
} from '@aws-sdk/client-codeartifact';
import {IAMClient, ListRolesCommand} from '@aws-sdk/client-iam';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {adminConfig, temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';
import {adminClient} from './client.js';
import {seedRoleSessions} from './role-sessions.js';

const domain = 'shared';
const repository = 'libs';
const jarPath = 'com/example/lib/1.0/lib-1.0.jar';
const jarBytes = Buffer.from('not really a jar, but bytes to fetch back');
const metadata = `<?xml version="1.0" encoding="UTF-8"?>
<metadata><groupId>com.example</groupId><artifactId>lib</artifactId><versioning><latest>1.0</latest><release>1.0</release><versions><version>1.0</version></versions><lastUpdated>20260101000000</lastUpdated></versioning></metadata>
`;
const everythingInCodeArtifact = {
	Version: '2012-10-17',
	Statement: [
		{Effect: 'Allow', Action: 'codeartifact:*', Resource: '*'},
		{Effect: 'Allow', Action: 'sts:GetServiceBearerToken', Resource: '*', Condition: {StringEquals: {'sts:AWSServiceName': 'codeartifact.amazonaws.com'}}},
	],
};
const policy = (statements: object[]) => JSON.stringify({Version: '2012-10-17', Statement: statements});

describe('domain and repository permissions policies through the real SDK', () => {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	const [builder] = seedRoleSessions(dataDir, {'same-account-builder': everythingInCodeArtifact});
	afterAll(() => rmSync(dataDir, {recursive: true, force: true})); // registered first: runs after the sandbox stopped
	const sandbox = useSandbox({dataDir});
	const admin = () => adminClient(sandbox.current);
	const partner = (user: 'partner-admin' | 'partner-reader') => {
		const {accessKeyId, secretAccessKey} = sandbox.current.otherAccount.users[user] ?? {};
		return new CodeartifactClient({...adminConfig(sandbox.current), credentials: {accessKeyId: accessKeyId ?? '', secretAccessKey: secretAccessKey ?? ''}});
	};
	const mavenUrl = (path: string) => `${sandbox.current.endpoint}/d/${domain}-${sandbox.current.accountId}/maven/${repository}/${path}`;
	const maven = (path: string, token: string, init: RequestInit = {}) =>
		fetch(mavenUrl(path), {...init, headers: {authorization: `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`}});
	const tokenOf = async (client: CodeartifactClient) =>
		(await client.send(new GetAuthorizationTokenCommand({domain, domainOwner: sandbox.current.accountId}))).authorizationToken ?? '';
	const listPackages = (client: CodeartifactClient) => client.send(new ListPackagesCommand({domain, domainOwner: sandbox.current.accountId, repository}));

	beforeAll(async () => {
		await admin().send(new CreateDomainCommand({domain}));
		await admin().send(new CreateRepositoryCommand({domain, repository}));
		const token = await tokenOf(admin());
		expect((await maven(jarPath, token, {method: 'PUT', body: jarBytes})).status).toBeLessThan(300);
		expect((await maven('com/example/lib/maven-metadata.xml', token, {method: 'PUT', body: metadata})).status).toBeLessThan(300);
	});

	it('puts, reads and deletes a domain policy by revision, refusing a stale revision as AWS does', async () => {
		const client = admin();
		await expect(client.send(new GetDomainPermissionsPolicyCommand({domain}))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
		const document = policy([
			{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${sandbox.current.accountId}:root`}, Action: 'codeartifact:DescribeDomain', Resource: '*'},
		]);
		const put = await client.send(new PutDomainPermissionsPolicyCommand({domain, policyDocument: document}));
		expect(outputShapeProblems('codeartifact', 'PutDomainPermissionsPolicy', put)).toEqual([]);
		const domainArn = `arn:aws:codeartifact:${sandbox.current.region}:${sandbox.current.accountId}:domain/${domain}`;
		expect(put.policy).toEqual({resourceArn: domainArn, revision: expect.any(String), document});
		const got = await client.send(new GetDomainPermissionsPolicyCommand({domain}));
		expect(outputShapeProblems('codeartifact', 'GetDomainPermissionsPolicy', got)).toEqual([]);
		expect(got.policy).toEqual(put.policy);

		const stale = 'not-the-current-revision';
		await expect(client.send(new PutDomainPermissionsPolicyCommand({domain, policyDocument: document, policyRevision: stale}))).rejects.toMatchObject({
			name: 'ConflictException',
			$metadata: {httpStatusCode: 409},
		});
		const again = await client.send(new PutDomainPermissionsPolicyCommand({domain, policyDocument: document, policyRevision: put.policy?.revision}));
		expect(again.policy?.revision).not.toBe(put.policy?.revision);
		await expect(client.send(new DeleteDomainPermissionsPolicyCommand({domain, policyRevision: put.policy?.revision}))).rejects.toMatchObject({
			name: 'ConflictException',
		});
		const deleted = await client.send(new DeleteDomainPermissionsPolicyCommand({domain, policyRevision: again.policy?.revision}));
		expect(outputShapeProblems('codeartifact', 'DeleteDomainPermissionsPolicy', deleted)).toEqual([]);
		expect(deleted.policy).toEqual(again.policy);
		await expect(client.send(new GetDomainPermissionsPolicyCommand({domain}))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
		await expect(client.send(new DeleteDomainPermissionsPolicyCommand({domain}))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
	});

	it('validates the document: JSON, a principal in every statement, the model size', async () => {
		const put = (policyDocument: string) => admin().send(new PutRepositoryPermissionsPolicyCommand({domain, repository, policyDocument}));
		await expect(put('{"Version": "2012-10-17", "Statement": [')).rejects.toMatchObject({name: 'ValidationException'});
		await expect(put(policy([{Effect: 'Allow', Action: 'codeartifact:ReadFromRepository', Resource: '*'}]))).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining('no principals'),
		});
		await expect(
			put(policy([{Effect: 'Allow', Principal: {AWS: 'not-an-account'}, Action: 'codeartifact:ReadFromRepository', Resource: '*'}])),
		).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining('Invalid principal'),
		});
		await expect(put(`${' '.repeat(7168)}{}`)).rejects.toMatchObject({name: 'ValidationException', message: expect.stringContaining('7168')});
		await expect(admin().send(new GetRepositoryPermissionsPolicyCommand({domain, repository}))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
	});

	it("lets another account's principal read packages and fetch through the Maven endpoint only while both policies grant it and its identity allows", async () => {
		const {accountId} = sandbox.current;
		const other = sandbox.current.otherAccount;
		const outsider = partner('partner-admin');
		const reader = partner('partner-reader');
		await expect(tokenOf(outsider)).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: `User: ${other.users['partner-admin']?.arn} is not authorized to perform: codeartifact:GetAuthorizationToken on resource: arn:aws:codeartifact:${sandbox.current.region}:${accountId}:domain/${domain} because no resource-based policy allows the codeartifact:GetAuthorizationToken action`,
		});
		await expect(listPackages(outsider)).rejects.toMatchObject({name: 'AccessDeniedException'});

		const account = {AWS: `arn:aws:iam::${other.accountId}:root`};
		await admin().send(
			new PutDomainPermissionsPolicyCommand({
				domain,
				policyDocument: policy([{Effect: 'Allow', Principal: account, Action: 'codeartifact:GetAuthorizationToken', Resource: '*'}]),
			}),
		);
		const granted = await admin().send(
			new PutRepositoryPermissionsPolicyCommand({
				domain,
				repository,
				policyDocument: policy([
					{Effect: 'Allow', Principal: account, Action: ['codeartifact:ReadFromRepository', 'codeartifact:ListPackages'], Resource: '*'},
				]),
			}),
		);
		expect(outputShapeProblems('codeartifact', 'PutRepositoryPermissionsPolicy', granted)).toEqual([]);
		expect(granted.policy?.resourceArn).toBe(`arn:aws:codeartifact:${sandbox.current.region}:${accountId}:repository/${domain}/${repository}`);
		const read = await admin().send(new GetRepositoryPermissionsPolicyCommand({domain, repository}));
		expect(outputShapeProblems('codeartifact', 'GetRepositoryPermissionsPolicy', read)).toEqual([]);
		expect(read.policy).toEqual(granted.policy);

		const token = await tokenOf(outsider);
		const fetched = await maven(jarPath, token);
		expect(fetched.status).toBe(200);
		expect(Buffer.from(await fetched.arrayBuffer())).toEqual(jarBytes);
		const listed = await listPackages(outsider);
		expect(outputShapeProblems('codeartifact', 'ListPackages', listed)).toEqual([]);
		expect(listed.packages?.map(p => `${p.namespace}:${p.package}`)).toEqual(['com.example:lib']);
		// Its own identity policy must allow too: the reader's does not allow asking for a token.
		await expect(tokenOf(reader)).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining('because no identity-based policy allows the codeartifact:GetAuthorizationToken action'),
		});
		expect((await listPackages(reader)).packages).toHaveLength(1);
		// Without domain-owner AWS looks in the caller's own account, where the domain does not exist.
		await expect(outsider.send(new ListPackagesCommand({domain, repository}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			message: `Domain not found. Domain '${domain}' owned by account '${other.accountId}' does not exist`,
		});
		// PutDomainPermissionsPolicy takes its domain and owner in the body: the same rule.
		await expect(outsider.send(new PutDomainPermissionsPolicyCommand({domain, policyDocument: '{}'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			message: `Domain not found. Domain '${domain}' owned by account '${other.accountId}' does not exist`,
		});
		// It is who its keys say, in its own account; it has no IAM of its own to change.
		const partnerKeys = {...adminConfig(sandbox.current), credentials: {...(other.users['partner-admin'] ?? {accessKeyId: '', secretAccessKey: ''})}};
		expect(await new STSClient(partnerKeys).send(new GetCallerIdentityCommand({}))).toMatchObject({
			Account: other.accountId,
			Arn: other.users['partner-admin']?.arn,
		});
		await expect(new IAMClient(partnerKeys).send(new ListRolesCommand({}))).rejects.toMatchObject({
			name: 'NotImplemented',
			$metadata: {httpStatusCode: 501},
			message: expect.stringContaining(`does not emulate IAM for its second account (${other.accountId})`),
		});
		await expect(outsider.send(new CreateDomainCommand({domain: 'partner-own'}))).rejects.toMatchObject({
			name: 'NotImplementedException',
			$metadata: {httpStatusCode: 501},
		});

		const removed = await admin().send(new DeleteRepositoryPermissionsPolicyCommand({domain, repository}));
		expect(outputShapeProblems('codeartifact', 'DeleteRepositoryPermissionsPolicy', removed)).toEqual([]);
		expect((await maven(jarPath, token)).status).toBe(403);
		await expect(listPackages(outsider)).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining('because no resource-based policy allows the codeartifact:ListPackages action'),
		});
		await admin().send(new DeleteDomainPermissionsPolicyCommand({domain}));
	});

	it('an explicit Deny in a repository policy beats an identity Allow in the same account', async () => {
		const session = new CodeartifactClient({...adminConfig(sandbox.current), credentials: builder?.credentials});
		expect((await listPackages(session)).packages).toHaveLength(1);
		const roleArn = `arn:aws:iam::${sandbox.current.accountId}:role/same-account-builder`;
		await admin().send(
			new PutRepositoryPermissionsPolicyCommand({
				domain,
				repository,
				policyDocument: policy([{Effect: 'Deny', Principal: {AWS: roleArn}, Action: 'codeartifact:ListPackages', Resource: '*'}]),
			}),
		);
		await expect(listPackages(session)).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringMatching(
				/assumed-role\/same-account-builder\/.* is not authorized to perform: codeartifact:ListPackages on resource: .* with an explicit deny in a resource-based policy$/,
			),
		});
		// The admin is not named by the Deny, and a statement for nobody else takes nothing from anyone.
		expect((await listPackages(admin())).packages).toHaveLength(1);
		await admin().send(new DeleteRepositoryPermissionsPolicyCommand({domain, repository}));
		expect((await listPackages(session)).packages).toHaveLength(1);
	});
});
