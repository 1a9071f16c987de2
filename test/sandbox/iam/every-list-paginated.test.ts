import {
	AddRoleToInstanceProfileCommand,
	AttachRolePolicyCommand,
	CreateInstanceProfileCommand,
	CreatePolicyCommand,
	CreatePolicyVersionCommand,
	CreateRoleCommand,
	DeletePolicyCommand,
	DeleteRoleCommand,
	IAMClient,
	ListPoliciesCommand,
	ListRolesCommand,
	ListRoleTagsCommand,
	paginateListAttachedRolePolicies,
	paginateListEntitiesForPolicy,
	paginateListInstanceProfiles,
	paginateListInstanceProfilesForRole,
	paginateListInstanceProfileTags,
	paginateListPolicies,
	paginateListPolicyTags,
	paginateListPolicyVersions,
	paginateListRolePolicies,
	paginateListRoles,
	paginateListRoleTags,
	paginateListUsers,
	PutRolePolicyCommand,
	TagInstanceProfileCommand,
	TagPolicyCommand,
	TagRoleCommand,
	UntagRoleCommand,
	type IAMPaginationConfiguration,
} from '@aws-sdk/client-iam';
import {beforeAll, describe, expect, it} from 'vitest';
import {emulatedServices} from '../../../source/sandbox/emulated-operations.js';
import {collectPages} from '../../helpers/collect-pages.js';
import {modelPaginators} from '../../helpers/model-shape.js';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';

// Issue 12: every paginated IAM operation the sandbox emulates (the model's paginators file ∩ the
// sandbox's routes), paged through the SDK's own paginators with pages smaller than the list:
// each item comes back exactly once, in the whole list's order, every page a reply the model
// allows, and a Marker the sandbox never issued, or one another operation issued, is refused.

const five = (name: (index: number) => string) => Array.from({length: 5}, (_, index) => name(index));
const roles = five(index => `page-role-${index}`);
const profiles = five(index => `page-profile-${index}`);
const policies = five(index => `page-policy-${index}`);
const inline = five(index => `inline-${index}`);
const tagKeys = five(index => `key-${index}`);
const [role = '', profile = ''] = [roles[0], profiles[0]];
const document = (sid: string) => JSON.stringify({Version: '2012-10-17', Statement: [{Sid: sid, Effect: 'Allow', Action: 's3:ListBucket', Resource: '*'}]});

type Item = string | Record<string, unknown>;

interface ListCase {
	/** What the test made, in the order the whole list holds it (which may hold the sandbox's own items too). */
	made: string[];
	/** Names an item of the list. */
	label: (item: Item) => string;
	pages: (config: IAMPaginationConfiguration) => AsyncIterable<object>;
}

const member = (name: string) => (item: Item) => (typeof item === 'string' ? item : String(item[name]));

