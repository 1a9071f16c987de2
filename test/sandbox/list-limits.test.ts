import {rmSync} from 'node:fs';
import {CodeartifactClient, CreateDomainCommand, CreateRepositoryCommand} from '@aws-sdk/client-codeartifact';
import {DescribeIamInstanceProfileAssociationsCommand, DescribeInstancesCommand, EC2Client} from '@aws-sdk/client-ec2';
import {CreateRoleCommand, IAMClient, TagRoleCommand, UntagRoleCommand} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bestTimes} from '../helpers/best-times.js';
import {adminConfig, temporaryDirectory, useSandbox} from '../helpers/sandbox.js';
import {seedRoleSessions} from './codeartifact/role-sessions.js';

// Lists in requests: bounded as the models bound them (or, where a model sets no bound, as the
// sandbox states in ec2/params.ts), read in time proportional to their length, and read only
// once the caller is known and permitted: a caller who may not call the operation gets an
// answer that no list, however long or malformed, can change or delay.

const trust = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}]});
const tags = (count: number, key = (index: number) => `key${index}`) => Array.from({length: count}, (_, index) => ({Key: key(index), Value: `value${index}`}));
const values = (count: number) => Array.from({length: count}, (_, index) => `i-${index.toString(16).padStart(17, '0')}`);

