import {createHash} from 'node:crypto';
import {
	CreateDomainCommand,
	CreatePackageGroupCommand,
	CreateRepositoryCommand,
	DeletePackageCommand,
	DeletePackageVersionsCommand,
	ListPackagesCommand,
	ListPackageVersionsCommand,
	paginateListAllowedRepositoriesForGroup,
	paginateListAssociatedPackages,
	paginateListDomains,
	paginateListPackageGroups,
	paginateListPackages,
	paginateListPackageVersionAssets,
	paginateListPackageVersions,
	paginateListRepositories,
	paginateListRepositoriesInDomain,
	paginateListSubPackageGroups,
	PublishPackageVersionCommand,
	UpdatePackageGroupOriginConfigurationCommand,
	type CodeartifactClient,
	type CodeartifactPaginationConfiguration,
} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import {modelPaginators} from '../../helpers/model-shape.js';
import {useSandbox} from '../../helpers/sandbox.js';
import {adminClient, publishGenericCommand} from './client.js';

// Issue 12: every paginated List operation of the model (its paginators file), paged through the
// SDK's own paginators with a page smaller than the list: each item comes back exactly once and in
// the order of the whole list, and a token the sandbox never issued, or one issued for another
// operation, is refused as AWS refuses it (ValidationException).

const domain = 'pages';
const five = (name: (index: number) => string) => Array.from({length: 5}, (_, index) => name(index));
const repositories = five(index => `r${index}`);
const groups = five(index => `/maven/com.example/c${index}$`);
const parentGroup = '/maven/com.example~';

interface ListCase {
	/** The items the whole list holds, in its order, each by the member `label` names (or itself, for a list of names). */
	expected: string[];
	label?: string;
	pages: (config: CodeartifactPaginationConfiguration) => AsyncIterable<object>;
}

const cases: Record<string, ListCase> = {
	ListDomains: {expected: [domain, ...five(index => `${domain}-${index}`)], label: 'name', pages: config => paginateListDomains(config, {})},
	ListRepositories: {expected: repositories, label: 'name', pages: config => paginateListRepositories(config, {})},
	ListRepositoriesInDomain: {expected: repositories, label: 'name', pages: config => paginateListRepositoriesInDomain(config, {domain})},
	ListPackages: {expected: five(index => `p${index}`), label: 'package', pages: config => paginateListPackages(config, {domain, repository: 'r0'})},
	ListPackageVersions: {
		expected: five(index => `1.${index}`),
		label: 'version',
		pages: config => paginateListPackageVersions(config, {domain, repository: 'r1', format: 'generic', namespace: 'other', package: 'versioned'}),
	},
	ListPackageVersionAssets: {
		expected: five(index => `a${index}.bin`),
		label: 'name',
		pages: config =>
			paginateListPackageVersionAssets(config, {domain, repository: 'r1', format: 'generic', namespace: 'other', package: 'assets', packageVersion: '1.0'}),
	},
	ListAllowedRepositoriesForGroup: {
		expected: repositories,
		pages: config => paginateListAllowedRepositoriesForGroup(config, {domain, packageGroup: parentGroup, originRestrictionType: 'PUBLISH'}),
	},
	ListAssociatedPackages: {
		expected: five(index => `p${index}`),
		label: 'package',
		pages: config => paginateListAssociatedPackages(config, {domain, packageGroup: '/generic/tools/*'}),
	},
	ListPackageGroups: {
		expected: ['/*', '/generic/tools/*', ...groups, parentGroup],
		label: 'pattern',
		pages: config => paginateListPackageGroups(config, {domain}),
	},
	ListSubPackageGroups: {expected: groups, label: 'pattern', pages: config => paginateListSubPackageGroups(config, {domain, packageGroup: parentGroup})},
};