describe('every paginated IAM operation, page by page through the SDK', () => {
	const sandbox = useSandbox();
	let client: IAMClient;
	let policyArn = '';
	const paginators = modelPaginators('iam');

	const cases: Record<string, ListCase> = {
		ListRoles: {made: roles, label: member('RoleName'), pages: config => paginateListRoles(config, {})},
		// The sandbox has one user, its admin (it emulates no CreateUser): a list of one page.
		ListUsers: {made: ['sandbox-admin'], label: member('UserName'), pages: config => paginateListUsers(config, {})},
		ListPolicies: {made: policies, label: member('PolicyName'), pages: config => paginateListPolicies(config, {Scope: 'Local'})},
		ListPolicyVersions: {
			// Newest first.
			made: five(index => `v${5 - index}`),
			label: member('VersionId'),
			pages: config => paginateListPolicyVersions(config, {PolicyArn: policyArn}),
		},
		ListEntitiesForPolicy: {made: roles, label: member('RoleName'), pages: config => paginateListEntitiesForPolicy(config, {PolicyArn: policyArn})},
		ListAttachedRolePolicies: {made: policies, label: member('PolicyName'), pages: config => paginateListAttachedRolePolicies(config, {RoleName: role})},
		ListRolePolicies: {made: inline, label: member(''), pages: config => paginateListRolePolicies(config, {RoleName: role})},
		ListInstanceProfiles: {made: profiles, label: member('InstanceProfileName'), pages: config => paginateListInstanceProfiles(config, {})},
		ListInstanceProfilesForRole: {
			made: profiles,
			label: member('InstanceProfileName'),
			pages: config => paginateListInstanceProfilesForRole(config, {RoleName: role}),
		},
		ListRoleTags: {made: tagKeys, label: member('Key'), pages: config => paginateListRoleTags(config, {RoleName: role})},
		ListPolicyTags: {made: tagKeys, label: member('Key'), pages: config => paginateListPolicyTags(config, {PolicyArn: policyArn})},
		ListInstanceProfileTags: {
			made: tagKeys,
			label: member('Key'),
			pages: config => paginateListInstanceProfileTags(config, {InstanceProfileName: profile}),
		},
	};

	/** The labels of every item over all pages, the size of each page, and how each page departs from the model. */
	const list = async (operation: string, config: Omit<IAMPaginationConfiguration, 'client'>) => {
		const {label, pages} = cases[operation] ?? {label: String, pages: () => []};
		return collectPages('iam', operation, pages({client, ...config}), [paginators[operation]?.result_key ?? []].flat(), label);
	};

	/** The Marker of the first page of OPERATION's list, two items long. */
	const firstMarker = async (operation: string) => {
		for await (const page of cases[operation]?.pages({client, pageSize: 2}) ?? []) return (page as {Marker?: string}).Marker;
		return undefined;
	};

	beforeAll(async () => {
		client = new IAMClient(adminConfig(sandbox.current));
		for (const name of roles) await client.send(new CreateRoleCommand({RoleName: name, AssumeRolePolicyDocument: ec2Trust}));
		for (const name of policies) {
			const created = await client.send(new CreatePolicyCommand({PolicyName: name, PolicyDocument: document('v1')}));
			policyArn ||= created.Policy?.Arn ?? '';
			await client.send(new AttachRolePolicyCommand({RoleName: role, PolicyArn: created.Policy?.Arn}));
		}
		for (const name of roles.slice(1)) await client.send(new AttachRolePolicyCommand({RoleName: name, PolicyArn: policyArn}));
		for (const sid of ['v2', 'v3', 'v4', 'v5']) await client.send(new CreatePolicyVersionCommand({PolicyArn: policyArn, PolicyDocument: document(sid)}));
		for (const name of inline) await client.send(new PutRolePolicyCommand({RoleName: role, PolicyName: name, PolicyDocument: document(name.replace('-', ''))}));
		for (const name of profiles) {
			await client.send(new CreateInstanceProfileCommand({InstanceProfileName: name}));
			await client.send(new AddRoleToInstanceProfileCommand({InstanceProfileName: name, RoleName: role}));
		}
		const Tags = tagKeys.map(Key => ({Key, Value: Key}));
		await client.send(new TagRoleCommand({RoleName: role, Tags}));
		await client.send(new TagPolicyCommand({PolicyArn: policyArn, Tags}));
		await client.send(new TagInstanceProfileCommand({InstanceProfileName: profile, Tags}));
	});

	it("covers every paginated operation of the model's paginators file that the sandbox emulates", () => {
		const emulated = emulatedServices().find(service => service.model === 'iam')?.operations ?? [];
		expect(Object.keys(cases).sort()).toEqual(emulated.filter(operation => operation in paginators));
	});

	for (const [operation, {made}] of Object.entries(cases)) {
		it(`${operation}: pages of two give every item once, in the whole list's order, each page as the model says`, async () => {
			const whole = await list(operation, {pageSize: 1000});
			expect(whole.sizes).toHaveLength(1);
			expect(whole.items.filter(item => made.includes(item))).toEqual(made);
			expect(new Set(whole.items).size).toBe(whole.items.length);
			const paged = await list(operation, {pageSize: 2});
			expect(paged.items).toEqual(whole.items);
			const count = whole.items.length;
			expect(paged.sizes).toEqual(Array.from({length: Math.ceil(count / 2)}, (_, page) => Math.min(2, count - 2 * page)));
			expect([...whole.problems, ...paged.problems]).toEqual([]);
		});

		it(`${operation}: refuses a Marker it never issued, and one issued for another operation`, async () => {
			const refused = {name: 'InvalidInputException', message: 'Invalid Marker.', $metadata: expect.objectContaining({httpStatusCode: 400})};
			await expect(list(operation, {pageSize: 2, startingToken: Buffer.from('page 2, please').toString('base64')})).rejects.toMatchObject(refused);
			const foreign = await firstMarker(operation === 'ListRoles' ? 'ListEntitiesForPolicy' : 'ListRoles');
			expect(foreign).toBeDefined();
			await expect(list(operation, {pageSize: 2, startingToken: foreign})).rejects.toMatchObject(refused);
		});
	}

	it("a Marker stays within the model's 320 characters, even one naming a policy of the longest name", async () => {
		const longest = 'p'.repeat(128);
		for (const name of ['a', longest]) await client.send(new CreatePolicyCommand({PolicyName: name, Path: '/long/', PolicyDocument: document('long')}));
		const first = await client.send(new ListPoliciesCommand({PathPrefix: '/long/', MaxItems: 1}));
		expect(first.Policies?.map(({PolicyName}) => PolicyName)).toEqual(['a']);
		expect(first.Marker?.length).toBeLessThanOrEqual(320);
		const rest = await client.send(new ListPoliciesCommand({PathPrefix: '/long/', Marker: first.Marker}));
		expect(rest.Policies?.map(({PolicyName}) => PolicyName)).toEqual([longest]);
		for (const {Arn} of [...(first.Policies ?? []), ...(rest.Policies ?? [])]) await client.send(new DeletePolicyCommand({PolicyArn: Arn}));
	});

	it('a clean-up that deletes each page before asking for the next skips nothing: the Marker names where to go on', async () => {
		const gone = five(index => `gone-${index}`);
		for (const name of gone) await client.send(new CreateRoleCommand({RoleName: name, Path: '/gone/', AssumeRolePolicyDocument: ec2Trust}));
		const deleted: string[] = [];
		let Marker: string | undefined;
		do {
			const page = await client.send(new ListRolesCommand({PathPrefix: '/gone/', MaxItems: 2, Marker}));
			for (const {RoleName} of page.Roles ?? []) {
				await client.send(new DeleteRoleCommand({RoleName}));
				deleted.push(RoleName ?? '');
			}
			Marker = page.IsTruncated ? page.Marker : undefined;
		} while (Marker);
		expect(deleted).toEqual(gone);

		const name = roles[4] ?? '';
		await client.send(new TagRoleCommand({RoleName: name, Tags: gone.map(Key => ({Key, Value: ''}))}));
		const untagged: string[] = [];
		do {
			const page = await client.send(new ListRoleTagsCommand({RoleName: name, MaxItems: 2, Marker}));
			const keys = (page.Tags ?? []).map(tag => tag.Key ?? '');
			await client.send(new UntagRoleCommand({RoleName: name, TagKeys: keys}));
			untagged.push(...keys);
			Marker = page.IsTruncated ? page.Marker : undefined;
		} while (Marker);
		expect(untagged).toEqual(gone);
	});
});
