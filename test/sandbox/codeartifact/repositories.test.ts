import {
	AssociateExternalConnectionCommand,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DeleteRepositoryCommand,
	DescribeDomainCommand,
	DescribeRepositoryCommand,
	DisassociateExternalConnectionCommand,
	paginateListRepositories,
	paginateListRepositoriesInDomain,
	UpdateRepositoryCommand,
	type CodeartifactClient,
} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {useSandbox} from '../../helpers/sandbox.js';
import {adminClient, uniqueName} from './client.js';

describe('CodeArtifact repositories through the real SDK', () => {
	const sandbox = useSandbox();
	let client: CodeartifactClient;
	const domain = 'repos';
	const create = (repository: string, upstreams: string[] = [], description?: string) =>
		client.send(
			new CreateRepositoryCommand({domain, repository, upstreams: upstreams.map(repositoryName => ({repositoryName})), ...(description ? {description} : {})}),
		);
	const upstreamsOf = async (repository: string) =>
		(await client.send(new DescribeRepositoryCommand({domain, repository}))).repository?.upstreams?.map(u => u.repositoryName);

	beforeAll(async () => {
		client = adminClient(sandbox.current);
		await client.send(new CreateDomainCommand({domain}));
	});

	it('creates a repository with upstreams and describes it', async () => {
		const {accountId, region} = sandbox.current;
		await create('store-a');
		const created = await create('app-a', ['store-a'], 'Team releases');
		expect(created.repository).toMatchObject({
			name: 'app-a',
			administratorAccount: accountId,
			domainName: domain,
			domainOwner: accountId,
			arn: `arn:aws:codeartifact:${region}:${accountId}:repository/${domain}/app-a`,
			description: 'Team releases',
			upstreams: [{repositoryName: 'store-a'}],
			externalConnections: [],
		});
		expect(created.repository?.createdTime).toBeInstanceOf(Date);
		const described = await client.send(new DescribeRepositoryCommand({domain, repository: 'app-a', domainOwner: accountId}));
		expect(described.repository).toEqual(created.repository);
		const count = (await client.send(new DescribeDomainCommand({domain}))).domain?.repositoryCount;
		expect(count).toBeGreaterThanOrEqual(2);
	});

	it('refuses duplicates, unknown domains and unknown upstreams', async () => {
		await create('dupe');
		await expect(create('dupe')).rejects.toMatchObject({name: 'ConflictException', resourceType: 'repository', resourceId: 'dupe'});
		await expect(client.send(new CreateRepositoryCommand({domain: 'no-such-domain', repository: 'x1'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'domain',
		});
		await expect(create('orphan', ['missing-upstream'])).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining('missing-upstream'),
		});
		await expect(client.send(new DescribeRepositoryCommand({domain, repository: 'orphan'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			resourceType: 'repository',
		});
	});

	it('updates description and upstream order, which is the search order', async () => {
		await create('u-one');
		await create('u-two');
		await create('u-app', ['u-one', 'u-two']);
		const updated = await client.send(
			new UpdateRepositoryCommand({domain, repository: 'u-app', upstreams: [{repositoryName: 'u-two'}, {repositoryName: 'u-one'}]}),
		);
		expect(updated.repository?.upstreams).toEqual([{repositoryName: 'u-two'}, {repositoryName: 'u-one'}]);
		const described = await client.send(new UpdateRepositoryCommand({domain, repository: 'u-app', description: 'now described'}));
		expect(described.repository).toMatchObject({description: 'now described', upstreams: [{repositoryName: 'u-two'}, {repositoryName: 'u-one'}]});
		const cleared = await client.send(new UpdateRepositoryCommand({domain, repository: 'u-app', upstreams: []}));
		expect(cleared.repository?.upstreams).toEqual([]);
	});

	it('rejects upstream cycles, self references, repeats and unknown upstreams with ValidationException', async () => {
		await create('c-low');
		await create('c-mid', ['c-low']);
		await create('c-top', ['c-mid']);
		const update = (repository: string, upstreams: string[]) =>
			client.send(new UpdateRepositoryCommand({domain, repository, upstreams: upstreams.map(repositoryName => ({repositoryName}))}));
		await expect(update('c-low', ['c-top'])).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining('c-low -> c-top -> c-mid -> c-low'),
		});
		await expect(update('c-low', ['c-low'])).rejects.toMatchObject({name: 'ValidationException'});
		await expect(update('c-top', ['c-mid', 'c-mid'])).rejects.toMatchObject({name: 'ValidationException'});
		await expect(update('c-top', ['c-nowhere'])).rejects.toMatchObject({name: 'ValidationException'});
		expect(await upstreamsOf('c-low')).toEqual([]);
		expect(await upstreamsOf('c-top')).toEqual(['c-mid']);
	});

	it('limits a repository to ten upstreams', async () => {
		const many = Array.from({length: 11}, (_, i) => `q-up-${i}`);
		for (const name of many) await create(name);
		await create('q-app', many.slice(0, 10));
		await expect(
			client.send(new UpdateRepositoryCommand({domain, repository: 'q-app', upstreams: many.map(repositoryName => ({repositoryName}))})),
		).rejects.toMatchObject({
			name: 'ServiceQuotaExceededException',
			$metadata: {httpStatusCode: 402},
		});
	});

	it("deletes a repository that is another one's upstream, which then no longer lists it", async () => {
		await create('d-up');
		await create('d-other');
		await create('d-down', ['d-up', 'd-other']);
		const deleted = await client.send(new DeleteRepositoryCommand({domain, repository: 'd-up'}));
		expect(deleted.repository).toMatchObject({name: 'd-up', upstreams: []});
		expect(outputShapeProblems('codeartifact', 'DeleteRepository', deleted)).toEqual([]);
		expect(await upstreamsOf('d-down')).toEqual(['d-other']);
		await expect(client.send(new DeleteRepositoryCommand({domain, repository: 'd-up'}))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
		// A repository made again under the name is a new one: the downstream does not list it.
		await create('d-up');
		expect(await upstreamsOf('d-down')).toEqual(['d-other']);
	});

	it('associates one known external connection and disassociates it', async () => {
		await create('maven-central-store');
		const associated = await client.send(
			new AssociateExternalConnectionCommand({domain, repository: 'maven-central-store', externalConnection: 'public:maven-central'}),
		);
		expect(associated.repository?.externalConnections).toEqual([{externalConnectionName: 'public:maven-central', packageFormat: 'maven', status: 'Available'}]);
		await expect(
			client.send(new AssociateExternalConnectionCommand({domain, repository: 'maven-central-store', externalConnection: 'public:maven-central'})),
		).rejects.toMatchObject({name: 'ConflictException'});
		await expect(
			client.send(new AssociateExternalConnectionCommand({domain, repository: 'maven-central-store', externalConnection: 'public:npmjs'})),
		).rejects.toMatchObject({
			name: 'ValidationException',
			message: 'ExternalConnections for repositories are currently limited to 1',
		});
		// A repository has upstreams or an external connection, not both (CodeArtifact API reference).
		await create('ext-up');
		await expect(
			client.send(new UpdateRepositoryCommand({domain, repository: 'maven-central-store', upstreams: [{repositoryName: 'ext-up'}]})),
		).rejects.toMatchObject({name: 'ValidationException'});
		const removed = await client.send(
			new DisassociateExternalConnectionCommand({domain, repository: 'maven-central-store', externalConnection: 'public:maven-central'}),
		);
		expect(removed.repository?.externalConnections).toEqual([]);
		await expect(
			client.send(new DisassociateExternalConnectionCommand({domain, repository: 'maven-central-store', externalConnection: 'public:maven-central'})),
		).rejects.toMatchObject({name: 'ResourceNotFoundException'});
	});

	it('refuses unknown external connections and one on a repository with upstreams', async () => {
		await create('e-up');
		await create('e-app', ['e-up']);
		await expect(
			client.send(new AssociateExternalConnectionCommand({domain, repository: 'e-up', externalConnection: 'public:not-a-registry'})),
		).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining('public:maven-central'),
		});
		await expect(client.send(new AssociateExternalConnectionCommand({domain, repository: 'e-app', externalConnection: 'public:pypi'}))).rejects.toMatchObject({
			name: 'ValidationException',
		});
		await expect(client.send(new AssociateExternalConnectionCommand({domain, repository: 'e-none', externalConnection: 'public:pypi'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
		});
	});

	it('pages through repositories account-wide and in a domain, with a prefix', async () => {
		const other = uniqueName('other');
		await client.send(new CreateDomainCommand({domain: other}));
		const names = Array.from({length: 5}, (_, i) => `pg-${i}`);
		for (const repository of names) {
			await create(repository);
			await client.send(new CreateRepositoryCommand({domain: other, repository}));
		}
		const everywhere: string[] = [];
		let pages = 0;
		for await (const page of paginateListRepositories({client, pageSize: 2}, {repositoryPrefix: 'pg-'})) {
			pages += 1;
			expect(page.repositories?.length).toBeLessThanOrEqual(2);
			everywhere.push(...(page.repositories ?? []).map(r => `${r.domainName}/${r.name}`));
		}
		expect(pages).toBe(5);
		expect(everywhere.sort()).toEqual([...names.map(n => `${domain}/${n}`), ...names.map(n => `${other}/${n}`)].sort());

		const inDomain: string[] = [];
		for await (const page of paginateListRepositoriesInDomain({client, pageSize: 2}, {domain: other, repositoryPrefix: 'pg-'})) {
			for (const r of page.repositories ?? []) {
				expect(r).toMatchObject({domainName: other, administratorAccount: sandbox.current.accountId, arn: expect.stringContaining(`:repository/${other}/`)});
				inDomain.push(r.name ?? '');
			}
		}
		expect(inDomain).toEqual(names);
		const foreign = sandbox.current.accountId === '111122223333' ? '444455556666' : '111122223333';
		const none: string[] = [];
		for await (const page of paginateListRepositoriesInDomain({client}, {domain: other, administratorAccount: foreign}))
			none.push(...(page.repositories ?? []).map(r => r.name ?? ''));
		expect(none).toEqual([]);
	});
});
