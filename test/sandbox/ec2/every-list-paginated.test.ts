import {
	CreateTagsCommand,
	DeleteTagsCommand,
	DescribeIamInstanceProfileAssociationsCommand,
	DescribeInstancesCommand,
	DescribeTagsCommand,
	DisassociateIamInstanceProfileCommand,
	EC2Client,
	paginateDescribeIamInstanceProfileAssociations,
	paginateDescribeInstances,
	paginateDescribeTags,
	type EC2PaginationConfiguration,
} from '@aws-sdk/client-ec2';
import {beforeAll, describe, expect, it} from 'vitest';
import {emulatedServices} from '../../../source/sandbox/emulated-operations.js';
import {collectPages} from '../../helpers/collect-pages.js';
import {modelPaginators} from '../../helpers/model-shape.js';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';

// Issue 12: every paginated EC2 operation the sandbox emulates (the model's paginators file ∩ the
// sandbox's routes), paged through the SDK's own paginators with pages smaller than the list
// (EC2 takes MaxResults of 5 at least, so the lists are longer than that): each item comes back
// exactly once, in the whole list's order, every page a reply the model allows, and a NextToken
// the sandbox never issued is refused as EC2 refuses it. STS has no paginated operation.

type Item = Record<string, unknown>;

interface ListCase {
	/** Names an item of the list. */
	label: (item: Item) => string;
	pages: (config: EC2PaginationConfiguration) => AsyncIterable<object>;
}

const instanceCount = 7;
const extraTags = ['key-0', 'key-1', 'key-2', 'key-3'];

