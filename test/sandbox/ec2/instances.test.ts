import {DescribeInstancesCommand, EC2Client} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {bestTimes} from '../../helpers/best-times.js';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';

describe('EC2 DescribeInstances through the real SDK', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	const ec2 = () => new EC2Client(adminConfig(sandbox.current));

	it('shows the simulated build host with its instance profile', async () => {
		const {Reservations: reservations} = await ec2().send(new DescribeInstancesCommand({}));
		expect(reservations).toHaveLength(1);
		expect(reservations?.[0]?.OwnerId).toBe(sandbox.current.accountId);
		expect(reservations?.[0]?.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
		const instance = reservations?.[0]?.Instances?.[0];
		expect(instance).toMatchObject({
			InstanceId: sandbox.current.instanceId,
			State: {Code: 16, Name: 'running'},
			InstanceType: 't3.medium',
			Placement: {AvailabilityZone: `${sandbox.current.region}a`},
			PrivateIpAddress: '172.31.20.17',
			IamInstanceProfile: {Arn: `arn:aws:iam::${sandbox.current.accountId}:instance-profile/build-host-profile`, Id: expect.stringMatching(/^AIPA/)},
		});
		expect(instance?.ImageId).toMatch(/^ami-[0-9a-f]{17}$/);
		expect(instance?.LaunchTime).toBeInstanceOf(Date);
	});

	it('selects by InstanceId and by the instance-id filter', async () => {
		const {instanceId} = sandbox.current;
		const byId = await ec2().send(new DescribeInstancesCommand({InstanceIds: [instanceId]}));
		expect(byId.Reservations?.[0]?.Instances?.[0]?.InstanceId).toBe(instanceId);
		const byFilter = await ec2().send(new DescribeInstancesCommand({Filters: [{Name: 'instance-id', Values: [instanceId]}]}));
		expect(byFilter.Reservations).toHaveLength(1);
		const wildcard = await ec2().send(new DescribeInstancesCommand({Filters: [{Name: 'instance-state-name', Values: ['run*']}]}));
		expect(wildcard.Reservations).toHaveLength(1);
		const none = await ec2().send(new DescribeInstancesCommand({Filters: [{Name: 'instance-id', Values: ['i-0123456789abcdef0']}]}));
		expect(none.Reservations).toEqual([]);
	});

	it('matches filter wildcards in linear time, with backslash escapes', async () => {
		// As a RegExp, `^.*.*…Z$` backtracks polynomially: 12 stars took seconds (and 25 hung the server).
		// Timed against one star in the same run, as a bound in milliseconds says nothing on a busy machine.
		const client = ec2();
		const withStars = (stars: number) => () =>
			client.send(new DescribeInstancesCommand({Filters: [{Name: 'private-dns-name', Values: [`${'*'.repeat(stars)}Z`]}]}));
		const [one, eight] = await bestTimes([withStars(1), withStars(8)]);
		expect(eight / one).toBeLessThan(5); // measured: about 1.1; as a RegExp, over 20
		expect((await withStars(12)()).Reservations).toEqual([]);
		const many = await ec2().send(new DescribeInstancesCommand({Filters: [{Name: 'instance-id', Values: [`${'*'.repeat(25)}Z`]}]}));
		expect(many.Reservations).toEqual([]);
		const escaped = await ec2().send(new DescribeInstancesCommand({Filters: [{Name: 'instance-state-name', Values: ['run\\*']}]}));
		expect(escaped.Reservations).toEqual([]);
		const single = await ec2().send(new DescribeInstancesCommand({Filters: [{Name: 'instance-state-name', Values: ['runn?ng']}]}));
		expect(single.Reservations).toHaveLength(1);
	});

	it('refuses unknown and malformed ids and unknown filters in EC2 words', async () => {
		await expect(ec2().send(new DescribeInstancesCommand({InstanceIds: ['i-0123456789abcdef0']}))).rejects.toMatchObject({
			name: 'InvalidInstanceID.NotFound',
			message: "The instance ID 'i-0123456789abcdef0' does not exist",
			$metadata: {httpStatusCode: 400},
		});
		await expect(ec2().send(new DescribeInstancesCommand({InstanceIds: ['web-1']}))).rejects.toMatchObject({name: 'InvalidInstanceID.Malformed'});
		await expect(ec2().send(new DescribeInstancesCommand({Filters: [{Name: 'flavour', Values: ['x']}]}))).rejects.toMatchObject({
			name: 'InvalidParameterValue',
			message: "The filter 'flavour' is invalid",
		});
	});

	it('answers DryRun with DryRunOperation for an allowed caller', async () => {
		await expect(ec2().send(new DescribeInstancesCommand({DryRun: true}))).rejects.toMatchObject({name: 'DryRunOperation', $metadata: {httpStatusCode: 412}});
	});

	it('refuses a wrong secret with AuthFailure', async () => {
		const client = new EC2Client({
			...adminConfig(sandbox.current),
			credentials: {accessKeyId: sandbox.current.admin.accessKeyId, secretAccessKey: 'z'.repeat(40)},
		});
		await expect(client.send(new DescribeInstancesCommand({}))).rejects.toMatchObject({name: 'AuthFailure', $metadata: {httpStatusCode: 401}});
	});
});
