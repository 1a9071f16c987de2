import {describe, expect, it} from 'vitest';
import type {AwsApis} from '../../source/aws/apis.js';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {useSandbox} from '../helpers/sandbox.js';

const ec2Trust = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}]});

async function profileWithRole(apis: AwsApis, name: string): Promise<string> {
	await apis.iam.createRole(`${name}-role`, ec2Trust, '');
	const profile = await apis.iam.createInstanceProfile(name);
	await apis.iam.addRoleToInstanceProfile(name, `${name}-role`);
	return profile.arn;
}

describe('the EC2 adapter against the sandbox (scenario access-denied: the host has a profile)', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	const apis = async (): Promise<AwsApis> => createAwsApis({kind: 'sandbox', ...sandbox.current});

	it('finds the current association and replaces it', async () => {
		const aws = await apis();
		const {instanceId, accountId} = sandbox.current;
		const current = await aws.ec2.currentAssociation(instanceId);
		expect(current).toEqual({
			associationId: expect.stringMatching(/^iip-assoc-[0-9a-f]{17}$/) as unknown,
			instanceId,
			instanceProfileArn: `arn:aws:iam::${accountId}:instance-profile/build-host-profile`,
			state: 'associated',
		});

		const arn = await profileWithRole(aws, 'ci-profile');
		const replaced = await aws.ec2.replace(current!.associationId, 'ci-profile');
		expect(replaced).toMatchObject({instanceId, instanceProfileArn: arn});
		expect(['associating', 'associated']).toContain(replaced.state);
		expect(replaced.associationId).not.toBe(current!.associationId);
		expect(await aws.ec2.currentAssociation(instanceId)).toMatchObject({associationId: replaced.associationId, instanceProfileArn: arn});
	});

	it('classifies EC2 errors', async () => {
		const aws = await apis();
		const {instanceId} = sandbox.current;
		await expect(aws.ec2.replace('iip-assoc-0123456789abcdef0', 'ci-profile')).rejects.toMatchObject({
			kind: 'not-found',
			code: 'InvalidAssociationID.NotFound',
			operation: 'ec2:ReplaceIamInstanceProfileAssociation',
		});
		await expect(aws.ec2.associate(instanceId, 'ci-profile')).rejects.toMatchObject({
			kind: 'conflict',
			code: 'IncorrectState',
			operation: 'ec2:AssociateIamInstanceProfile',
		});
		expect(await aws.ec2.currentAssociation('i-0000000000000000f')).toBeUndefined();
	});
});

describe('the EC2 adapter against the sandbox (scenario no-profile)', () => {
	const sandbox = useSandbox({scenario: 'no-profile'});

	it('finds no association, then associates a profile', async () => {
		const aws = await createAwsApis({kind: 'sandbox', ...sandbox.current});
		const {instanceId} = sandbox.current;
		expect(await aws.ec2.currentAssociation(instanceId)).toBeUndefined();
		const arn = await profileWithRole(aws, 'first-profile');
		const associated = await aws.ec2.associate(instanceId, 'first-profile');
		expect(associated).toMatchObject({instanceId, instanceProfileArn: arn});
		expect(await aws.ec2.currentAssociation(instanceId)).toMatchObject({associationId: associated.associationId});
	});
});

describe('the EC2 adapter lists the instances of the account', () => {
	const sandbox = useSandbox({scenario: 'access-denied', instances: 2});

	it('with their Name tags, states and instance profiles', async () => {
		const aws = await createAwsApis({kind: 'sandbox', ...sandbox.current});
		const [first, second] = sandbox.current.instances;
		const {accountId} = sandbox.current;
		expect(await aws.ec2.listInstances()).toEqual([
			{
				instanceId: first?.instanceId,
				name: 'build-host-1',
				state: 'running',
				instanceProfileArn: `arn:aws:iam::${accountId}:instance-profile/build-host-profile`,
			},
			{
				instanceId: second?.instanceId,
				name: 'build-host-2',
				state: 'running',
				instanceProfileArn: `arn:aws:iam::${accountId}:instance-profile/build-host-2-profile`,
			},
		]);
	});
});