describe('lists in requests', () => {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	// A role session allowed nothing but to ask who it is.
	const [nobody] = seedRoleSessions(dataDir, {nobody: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*'}]}});
	afterAll(() => rmSync(dataDir, {recursive: true, force: true})); // runs after the sandbox stopped (hooks run in reverse)
	const sandbox = useSandbox({dataDir});
	const as = (who: 'admin' | 'nobody' | 'forger') => ({
		...adminConfig(sandbox.current),
		...(who === 'nobody'
			? {credentials: nobody!.credentials}
			: who === 'forger'
				? {credentials: {...sandbox.current.admin, secretAccessKey: 'not-the-secret'}}
				: {}),
	});
	let iam: (who?: 'admin' | 'nobody' | 'forger') => IAMClient;
	let ec2: (who?: 'admin' | 'nobody') => EC2Client;
	let codeartifact: (who?: 'admin' | 'nobody') => CodeartifactClient;

	beforeAll(async () => {
		iam = (who = 'admin') => new IAMClient(as(who));
		ec2 = (who = 'admin') => new EC2Client(as(who));
		codeartifact = (who = 'admin') => new CodeartifactClient(as(who));
		await iam().send(new CreateRoleCommand({RoleName: 'tagged', AssumeRolePolicyDocument: trust}));
	});

	describe("longer than the model allows: refused whole, in the service's words (real SDK)", () => {
		it('IAM: 50 tags, 50 tag keys', async () => {
			await expect(iam().send(new CreateRoleCommand({RoleName: 'many-tags', AssumeRolePolicyDocument: trust, Tags: tags(51)}))).rejects.toMatchObject({
				name: 'ValidationError',
				message: "1 validation error detected: Value '[…]' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
			});
			// Without a word about each of its (here all invalid) members.
			await expect(iam().send(new TagRoleCommand({RoleName: 'tagged', Tags: tags(2000, () => '')}))).rejects.toMatchObject({
				name: 'ValidationError',
				message: expect.stringMatching(/^1 validation error detected: .* at 'tags' .* less than or equal to 50$/),
			});
			await expect(iam().send(new UntagRoleCommand({RoleName: 'tagged', TagKeys: values(51)}))).rejects.toMatchObject({
				name: 'ValidationError',
				message: expect.stringContaining("at 'tagKeys' failed to satisfy constraint: Member must have length less than or equal to 50"),
			});
			await iam().send(new UntagRoleCommand({RoleName: 'tagged', TagKeys: values(50)}));
		});

		it('EC2: 200 filter values in all, 1,000 IDs', async () => {
			const filterLimit = {
				name: 'FilterLimitExceeded',
				message: 'The maximum number of filter values specified on a single call is 200',
				$metadata: {httpStatusCode: 400},
			};
			await expect(ec2().send(new DescribeInstancesCommand({Filters: [{Name: 'instance-id', Values: values(201)}]}))).rejects.toMatchObject(filterLimit);
			await expect(
				ec2().send(
					new DescribeInstancesCommand({
						Filters: [
							{Name: 'instance-id', Values: values(150)},
							{Name: 'instance-type', Values: values(51)},
						],
					}),
				),
			).rejects.toMatchObject(filterLimit);
			await expect(ec2().send(new DescribeIamInstanceProfileAssociationsCommand({Filters: [{Name: 'state', Values: values(201)}]}))).rejects.toMatchObject(
				filterLimit,
			);
			const {Reservations} = await ec2().send(
				new DescribeInstancesCommand({Filters: [{Name: 'instance-id', Values: [...values(199), sandbox.current.instanceId]}]}),
			);
			expect(Reservations).toHaveLength(1);
			await expect(ec2().send(new DescribeInstancesCommand({InstanceIds: values(1001)}))).rejects.toMatchObject({
				name: 'InvalidParameterValue',
				message: expect.stringContaining('at most 1000'),
			});
			await expect(ec2().send(new DescribeIamInstanceProfileAssociationsCommand({AssociationIds: values(1001)}))).rejects.toMatchObject({
				name: 'InvalidParameterValue',
			});
		});

		it('CodeArtifact: 200 tags; upstreams, which the model does not bound, by the quota of 10', async () => {
			await expect(
				codeartifact().send(new CreateDomainCommand({domain: 'many-tags', tags: tags(201, () => '').map(({Key, Value}) => ({key: Key, value: Value}))})),
			).rejects.toMatchObject({
				name: 'ValidationException',
				message: "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 200",
			});
			await codeartifact().send(new CreateDomainCommand({domain: 'listed'}));
			const upstreams = Array.from({length: 5000}, () => ({repositoryName: '!'}));
			await expect(codeartifact().send(new CreateRepositoryCommand({domain: 'listed', repository: 'many-upstreams', upstreams}))).rejects.toMatchObject({
				name: 'ServiceQuotaExceededException',
				message: 'A repository can have at most 10 upstream repositories; 5000 were given.',
			});
		});
	});

	describe('read only once the caller is known and permitted', () => {
		it('a forged signature is refused whatever the list', async () => {
			await expect(iam('forger').send(new CreateRoleCommand({RoleName: 'forged', AssumeRolePolicyDocument: trust, Tags: tags(8000)}))).rejects.toMatchObject({
				name: 'SignatureDoesNotMatch',
			});
		});

		it('a caller without the permission is refused before its list is read: no list error comes first', async () => {
			// Each list would be refused for the admin (too long, or a filter without a name).
			await expect(iam('nobody').send(new CreateRoleCommand({RoleName: 'denied', AssumeRolePolicyDocument: trust, Tags: tags(51)}))).rejects.toMatchObject({
				name: 'AccessDenied',
			});
			await expect(iam('nobody').send(new TagRoleCommand({RoleName: 'tagged', Tags: tags(51)}))).rejects.toMatchObject({name: 'AccessDenied'});
			await expect(iam('nobody').send(new UntagRoleCommand({RoleName: 'tagged', TagKeys: values(51)}))).rejects.toMatchObject({name: 'AccessDenied'});
			await expect(ec2('nobody').send(new DescribeInstancesCommand({Filters: [{Values: ['no-name']}]}))).rejects.toMatchObject({name: 'UnauthorizedOperation'});
			await expect(ec2('nobody').send(new DescribeInstancesCommand({InstanceIds: values(1001)}))).rejects.toMatchObject({name: 'UnauthorizedOperation'});
			await expect(
				codeartifact('nobody').send(new CreateDomainCommand({domain: 'denied', tags: tags(201).map(({Key, Value}) => ({key: Key, value: Value}))})),
			).rejects.toMatchObject({name: 'AccessDeniedException'});
			await expect(ec2().send(new DescribeInstancesCommand({Filters: [{Values: ['no-name']}]}))).rejects.toMatchObject({name: 'InvalidParameterValue'});
		});

		it('a denied request with 8,000 tags takes a few times as long as one with 500, not hundreds of times', async () => {
			const denied = iam('nobody');
			const attempt = (count: number) => async () => {
				const command = new CreateRoleCommand({RoleName: 'denied', AssumeRolePolicyDocument: trust, Tags: tags(count)});
				const refusal = await denied.send(command).catch((error: unknown) => error); // timed whatever the answer: the test above says which
				expect(refusal).toBeInstanceOf(Error);
			};
			const [small, large] = await bestTimes([attempt(500), attempt(8000)], 5);
			// Linear work (serialising, signing, hashing 380 KB) makes the large one 1 to 2 times as slow
			// on an idle machine, about 11 times on one busy with other work; reading the list once per
			// item made it some 380 times as slow.
			expect(large / small).toBeLessThan(40);
		});
	});
});
