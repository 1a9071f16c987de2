import {
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribeDomainCommand,
	DescribeRepositoryCommand,
	GetAuthorizationTokenCommand,
	GetRepositoryEndpointCommand,
	ListDomainsCommand,
	ListPackagesCommand,
	ListPackageVersionsCommand,
	ListRepositoriesCommand,
	PutPackageOriginConfigurationCommand,
	type CodeartifactClient,
	type EndpointType,
	type PackageFormat,
	type PackageVersionStatus,
} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSandbox} from '../../helpers/sandbox.js';
import {adminClient, tamperingClient} from './client.js';

const fieldError = (message: string | RegExp) => ({
	name: 'ValidationException',
	$metadata: {httpStatusCode: 400},
	reason: 'FIELD_VALIDATION_FAILED',
	message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
});

describe('CodeArtifact input validation, as the model constrains it', () => {
	const sandbox = useSandbox();
	let client: CodeartifactClient;

	beforeAll(async () => {
		client = adminClient(sandbox.current);
		await client.send(new CreateDomainCommand({domain: 'valid'}));
		await client.send(new CreateRepositoryCommand({domain: 'valid', repository: 'repo'}));
	});

	it('names the member and the pattern it fails', async () => {
		await expect(client.send(new CreateDomainCommand({domain: 'Bad_Domain'}))).rejects.toMatchObject(
			fieldError(
				"1 validation error detected: Value 'Bad_Domain' at 'domain' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z][a-z0-9\\-]{0,48}[a-z0-9]",
			),
		);
		await expect(client.send(new CreateDomainCommand({domain: 'a'.repeat(51)}))).rejects.toMatchObject(
			fieldError("at 'domain' failed to satisfy constraint: Member must have length less than or equal to 50"),
		);
		await expect(client.send(new CreateDomainCommand({domain: 'x'}))).rejects.toMatchObject(fieldError('Member must have length greater than or equal to 2'));
		await expect(client.send(new DescribeDomainCommand({domain: 'valid', domainOwner: '12345'}))).rejects.toMatchObject(fieldError("at 'domainOwner'"));
		await expect(client.send(new CreateRepositoryCommand({domain: 'valid', repository: '-starts-with-dash'}))).rejects.toMatchObject(
			fieldError("at 'repository'"),
		);
	});

	it('reports every problem at once', async () => {
		await expect(client.send(new DescribeRepositoryCommand({domain: 'UPPER', repository: '.', domainOwner: 'abc'}))).rejects.toMatchObject(
			fieldError(/^3 validation errors detected: .*'domain'.*; .*'repository'.*; .*'domainOwner'/),
		);
	});

	it('checks enums and integer ranges', async () => {
		await expect(client.send(new GetRepositoryEndpointCommand({domain: 'valid', repository: 'repo', format: 'rpm' as PackageFormat}))).rejects.toMatchObject(
			fieldError('Member must satisfy enum value set: [npm, pypi, maven, nuget, generic, ruby, swift, cargo]'),
		);
		await expect(
			client.send(new GetRepositoryEndpointCommand({domain: 'valid', repository: 'repo', format: 'maven', endpointType: 'ipv6' as EndpointType})),
		).rejects.toMatchObject(fieldError("at 'endpointType'"));
		await expect(
			client.send(
				new ListPackageVersionsCommand({
					domain: 'valid',
					repository: 'repo',
					format: 'generic',
					namespace: 'n',
					package: 'p',
					status: 'Gone' as PackageVersionStatus,
				}),
			),
		).rejects.toMatchObject(fieldError("at 'status'"));
		await expect(client.send(new ListRepositoriesCommand({maxResults: 0}))).rejects.toMatchObject(
			fieldError("Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"),
		);
		await expect(client.send(new ListRepositoriesCommand({maxResults: 1001}))).rejects.toMatchObject(
			fieldError('Member must have value less than or equal to 1000'),
		);
		await expect(client.send(new ListDomainsCommand({maxResults: 5000}))).rejects.toMatchObject(fieldError("at 'maxResults'"));
		await expect(client.send(new ListPackagesCommand({domain: 'valid', repository: 'repo', namespace: 'has space'}))).rejects.toMatchObject(
			fieldError("at 'namespace'"),
		);
	});

	it('allows token durations of 0 or 900 to 43200 seconds', async () => {
		for (const durationSeconds of [1, 899]) {
			await expect(client.send(new GetAuthorizationTokenCommand({domain: 'valid', durationSeconds})), String(durationSeconds)).rejects.toMatchObject({
				name: 'ValidationException',
				message: expect.stringContaining('durationSeconds'),
			});
		}
		await expect(client.send(new GetAuthorizationTokenCommand({domain: 'valid', durationSeconds: 43201}))).rejects.toMatchObject(
			fieldError('Member must have value less than or equal to 43200'),
		);
		for (const durationSeconds of [0, 900, 43200]) {
			// Compare a derived value only: a failing matcher would print the whole output, token included.
			const output = await client.send(new GetAuthorizationTokenCommand({domain: 'valid', durationSeconds}));
			expect(output.expiration instanceof Date, String(durationSeconds)).toBe(true);
		}
	});

	it('checks nested body members: upstreams, tags, restrictions, description', async () => {
		await expect(
			client.send(new CreateRepositoryCommand({domain: 'valid', repository: 'nested', upstreams: [{repositoryName: 'repo'}, {repositoryName: '!'}]})),
		).rejects.toMatchObject(fieldError("at 'upstreams.2.member.repositoryName'"));
		await expect(client.send(new CreateDomainCommand({domain: 'tagged', tags: [{key: '', value: 'v'}]}))).rejects.toMatchObject(
			fieldError("at 'tags.1.member.key'"),
		);
		await expect(client.send(new CreateRepositoryCommand({domain: 'valid', repository: 'described', description: 'bell \u0007 inside'}))).rejects.toMatchObject(
			fieldError("at 'description'"),
		);
		await expect(
			client.send(
				new PutPackageOriginConfigurationCommand({
					domain: 'valid',
					repository: 'repo',
					format: 'npm',
					package: 'x',
					restrictions: {publish: 'MAYBE' as 'ALLOW', upstream: 'ALLOW'},
				}),
			),
		).rejects.toMatchObject(fieldError("at 'restrictions.publish'"));
	});

	it('refuses a missing required member with ValidationException', async () => {
		const dropRepository = tamperingClient(sandbox.current, request => {
			delete request.query.repository;
		});
		await expect(dropRepository.send(new DescribeRepositoryCommand({domain: 'valid', repository: 'repo'}))).rejects.toMatchObject(
			fieldError("Value null at 'repository' failed to satisfy constraint: Member must not be null"),
		);
		const noRestrictions = tamperingClient(sandbox.current, request => {
			request.body = '{}';
		});
		await expect(
			noRestrictions.send(
				new PutPackageOriginConfigurationCommand({
					domain: 'valid',
					repository: 'repo',
					format: 'npm',
					package: 'x',
					restrictions: {publish: 'ALLOW', upstream: 'ALLOW'},
				}),
			),
		).rejects.toMatchObject(fieldError("at 'restrictions'"));
	});

	it('refuses a body that is not JSON with reason CANNOT_PARSE', async () => {
		const garbled = tamperingClient(sandbox.current, request => {
			request.body = '{"description": ';
		});
		await expect(garbled.send(new CreateRepositoryCommand({domain: 'valid', repository: 'garbled', description: 'x'}))).rejects.toMatchObject({
			name: 'ValidationException',
			reason: 'CANNOT_PARSE',
		});
	});

	it('refuses a next-token it did not issue, or one from another operation', async () => {
		for (const domain of ['tok-a', 'tok-b', 'tok-c']) await client.send(new CreateDomainCommand({domain}));
		const first = await client.send(new ListDomainsCommand({maxResults: 1}));
		expect(first.nextToken).toBeDefined();
		await expect(client.send(new ListDomainsCommand({maxResults: 1, nextToken: first.nextToken}))).resolves.toHaveProperty('domains');
		await expect(client.send(new ListDomainsCommand({nextToken: 'not-a-token'}))).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining('nextToken'),
		});
		await expect(client.send(new ListRepositoriesCommand({nextToken: first.nextToken}))).rejects.toMatchObject({name: 'ValidationException'});
		await expect(client.send(new ListRepositoriesCommand({nextToken: 'has spaces in it'}))).rejects.toMatchObject(fieldError("at 'nextToken'"));
	});
});
