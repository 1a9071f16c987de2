import {
	CreateDomainCommand,
	CreateRepositoryCommand,
	DeleteDomainCommand,
	DeleteRepositoryCommand,
	DescribeDomainCommand,
	paginateListDomains,
} from '@aws-sdk/client-codeartifact';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../../helpers/sandbox.js';
import {adminClient, uniqueName} from './client.js';

describe('CodeArtifact domains through the real SDK', () => {
	const sandbox = useSandbox();

	it('creates, describes and deletes a domain', async () => {
		const client = adminClient(sandbox.current);
		const {accountId, region} = sandbox.current;
		const before = Date.now() / 1000;
		const created = await client.send(new CreateDomainCommand({domain: 'acme', tags: [{key: 'team', value: 'build'}]}));
		expect(created.domain).toMatchObject({
			name: 'acme',
			owner: accountId,
			arn: `arn:aws:codeartifact:${region}:${accountId}:domain/acme`,
			status: 'Active',
			repositoryCount: 0,
			assetSizeBytes: 0,
			s3BucketArn: `arn:aws:s3:::assets-${accountId}-${region}`,
		});
		expect(created.domain?.encryptionKey).toMatch(new RegExp(`^arn:aws:kms:${region}:${accountId}:key/[0-9a-f-]{36}$`));
		expect(created.domain?.createdTime).toBeInstanceOf(Date);
		expect(created.domain!.createdTime!.getTime() / 1000).toBeGreaterThanOrEqual(Math.floor(before));

		const described = await client.send(new DescribeDomainCommand({domain: 'acme', domainOwner: accountId}));
		expect(described.domain?.name).toBe('acme');

		const deleted = await client.send(new DeleteDomainCommand({domain: 'acme'}));
		expect(deleted.domain).toMatchObject({name: 'acme', status: 'Deleted'});
		await expect(client.send(new DescribeDomainCommand({domain: 'acme'}))).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
			$metadata: {httpStatusCode: 404},
			resourceType: 'domain',
			resourceId: 'acme',
		});
	});

	it('keeps a custom encryption key', async () => {
		const client = adminClient(sandbox.current);
		const key = `arn:aws:kms:${sandbox.current.region}:${sandbox.current.accountId}:key/11111111-2222-3333-4444-555555555555`;
		const created = await client.send(new CreateDomainCommand({domain: uniqueName('keyed'), encryptionKey: key}));
		expect(created.domain?.encryptionKey).toBe(key);
	});

	it('refuses a duplicate domain with ConflictException', async () => {
		const client = adminClient(sandbox.current);
		const domain = uniqueName('dup');
		await client.send(new CreateDomainCommand({domain}));
		await expect(client.send(new CreateDomainCommand({domain}))).rejects.toMatchObject({
			name: 'ConflictException',
			$metadata: {httpStatusCode: 409},
			resourceType: 'domain',
		});
	});

	it('refuses to delete a domain that still has repositories', async () => {
		const client = adminClient(sandbox.current);
		const domain = uniqueName('busy');
		await client.send(new CreateDomainCommand({domain}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'releases'}));
		await expect(client.send(new DeleteDomainCommand({domain}))).rejects.toMatchObject({
			name: 'ConflictException',
			message: expect.stringContaining('releases'),
		});
		await client.send(new DeleteRepositoryCommand({domain, repository: 'releases'}));
		await expect(client.send(new DeleteDomainCommand({domain}))).resolves.toMatchObject({domain: {status: 'Deleted'}});
	});

	it('finds nothing when domain-owner names another account', async () => {
		const client = adminClient(sandbox.current);
		const domain = uniqueName('owned');
		await client.send(new CreateDomainCommand({domain}));
		const other = sandbox.current.accountId === '111122223333' ? '444455556666' : '111122223333';
		await expect(client.send(new DescribeDomainCommand({domain, domainOwner: other}))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
	});

	it('pages through domains with the SDK paginator', async () => {
		const client = adminClient(sandbox.current);
		const names = Array.from({length: 7}, (_, i) => `paged-${String(i).padStart(2, '0')}`);
		for (const domain of names) await client.send(new CreateDomainCommand({domain}));
		const pages: number[] = [];
		const seen: string[] = [];
		for await (const page of paginateListDomains({client, pageSize: 3}, {})) {
			pages.push(page.domains?.length ?? 0);
			seen.push(...(page.domains ?? []).map(d => d.name ?? ''));
			for (const d of page.domains ?? [])
				expect(d).toMatchObject({owner: sandbox.current.accountId, status: 'Active', arn: expect.stringMatching(/:domain\//)});
		}
		expect(pages.every(n => n <= 3)).toBe(true);
		expect(pages.length).toBeGreaterThanOrEqual(3);
		expect(seen.filter(n => n.startsWith('paged-'))).toEqual(names);
		expect(new Set(seen).size).toBe(seen.length);
	});
});