describe('every paginated EC2 operation, page by page through the SDK', () => {
	const sandbox = useSandbox({instances: instanceCount});
	let client: EC2Client;
	const paginators = modelPaginators('ec2');
	const instanceIds = () => sandbox.current.instances.map(instance => instance.instanceId);

	const cases: Record<string, ListCase> = {
		DescribeInstances: {
			label: reservation => String((reservation['Instances'] as Item[] | undefined)?.[0]?.['InstanceId']),
			pages: config => paginateDescribeInstances(config, {}),
		},
		DescribeIamInstanceProfileAssociations: {
			label: association => String(association['InstanceId']),
			pages: config => paginateDescribeIamInstanceProfileAssociations(config, {}),
		},
		DescribeTags: {label: tag => `${String(tag['ResourceId'])} ${String(tag['Key'])}`, pages: config => paginateDescribeTags(config, {})},
	};
	/** What each list holds once the set-up is done, in the order the sandbox lists it. */
	const expected = (operation: string): string[] => {
		const [first = '', ...rest] = instanceIds();
		if (operation === 'DescribeTags') return [first, ...rest].flatMap(id => [`${id} Name`, ...(id === first ? extraTags.map(key => `${id} ${key}`) : [])]);
		return [first, ...rest];
	};

	/** The labels of every item over all pages, the size of each page, and how each page departs from the model. */
	const list = async (operation: string, config: Omit<EC2PaginationConfiguration, 'client'>) => {
		const {label, pages} = cases[operation] ?? {label: String, pages: () => []};
		return collectPages('ec2', operation, pages({client, ...config}), [String(paginators[operation]?.result_key)], label);
	};

	/** The NextToken of the first page of OPERATION's list, five items long. */
	const firstToken = async (operation: string) => {
		for await (const page of cases[operation]?.pages({client, pageSize: 5}) ?? []) return (page as {NextToken?: string}).NextToken;
		return undefined;
	};

	beforeAll(async () => {
		client = new EC2Client(adminConfig(sandbox.current));
		await client.send(new CreateTagsCommand({Resources: [sandbox.current.instanceId], Tags: extraTags.map(Key => ({Key, Value: Key}))}));
	});

	it("covers every paginated operation of the model's paginators file that the sandbox emulates, STS's none", () => {
		const paginated = (model: string) => {
			const all = modelPaginators(model);
			return emulatedServices()
				.find(service => service.model === model)
				?.operations.filter(operation => operation in all);
		};
		expect(Object.keys(cases).sort()).toEqual(paginated('ec2'));
		expect(paginated('sts')).toEqual([]);
	});

	for (const operation of Object.keys(cases)) {
		it(`${operation}: pages of five give every item once, in the whole list's order, each page as the model says`, async () => {
			const whole = await list(operation, {pageSize: 1000});
			// Associations are listed by their random ids: their order is the sandbox's to choose.
			const order = operation === 'DescribeIamInstanceProfileAssociations' ? (items: string[]) => [...items].sort() : (items: string[]) => items;
			expect(order(whole.items)).toEqual(order(expected(operation)));
			expect(whole.sizes).toEqual([whole.items.length]);
			const paged = await list(operation, {pageSize: 5});
			expect(paged.items).toEqual(whole.items);
			const count = whole.items.length;
			expect(paged.sizes).toEqual(Array.from({length: Math.ceil(count / 5)}, (_, page) => Math.min(5, count - 5 * page)));
			expect([...whole.problems, ...paged.problems]).toEqual([]);
		});

		it(`${operation}: refuses a NextToken it never issued, and one issued for another operation`, async () => {
			const refused = {name: 'InvalidPaginationToken', $metadata: expect.objectContaining({httpStatusCode: 400})};
			await expect(list(operation, {pageSize: 5, startingToken: Buffer.from('page 2, please').toString('base64')})).rejects.toMatchObject(refused);
			const foreign = await firstToken(operation === 'DescribeTags' ? 'DescribeInstances' : 'DescribeTags');
			expect(foreign).toBeDefined();
			await expect(list(operation, {pageSize: 5, startingToken: foreign})).rejects.toMatchObject(refused);
		});
	}

	// A clean-up that deletes each page before asking for the next: the NextToken names where to go on, not how many went before.
	it('deleting each page of tags before asking for the next skips none', async () => {
		const gone = Array.from({length: 7}, (_, index) => `gone-${index}`);
		await client.send(new CreateTagsCommand({Resources: [sandbox.current.instanceId], Tags: gone.map(Key => ({Key, Value: ''}))}));
		const untagged: string[] = [];
		let NextToken: string | undefined;
		do {
			const page = await client.send(new DescribeTagsCommand({Filters: [{Name: 'key', Values: ['gone-*']}], MaxResults: 5, NextToken}));
			const tags = (page.Tags ?? []).map(({Key}) => ({Key}));
			await client.send(new DeleteTagsCommand({Resources: [sandbox.current.instanceId], Tags: tags}));
			untagged.push(...tags.map(({Key}) => Key ?? ''));
			NextToken = page.NextToken;
		} while (NextToken);
		expect(untagged).toEqual(gone);
	});

	it("deleting all of each page's instances' tags, the next page's first among them, skips none", async () => {
		const [, second = '', third = ''] = instanceIds();
		const temporary = (count: number) => Array.from({length: count}, (_, index) => `temp-${index}`);
		await client.send(new CreateTagsCommand({Resources: [second], Tags: temporary(7).map(Key => ({Key, Value: ''}))}));
		await client.send(new CreateTagsCommand({Resources: [third], Tags: temporary(3).map(Key => ({Key, Value: ''}))}));
		const seen: string[] = [];
		let NextToken: string | undefined;
		do {
			const page = await client.send(new DescribeTagsCommand({Filters: [{Name: 'key', Values: ['temp-*']}], MaxResults: 5, NextToken}));
			seen.push(...(page.Tags ?? []).map(({ResourceId, Key}) => `${ResourceId} ${Key}`));
			await client.send(new DeleteTagsCommand({Resources: [...new Set((page.Tags ?? []).map(({ResourceId}) => ResourceId ?? ''))]}));
			NextToken = page.NextToken;
		} while (NextToken);
		expect(seen).toEqual([...temporary(5).map(key => `${second} ${key}`), ...temporary(3).map(key => `${third} ${key}`)]);
	});

	it("untagging each page's hosts and the next page's first, when the list asks for that tag, skips no other", async () => {
		await client.send(new CreateTagsCommand({Resources: instanceIds(), Tags: [{Key: 'cleanup', Value: 'yes'}]}));
		const hosts: string[] = [];
		let NextToken: string | undefined;
		do {
			const page = await client.send(new DescribeInstancesCommand({Filters: [{Name: 'tag:cleanup', Values: ['yes']}], MaxResults: 5, NextToken}));
			const ids = (page.Reservations ?? []).map(({Instances}) => Instances?.[0]?.InstanceId ?? '');
			hosts.push(...ids);
			const untag = [
				...ids,
				...instanceIds()
					.filter(id => !hosts.includes(id))
					.slice(0, 1),
			];
			await client.send(new DeleteTagsCommand({Resources: untag, Tags: [{Key: 'cleanup'}]}));
			NextToken = page.NextToken;
		} while (NextToken);
		expect(hosts).toEqual([...instanceIds().slice(0, 5), ...instanceIds().slice(6)]);
	});

	it('disassociating each page of associations before asking for the next skips none', async () => {
		const disassociated: string[] = [];
		let NextToken: string | undefined;
		do {
			const page = await client.send(new DescribeIamInstanceProfileAssociationsCommand({MaxResults: 5, NextToken}));
			for (const {AssociationId, InstanceId} of page.IamInstanceProfileAssociations ?? []) {
				await client.send(new DisassociateIamInstanceProfileCommand({AssociationId}));
				disassociated.push(InstanceId ?? '');
			}
			NextToken = page.NextToken;
		} while (NextToken);
		expect(disassociated.sort()).toEqual(instanceIds().sort());
	});
});
