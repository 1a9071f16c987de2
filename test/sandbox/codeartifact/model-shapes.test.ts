import {
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribeRepositoryCommand,
	GetRepositoryEndpointCommand,
	ListDomainsCommand,
} from '@aws-sdk/client-codeartifact';
import {describe, expect, it} from 'vitest';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';

// The checker the operation tests lean on: replies through the real SDK checked against botocore's output
// shapes, and the checker itself telling a wrong reply from a right one.

describe('replies against the model’s output shapes', () => {
	const sandbox = useSandbox();

	it('the domain and repository replies match; a raw JSON body is checked as it is on the wire', async () => {
		const client = new CodeartifactClient(adminConfig(sandbox.current));
		const created = await client.send(new CreateDomainCommand({domain: 'shapes'}));
		expect(outputShapeProblems('codeartifact', 'CreateDomain', created)).toEqual([]);
		await client.send(new CreateRepositoryCommand({domain: 'shapes', repository: 'one'}));
		expect(
			outputShapeProblems('codeartifact', 'DescribeRepository', await client.send(new DescribeRepositoryCommand({domain: 'shapes', repository: 'one'}))),
		).toEqual([]);
		expect(outputShapeProblems('codeartifact', 'ListDomains', await client.send(new ListDomainsCommand({})))).toEqual([]);
		const endpoint = await client.send(new GetRepositoryEndpointCommand({domain: 'shapes', repository: 'one', format: 'maven'}));
		expect(outputShapeProblems('codeartifact', 'GetRepositoryEndpoint', endpoint)).toEqual([]);
		expect(outputShapeProblems('codeartifact', 'ListDomains', {domains: [{name: 'x', createdTime: 1_700_000_000}]}, 'wire')).toEqual([]);
	});

	it('names every departure: an unknown member, a wrong type, a value outside the enum, a missing required member', () => {
		expect(outputShapeProblems('codeartifact', 'ListDomains', {domains: [{name: 'x', createdTime: 'yesterday', status: 'Sleeping', colour: 'red'}]})).toEqual([
			'ListDomains.domains[0].createdTime: expected a Date (Timestamp), got "yesterday"',
			'ListDomains.domains[0].status: expected one of Active|Deleted (DomainStatus), got "Sleeping"',
			'ListDomains.domains[0].colour: not a member of DomainSummary',
		]);
		expect(outputShapeProblems('iam', 'GetRole', {})).toEqual(['GetRole.Role: required by GetRoleResponse, missing']);
		expect(outputShapeProblems('codeartifact', 'NoSuchThing', {})).toEqual(['codeartifact has no operation NoSuchThing']);
	});

	it('checks what the aws CLI prints: header-bound members by name, the streamed payload left to its file', () => {
		const printed = {assetName: 'a.bin', packageVersion: '1.0', packageVersionRevision: 'r1'};
		expect(outputShapeProblems('codeartifact', 'GetPackageVersionAsset', printed, 'cli')).toEqual([]);
		expect(outputShapeProblems('codeartifact', 'GetPackageVersionAsset', {...printed, asset: 'bytes'}, 'cli')).toEqual([
			'GetPackageVersionAsset.asset: not a member of GetPackageVersionAssetResult$printed',
		]);
		// On the wire those members are headers, never the body.
		expect(outputShapeProblems('codeartifact', 'GetPackageVersionAsset', printed, 'wire')).toHaveLength(3);
		expect(outputShapeProblems('codeartifact', 'ListDomains', {domains: [{name: 'x', createdTime: 1_700_000_000}]}, 'cli')).toEqual([]);
	});
});
