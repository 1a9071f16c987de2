import {CreateTagsCommand, DeleteTagsCommand, DescribeInstancesCommand, DescribeTagsCommand, EC2Client, paginateDescribeTags} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';

describe('EC2 tags on the simulated instances through the real SDK', () => {
	const sandbox = useSandbox({scenario: 'access-denied', instances: 3});
	const ec2 = () => new EC2Client(adminConfig(sandbox.current));

	async function ids(): Promise<string[]> {
		const output = await ec2().send(new DescribeInstancesCommand({}));
		return (output.Reservations ?? []).flatMap(reservation => reservation.Instances ?? []).map(instance => instance.InstanceId ?? '');
	}

	it('describes the Name tags, a page at a time', async () => {
		const tags = [];
		for await (const page of paginateDescribeTags({client: ec2(), pageSize: 5}, {})) {
			expect(outputShapeProblems('ec2', 'DescribeTags', page)).toEqual([]);
			tags.push(...(page.Tags ?? []));
		}
		expect(tags.map(tag => [tag.Key, tag.Value, tag.ResourceType])).toEqual([
			['Name', 'build-host-1', 'instance'],
			['Name', 'build-host-2', 'instance'],
			['Name', 'build-host-3', 'instance'],
		]);
	});

	it('creates tags that filters then find, and deletes them by key, by key and value, or all', async () => {
		const [first = '', second = ''] = await ids();
		await ec2().send(
			new CreateTagsCommand({
				Resources: [first, second],
				Tags: [
					{Key: 'team', Value: 'payments'},
					{Key: 'Name', Value: 'renamed'},
				],
			}),
		);
		const found = await ec2().send(new DescribeTagsCommand({Filters: [{Name: 'key', Values: ['team']}]}));
		expect(found.Tags?.map(tag => tag.ResourceId)).toEqual([first, second]);
		const named = await ec2().send(new DescribeInstancesCommand({Filters: [{Name: 'tag:Name', Values: ['renamed']}]}));
		expect(named.Reservations?.map(reservation => reservation.Instances?.[0]?.InstanceId)).toEqual([first, second]);

		// A value that does not match leaves the tag; a key alone removes it.
		await ec2().send(new DeleteTagsCommand({Resources: [first], Tags: [{Key: 'team', Value: 'other'}]}));
		await ec2().send(new DeleteTagsCommand({Resources: [second], Tags: [{Key: 'team'}]}));
		const left = await ec2().send(new DescribeTagsCommand({Filters: [{Name: 'key', Values: ['team']}]}));
		expect(left.Tags?.map(tag => tag.ResourceId)).toEqual([first]);
		await ec2().send(new DeleteTagsCommand({Resources: [first]}));
		expect((await ec2().send(new DescribeTagsCommand({Filters: [{Name: 'resource-id', Values: [first]}]}))).Tags).toEqual([]);
	});

	it('refuses what EC2 refuses', async () => {
		const [first = ''] = await ids();
		await expect(ec2().send(new CreateTagsCommand({Resources: [first], Tags: [{Key: 'aws:owner', Value: 'x'}]}))).rejects.toMatchObject({
			name: 'InvalidParameterValue',
		});
		await expect(ec2().send(new CreateTagsCommand({Resources: ['i-0123456789abcdef0'], Tags: [{Key: 'a', Value: 'b'}]}))).rejects.toMatchObject({
			name: 'InvalidInstanceID.NotFound',
		});
		await expect(ec2().send(new CreateTagsCommand({Resources: ['vpc-12345678'], Tags: [{Key: 'a', Value: 'b'}]}))).rejects.toMatchObject({name: 'InvalidID'});
		// 50 new keys on an instance that has one already: 51, one more than EC2 allows.
		await ec2().send(new CreateTagsCommand({Resources: [first], Tags: [{Key: 'Name', Value: 'build-host-1'}]}));
		const many = Array.from({length: 50}, (_, index) => ({Key: `k${index}`, Value: 'v'}));
		await expect(ec2().send(new CreateTagsCommand({Resources: [first], Tags: many}))).rejects.toMatchObject({name: 'TagLimitExceeded'});
		await expect(ec2().send(new CreateTagsCommand({Resources: [first], Tags: [{Key: 'a', Value: 'b'}], DryRun: true}))).rejects.toMatchObject({
			name: 'DryRunOperation',
		});
		expect((await ec2().send(new DescribeTagsCommand({Filters: [{Name: 'key', Values: ['a']}]}))).Tags).toEqual([]);
	});
});
