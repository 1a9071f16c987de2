import {DescribeInstancesCommand, DescribeRegionsCommand, EC2Client, type Filter} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';

describe('EC2 DescribeRegions and DescribeInstances filters through the real SDK', () => {
	const sandbox = useSandbox({scenario: 'access-denied', instances: 2, region: 'eu-central-2'});
	const ec2 = () => new EC2Client(adminConfig(sandbox.current));

	async function instanceIds(...filters: Filter[]): Promise<string[]> {
		const output = await ec2().send(new DescribeInstancesCommand({Filters: filters}));
		expect(outputShapeProblems('ec2', 'DescribeInstances', output)).toEqual([]);
		return (output.Reservations ?? []).flatMap(reservation => reservation.Instances ?? []).map(instance => instance.InstanceId ?? '');
	}

	it('lists the enabled regions, the sandbox’s own opted in, and all of them when asked', async () => {
		const enabled = await ec2().send(new DescribeRegionsCommand({}));
		expect(outputShapeProblems('ec2', 'DescribeRegions', enabled)).toEqual([]);
		const names = (enabled.Regions ?? []).map(region => region.RegionName);
		expect(names).toContain('us-east-1');
		expect(names).not.toContain('af-south-1');
		expect(enabled.Regions).toContainEqual({RegionName: 'eu-central-2', Endpoint: 'ec2.eu-central-2.amazonaws.com', OptInStatus: 'opted-in'});
		expect(enabled.Regions).toContainEqual({RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required'});
		const all = await ec2().send(new DescribeRegionsCommand({AllRegions: true}));
		expect(all.Regions).toContainEqual({RegionName: 'af-south-1', Endpoint: 'ec2.af-south-1.amazonaws.com', OptInStatus: 'not-opted-in'});
		const named = await ec2().send(new DescribeRegionsCommand({RegionNames: ['me-south-1']}));
		expect(named.Regions?.map(region => region.OptInStatus)).toEqual(['not-opted-in']);
		const filtered = await ec2().send(new DescribeRegionsCommand({AllRegions: true, Filters: [{Name: 'region-name', Values: ['eu-west-?']}]}));
		expect(filtered.Regions?.map(region => region.RegionName)).toEqual(['eu-west-1', 'eu-west-2', 'eu-west-3']);
		await expect(ec2().send(new DescribeRegionsCommand({RegionNames: ['us--east-1']}))).rejects.toMatchObject({
			name: 'InvalidParameterValue',
			message: 'Invalid region: [us--east-1]',
		});
	});

	it('filters instances by tag, state, profile and the host’s own attributes, with * and ? wildcards', async () => {
		const [first = '', second = ''] = await instanceIds();
		expect(await instanceIds({Name: 'tag:Name', Values: ['build-host-1']})).toEqual([first]);
		expect(await instanceIds({Name: 'tag:Name', Values: ['build-host-?']})).toEqual([first, second]);
		expect(await instanceIds({Name: 'tag-value', Values: ['*-2']})).toEqual([second]);
		expect(await instanceIds({Name: 'tag-key', Values: ['Name']}, {Name: 'instance-state-name', Values: ['running']})).toEqual([first, second]);
		expect(await instanceIds({Name: 'instance-state-code', Values: ['16']}, {Name: 'availability-zone', Values: ['eu-central-2a']})).toEqual([first, second]);
		const profileArn = `arn:aws:iam::${sandbox.current.accountId}:instance-profile/build-host-2-profile`;
		expect(await instanceIds({Name: 'iam-instance-profile.arn', Values: [profileArn]})).toEqual([second]);
		expect(
			await instanceIds({Name: 'instance-type', Values: ['t3.*']}, {Name: 'architecture', Values: ['x86_64']}, {Name: 'root-device-type', Values: ['ebs']}),
		).toEqual([first, second]);
		expect(await instanceIds({Name: 'metadata-options.http-tokens', Values: ['required']})).toEqual([first, second]);
		expect(await instanceIds({Name: 'instance-state-name', Values: ['stopped']})).toEqual([]);
	});

	it('matches nothing for a documented filter the simulated hosts have no value for, and refuses an unknown one', async () => {
		expect(await instanceIds({Name: 'vpc-id', Values: ['*']})).toEqual([]);
		expect(await instanceIds({Name: 'network-interface.subnet-id', Values: ['subnet-*']})).toEqual([]);
		expect(await instanceIds({Name: 'key-name', Values: ['*']})).toEqual([]);
		await expect(ec2().send(new DescribeInstancesCommand({Filters: [{Name: 'colour', Values: ['blue']}]}))).rejects.toMatchObject({
			name: 'InvalidParameterValue',
			message: "The filter 'colour' is invalid",
		});
	});
});
