import {
	AssociateIamInstanceProfileCommand,
	DescribeIamInstanceProfileAssociationsCommand,
	DescribeInstancesCommand,
	DisassociateIamInstanceProfileCommand,
	EC2Client,
	ReplaceIamInstanceProfileAssociationCommand,
} from '@aws-sdk/client-ec2';
import {AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, CreateRoleCommand, IAMClient} from '@aws-sdk/client-iam';
import {rmSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {SandboxStore} from '../../../source/sandbox/store/sandbox-store.js';
import {adminConfig, temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';

describe('EC2 instance profile associations through the real SDK', () => {
	const sandbox = useSandbox({scenario: 'no-profile'});
	const ec2 = () => new EC2Client(adminConfig(sandbox.current));
	const iam = () => new IAMClient(adminConfig(sandbox.current));
	const profileArn = (name: string) => `arn:aws:iam::${sandbox.current.accountId}:instance-profile/${name}`;
	let firstAssociation = '';

	it('starts without any association', async () => {
		const described = await ec2().send(new DescribeIamInstanceProfileAssociationsCommand({}));
		expect(described.IamInstanceProfileAssociations).toEqual([]);
		const {Reservations: reservations} = await ec2().send(new DescribeInstancesCommand({}));
		expect(reservations?.[0]?.Instances?.[0]?.IamInstanceProfile).toBeUndefined();
	});

	it('refuses an unknown profile and an unknown instance', async () => {
		const {instanceId} = sandbox.current;
		await expect(ec2().send(new AssociateIamInstanceProfileCommand({InstanceId: instanceId, IamInstanceProfile: {Name: 'ghost'}}))).rejects.toMatchObject({
			name: 'InvalidParameterValue',
			message: 'Value (ghost) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
		});
		await iam().send(new CreateRoleCommand({RoleName: 'host-role', AssumeRolePolicyDocument: ec2Trust}));
		for (const name of ['host-a', 'host-b']) {
			await iam().send(new CreateInstanceProfileCommand({InstanceProfileName: name}));
			await iam().send(new AddRoleToInstanceProfileCommand({InstanceProfileName: name, RoleName: 'host-role'}));
		}
		await expect(
			ec2().send(new AssociateIamInstanceProfileCommand({InstanceId: 'i-0123456789abcdef0', IamInstanceProfile: {Name: 'host-a'}})),
		).rejects.toMatchObject({
			name: 'InvalidInstanceID.NotFound',
		});
	});

	it('associates a profile by name, once', async () => {
		const {instanceId} = sandbox.current;
		const {IamInstanceProfileAssociation: association} = await ec2().send(
			new AssociateIamInstanceProfileCommand({InstanceId: instanceId, IamInstanceProfile: {Name: 'host-a'}}),
		);
		expect(association).toMatchObject({
			InstanceId: instanceId,
			State: 'associating',
			IamInstanceProfile: {Arn: profileArn('host-a'), Id: expect.stringMatching(/^AIPA/)},
		});
		expect(association?.AssociationId).toMatch(/^iip-assoc-[0-9a-f]{17}$/);
		expect(association?.Timestamp).toBeInstanceOf(Date);
		firstAssociation = association?.AssociationId ?? '';
		await expect(
			ec2().send(new AssociateIamInstanceProfileCommand({InstanceId: instanceId, IamInstanceProfile: {Arn: profileArn('host-b')}})),
		).rejects.toMatchObject({
			name: 'IncorrectState',
			message: `There is an existing association for instance ${instanceId}`,
			$metadata: {httpStatusCode: 400},
		});
		const {Reservations: reservations} = await ec2().send(new DescribeInstancesCommand({}));
		expect(reservations?.[0]?.Instances?.[0]?.IamInstanceProfile?.Arn).toBe(profileArn('host-a'));
	});

	it('describes associations by id, by filter and page by page', async () => {
		const {instanceId} = sandbox.current;
		const byId = await ec2().send(new DescribeIamInstanceProfileAssociationsCommand({AssociationIds: [firstAssociation]}));
		expect(byId.IamInstanceProfileAssociations).toEqual([
			expect.objectContaining({AssociationId: firstAssociation, InstanceId: instanceId, State: 'associated'}),
		]);
		const byFilter = await ec2().send(
			new DescribeIamInstanceProfileAssociationsCommand({
				Filters: [
					{Name: 'instance-id', Values: [instanceId]},
					{Name: 'state', Values: ['associated']},
				],
			}),
		);
		expect(byFilter.IamInstanceProfileAssociations).toHaveLength(1);
		const otherState = await ec2().send(new DescribeIamInstanceProfileAssociationsCommand({Filters: [{Name: 'state', Values: ['disassociating']}]}));
		expect(otherState.IamInstanceProfileAssociations).toEqual([]);
		const paged = await ec2().send(new DescribeIamInstanceProfileAssociationsCommand({MaxResults: 5}));
		expect(paged.IamInstanceProfileAssociations).toHaveLength(1);
		expect(paged.NextToken).toBeUndefined();
		await expect(ec2().send(new DescribeIamInstanceProfileAssociationsCommand({MaxResults: 2}))).rejects.toMatchObject({name: 'InvalidParameterValue'});
		await expect(ec2().send(new DescribeIamInstanceProfileAssociationsCommand({NextToken: 'garbage'}))).rejects.toMatchObject({name: 'InvalidPaginationToken'});
		await expect(ec2().send(new DescribeIamInstanceProfileAssociationsCommand({AssociationIds: ['iip-assoc-00000000000000000']}))).rejects.toMatchObject({
			name: 'InvalidAssociationID.NotFound',
		});
	});

	it('replaces the association with a new one', async () => {
		const {IamInstanceProfileAssociation: replaced} = await ec2().send(
			new ReplaceIamInstanceProfileAssociationCommand({
				AssociationId: firstAssociation,
				IamInstanceProfile: {Arn: profileArn('host-b')},
			}),
		);
		expect(replaced).toMatchObject({State: 'associating', IamInstanceProfile: {Arn: profileArn('host-b')}});
		expect(replaced?.AssociationId).not.toBe(firstAssociation);
		const all = await ec2().send(new DescribeIamInstanceProfileAssociationsCommand({}));
		expect(all.IamInstanceProfileAssociations?.map(a => [a.AssociationId, a.State])).toEqual([[replaced?.AssociationId, 'associated']]);
		await expect(ec2().send(new DisassociateIamInstanceProfileCommand({AssociationId: firstAssociation}))).rejects.toMatchObject({
			name: 'InvalidAssociationID.NotFound',
		});
		firstAssociation = replaced?.AssociationId ?? '';
	});

	it('disassociates, after which the instance has no profile', async () => {
		const {IamInstanceProfileAssociation: ended} = await ec2().send(new DisassociateIamInstanceProfileCommand({AssociationId: firstAssociation}));
		expect(ended).toMatchObject({AssociationId: firstAssociation, State: 'disassociating'});
		expect((await ec2().send(new DescribeIamInstanceProfileAssociationsCommand({}))).IamInstanceProfileAssociations).toEqual([]);
		const {Reservations: reservations} = await ec2().send(new DescribeInstancesCommand({}));
		expect(reservations?.[0]?.Instances?.[0]?.IamInstanceProfile).toBeUndefined();
	});
});

describe('EC2 DescribeIamInstanceProfileAssociations pagination', () => {
	// One simulated instance has at most one association: seed a data folder with more.
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	const seeded = new SandboxStore(dataDir, {region: 'us-east-1', scenario: 'access-denied'});
	for (let n = 0; n < 6; n++) {
		const associationId = `iip-assoc-${String(n).padStart(17, '0')}`;
		seeded.state.associations[associationId] = {
			associationId,
			instanceId: `i-0000000000000000${n}`,
			instanceProfileName: 'build-host-profile',
			state: 'associated',
			timestamp: '2030-01-01T00:00:00Z',
		};
	}
	seeded.commit();
	const sandbox = useSandbox({dataDir});
	afterAll(() => rmSync(dataDir, {recursive: true, force: true}));

	it('pages with MaxResults and NextToken', async () => {
		const ec2 = new EC2Client(adminConfig(sandbox.current));
		const first = await ec2.send(new DescribeIamInstanceProfileAssociationsCommand({MaxResults: 5}));
		expect(first.IamInstanceProfileAssociations).toHaveLength(5);
		expect(first.NextToken).toBeTruthy();
		const second = await ec2.send(new DescribeIamInstanceProfileAssociationsCommand({MaxResults: 5, NextToken: first.NextToken}));
		expect(second.IamInstanceProfileAssociations).toHaveLength(2);
		expect(second.NextToken).toBeUndefined();
		const ids = [...(first.IamInstanceProfileAssociations ?? []), ...(second.IamInstanceProfileAssociations ?? [])].map(a => a.AssociationId);
		expect(new Set(ids).size).toBe(7);
		const filtered = await ec2.send(new DescribeIamInstanceProfileAssociationsCommand({Filters: [{Name: 'instance-id', Values: ['i-00000000000000003']}]}));
		expect(filtered.IamInstanceProfileAssociations?.map(a => a.AssociationId)).toEqual(['iip-assoc-00000000000000003']);
	});
});