describe('every paginated List operation, page by page through the SDK', () => {
	const sandbox = useSandbox();
	let client: CodeartifactClient;
	const paginators = modelPaginators('codeartifact');
	/** The labels of every item over all pages, and the size of each page. */
	const list = async (operation: string, config: Omit<CodeartifactPaginationConfiguration, 'client'>) => {
		const {label, pages} = cases[operation] ?? {pages: () => []};
		const items: string[] = [];
		const sizes: number[] = [];
		for await (const page of pages({client, ...config})) {
			const found = ((page as Record<string, unknown>)[String(paginators[operation]?.result_key)] ?? []) as (string | Record<string, string>)[];
			items.push(...found.map(item => (typeof item === 'string' ? item : (item[label ?? ''] ?? ''))));
			sizes.push(found.length);
		}
		return {items, sizes};
	};
	/** The token of the first page of OPERATION's list, two items long. */
	const firstToken = async (operation: string) => {
		for await (const page of cases[operation]?.pages({client, pageSize: 2}) ?? []) return (page as {nextToken?: string}).nextToken;
		return undefined;
	};

	beforeAll(async () => {
		client = adminClient(sandbox.current);
		for (const name of cases.ListDomains?.expected ?? []) await client.send(new CreateDomainCommand({domain: name}));
		for (const repository of repositories) await client.send(new CreateRepositoryCommand({domain, repository}));
		for (const pkg of five(index => `p${index}`)) await client.send(publishGenericCommand({domain, repository: 'r0'}, pkg, '1.0'));
		const publish = (pkg: string, version: string, asset: string, unfinished = false) =>
			client.send(
				new PublishPackageVersionCommand({
					domain,
					repository: 'r1',
					format: 'generic',
					namespace: 'other',
					package: pkg,
					packageVersion: version,
					assetName: asset,
					assetContent: Buffer.from(asset),
					assetSHA256: createHash('sha256').update(asset).digest('hex'),
					unfinished,
				}),
			);
		for (const version of five(index => `1.${index}`)) await publish('versioned', version, 'a.bin');
		for (const [index, asset] of five(index => `a${index}.bin`).entries()) await publish('assets', '1.0', asset, index < 4);
		for (const packageGroup of ['/generic/tools/*', parentGroup, ...groups]) await client.send(new CreatePackageGroupCommand({domain, packageGroup}));
		await client.send(
			new UpdatePackageGroupOriginConfigurationCommand({
				domain,
				packageGroup: parentGroup,
				restrictions: {PUBLISH: 'ALLOW_SPECIFIC_REPOSITORIES'},
				addAllowedRepositories: repositories.map(repositoryName => ({repositoryName, originRestrictionType: 'PUBLISH'})),
			}),
		);
	});

	it("covers every paginated operation of the model's paginators file", () => {
		expect(Object.keys(cases).sort()).toEqual(Object.keys(paginators).sort());
	});

	for (const [operation, {expected}] of Object.entries(cases)) {
		it(`${operation}: pages of two give every item once, in the whole list's order`, async () => {
			const whole = await list(operation, {pageSize: 100});
			expect(whole).toEqual({items: expected, sizes: [expected.length]});
			const paged = await list(operation, {pageSize: 2});
			expect(paged.items).toEqual(expected);
			expect(paged.sizes).toEqual(Array.from({length: Math.ceil(expected.length / 2)}, (_, page) => Math.min(2, expected.length - 2 * page)));
		});

		it(`${operation}: refuses a token it never issued, and one issued for another operation`, async () => {
			const refused = {name: 'ValidationException', $metadata: expect.objectContaining({httpStatusCode: 400})};
			// Well-formed (the model's \S+), so it reaches the check of what it says.
			await expect(list(operation, {pageSize: 2, startingToken: Buffer.from('page 2, please').toString('base64url')})).rejects.toMatchObject(refused);
			const other = operation === 'ListDomains' ? 'ListRepositories' : 'ListDomains';
			const foreign = await firstToken(other);
			expect(foreign).toBeDefined();
			await expect(list(operation, {pageSize: 2, startingToken: foreign})).rejects.toMatchObject(refused);
		});
	}

	it('a clean-up that deletes each page before asking for the next skips nothing: the token names where to go on, not how many went before', async () => {
		const repository = 'r4';
		for (const pkg of five(index => `gone${index}`)) await client.send(publishGenericCommand({domain, repository}, pkg, '1.0'));
		const deleted: string[] = [];
		let nextToken: string | undefined;
		do {
			const page = await client.send(new ListPackagesCommand({domain, repository, maxResults: 2, nextToken}));
			for (const {format, namespace, package: pkg} of page.packages ?? []) {
				await client.send(new DeletePackageCommand({domain, repository, format, namespace, package: pkg}));
				deleted.push(pkg ?? '');
			}
			nextToken = page.nextToken;
		} while (nextToken);
		expect(deleted).toEqual(five(index => `gone${index}`));

		const versions = {domain, repository, format: 'generic' as const, namespace: 'tools', package: 'kept'};
		for (const version of five(index => `2.${index}`)) await client.send(publishGenericCommand({domain, repository}, 'kept', version));
		const first = await client.send(new ListPackageVersionsCommand({...versions, maxResults: 2}));
		await client.send(new DeletePackageVersionsCommand({...versions, versions: (first.versions ?? []).map(v => v.version ?? '')}));
		const second = await client.send(new ListPackageVersionsCommand({...versions, maxResults: 2, nextToken: first.nextToken}));
		expect(second.versions?.map(v => v.version)).toEqual(['2.2', '2.3']);
		// Leave the lists above as they were: kept is one of the packages /generic/tools/* governs.
		await client.send(new DeletePackageCommand(versions));
	});
});
