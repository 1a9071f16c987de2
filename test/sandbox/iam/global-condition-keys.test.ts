import {rmSync} from 'node:fs';
import {CodeartifactClient, CreateDomainCommand, DescribeDomainCommand} from '@aws-sdk/client-codeartifact';
import {AssociateIamInstanceProfileCommand, EC2Client} from '@aws-sdk/client-ec2';
import {CreateRoleCommand, GetRoleCommand, IAMClient, ListRolesCommand, PutRolePolicyCommand, TagRoleCommand} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {adminConfig, temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';
import {seedRoleSessions, type SeededSession} from '../codeartifact/role-sessions.js';

// Each role may do anything but what one Deny takes away; the Deny depends on a condition key AWS
// supplies on every request (or a policy variable), so it must apply in the sandbox too.

const allowAll = {Effect: 'Allow', Action: '*', Resource: '*'};
const policy = (...statements: object[]) => JSON.stringify({Version: '2012-10-17', Statement: [allowAll, ...statements]});
const denyWhen = (condition: object) => policy({Effect: 'Deny', Action: 'iam:ListRoles', Resource: '*', Condition: condition});
const loopback = ['127.0.0.0/8', '::1/128'];

/** Per role: its Deny, given the running sandbox's account and the caller's aws:userid; whether ListRoles is then denied. */
const principalCases: Record<string, {deny: (facts: {account: string; userid: string}) => string; denied: boolean}> = {
	'secure-transport': {deny: () => denyWhen({Bool: {'aws:SecureTransport': 'false'}}), denied: true},
	'current-time': {deny: () => denyWhen({DateGreaterThan: {'aws:CurrentTime': '2020-01-01T00:00:00Z'}}), denied: true},
	'epoch-time': {deny: () => denyWhen({NumericGreaterThan: {'aws:EpochTime': '1577836800'}}), denied: true},
	'principal-account': {deny: ({account}) => denyWhen({StringEquals: {'aws:PrincipalAccount': account}}), denied: true},
	'other-account': {deny: () => denyWhen({StringEquals: {'aws:PrincipalAccount': '000000000000'}}), denied: false},
	'principal-type': {deny: () => denyWhen({StringEquals: {'aws:PrincipalType': 'AssumedRole'}}), denied: true},
	userid: {deny: ({userid}) => denyWhen({StringEquals: {'aws:userid': userid}}), denied: true},
	'source-ip': {deny: () => denyWhen({IpAddress: {'aws:SourceIp': loopback}}), denied: true},
	'source-elsewhere': {deny: () => denyWhen({NotIpAddress: {'aws:SourceIp': loopback}}), denied: false},
	'via-service': {deny: () => denyWhen({Bool: {'aws:ViaAWSService': 'false'}}), denied: true},
	'principal-tag': {deny: () => denyWhen({StringEquals: {'aws:PrincipalTag/team': 'builders'}}), denied: true},
	'other-principal-tag': {deny: () => denyWhen({StringEquals: {'aws:PrincipalTag/owner': 'builders'}}), denied: false},
	'no-username': {deny: () => denyWhen({Null: {'aws:username': 'true'}}), denied: true},
	'not-via-a-service': {deny: () => denyWhen({'ForAnyValue:StringEquals': {'aws:CalledVia': 'cloudformation.amazonaws.com'}}), denied: false},
	'unmodelled-key': {deny: () => denyWhen({StringEquals: {'aws:PrincipalOrgID': 'o-exampleorg'}}), denied: true},
};

const resourceTagDeny = policy({
	Effect: 'Deny',
	Action: ['codeartifact:DescribeDomain', 'iam:GetRole', 'ec2:AssociateIamInstanceProfile'],
	Resource: '*',
	Condition: {StringEquals: {'aws:ResourceTag/stage': 'prod'}},
});
const variablesDeny = policy(
	{Effect: 'Deny', Action: 'codeartifact:DescribeDomain', Resource: 'arn:aws:codeartifact:*:*:domain/${aws:PrincipalTag/team}'},
	{Effect: 'Deny', Action: 'codeartifact:DescribeDomain', Resource: '*', Condition: {StringEquals: {'aws:ResourceTag/owner': '${aws:userid}'}}},
	// A role session has no user name, on AWS as here: this one denies nothing.
	{Effect: 'Deny', Action: 'codeartifact:DescribeDomain', Resource: 'arn:aws:codeartifact:*:*:domain/${aws:username}'},
);

describe('global condition keys and policy variables in role policies, through the real SDK', () => {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	const roles = [...Object.keys(principalCases), 'resource-tags', 'variables'];
	const sessions = new Map<string, SeededSession>(seedRoleSessions(dataDir, Object.fromEntries(roles.map(role => [role, {}]))).map(s => [s.roleName, s]));
	afterAll(() => rmSync(dataDir, {recursive: true, force: true}));
	const sandbox = useSandbox({dataDir});
	const admin = {iam: () => new IAMClient(adminConfig(sandbox.current)), codeartifact: () => new CodeartifactClient(adminConfig(sandbox.current))};
	const as = (role: string) => {
		const config = {...adminConfig(sandbox.current), credentials: sessions.get(role)!.credentials};
		return {iam: new IAMClient(config), codeartifact: new CodeartifactClient(config), ec2: new EC2Client(config)};
	};
	const useridOf = async (role: string) => `${(await admin.iam().send(new GetRoleCommand({RoleName: role}))).Role?.RoleId}:${sandbox.current.instanceId}`;

	beforeAll(async () => {
		const iam = admin.iam();
		for (const role of ['principal-tag', 'other-principal-tag', 'variables']) {
			await iam.send(new TagRoleCommand({RoleName: role, Tags: [{Key: 'team', Value: 'builders'}]}));
		}
		for (const [role, {deny}] of Object.entries(principalCases)) {
			await iam.send(
				new PutRolePolicyCommand({
					RoleName: role,
					PolicyName: 'test-policy',
					PolicyDocument: deny({account: sandbox.current.accountId, userid: await useridOf(role)}),
				}),
			);
		}
		await iam.send(new PutRolePolicyCommand({RoleName: 'resource-tags', PolicyName: 'test-policy', PolicyDocument: resourceTagDeny}));
		await iam.send(new PutRolePolicyCommand({RoleName: 'variables', PolicyName: 'test-policy', PolicyDocument: variablesDeny}));
		await iam.send(new CreateRoleCommand({RoleName: 'prod-role', AssumeRolePolicyDocument: ec2Trust, Tags: [{Key: 'stage', Value: 'prod'}]}));
		const codeartifact = admin.codeartifact();
		await codeartifact.send(new CreateDomainCommand({domain: 'prod', tags: [{key: 'stage', value: 'prod'}]}));
		await codeartifact.send(new CreateDomainCommand({domain: 'dev'}));
		await codeartifact.send(new CreateDomainCommand({domain: 'builders'}));
		await codeartifact.send(new CreateDomainCommand({domain: 'owned', tags: [{key: 'owner', value: await useridOf('variables')}]}));
	});

	it.each(Object.entries(principalCases))('%s', async (role, {denied}) => {
		const listing = as(role).iam.send(new ListRolesCommand({}));
		if (denied)
			await expect(listing).rejects.toMatchObject({
				name: 'AccessDenied',
				message: expect.stringContaining('with an explicit deny in an identity-based policy'),
			});
		else await expect(listing).resolves.toBeDefined();
	});

	it('reads aws:ResourceTag from the tags stored for a domain and a role', async () => {
		const {codeartifact, iam} = as('resource-tags');
		await expect(codeartifact.send(new DescribeDomainCommand({domain: 'prod'}))).rejects.toMatchObject({name: 'AccessDeniedException'});
		await expect(codeartifact.send(new DescribeDomainCommand({domain: 'dev'}))).resolves.toBeDefined();
		await expect(iam.send(new GetRoleCommand({RoleName: 'prod-role'}))).rejects.toMatchObject({name: 'AccessDenied'});
		await expect(iam.send(new GetRoleCommand({RoleName: 'resource-tags'}))).resolves.toBeDefined();
	});

	it('fails closed on aws:ResourceTag where the tags of the resource are not modelled (an EC2 instance)', async () => {
		const attempt = as('resource-tags').ec2.send(
			new AssociateIamInstanceProfileCommand({InstanceId: sandbox.current.instanceId, IamInstanceProfile: {Name: 'any'}}),
		);
		await expect(attempt).rejects.toMatchObject({name: 'UnauthorizedOperation'});
	});

	it('resolves ${aws:PrincipalTag/…} and ${aws:userid}, and leaves ${aws:username} unresolved for a role session', async () => {
		const {codeartifact} = as('variables');
		await expect(codeartifact.send(new DescribeDomainCommand({domain: 'builders'}))).rejects.toMatchObject({name: 'AccessDeniedException'});
		await expect(codeartifact.send(new DescribeDomainCommand({domain: 'owned'}))).rejects.toMatchObject({name: 'AccessDeniedException'});
		await expect(codeartifact.send(new DescribeDomainCommand({domain: 'dev'}))).resolves.toBeDefined();
	});
});
