import {
	AssociateExternalConnectionCommand,
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribeRepositoryCommand,
	ListRepositoriesInDomainCommand,
} from '@aws-sdk/client-codeartifact';
import {CreatePolicyCommand, GetPolicyCommand, IAMClient} from '@aws-sdk/client-iam';
import type {RunningSandbox} from '../../source/sandbox/index.js';
import {policyNameFor} from '../../source/wizard/journey/access-step.js';
import {resourceNames} from '../../source/wizard/resource-names.js';
import {adminConfig} from './sandbox.js';

/** A repository a team made by hand (no ca-wizard tags): its upstreams, and its external connection if any. */
export interface TeamRepository {
	name: string;
	upstreams?: string[];
	connection?: string;
	tags?: Record<string, string>;
}

/** Creates `domain` and its repositories in order (an upstream before what lists it), as a team would without ca-wizard. */
export async function seedTeamDomain(sandbox: RunningSandbox, domain: string, repositories: TeamRepository[]): Promise<void> {
	const client = new CodeartifactClient(adminConfig(sandbox));
	await client.send(new CreateDomainCommand({domain}));
	for (const {name, upstreams = [], connection, tags} of repositories) {
		await client.send(
			new CreateRepositoryCommand({
				domain,
				repository: name,
				description: `${name}, made by the team`,
				upstreams: upstreams.map(repositoryName => ({repositoryName})),
				...(tags ? {tags: Object.entries(tags).map(([key, value]) => ({key, value}))} : {}),
			}),
		);
		if (connection) await client.send(new AssociateExternalConnectionCommand({domain, repository: name, externalConnection: connection}));
	}
}

/** Every repository of `domain` as DescribeRepository tells it: to compare before and after a run. */
export async function describeAll(sandbox: RunningSandbox, domain: string): Promise<unknown[]> {
	const client = new CodeartifactClient(adminConfig(sandbox));
	const {repositories = []} = await client.send(new ListRepositoriesInDomainCommand({domain}));
	const described = [];
	for (const {name} of repositories) described.push((await client.send(new DescribeRepositoryCommand({domain, repository: name}))).repository);
	return described;
}

/** The build-host policy ca-wizard would make for `domain`, made beforehand by someone else (no tags) with `document`. */
export async function seedForeignPolicy(sandbox: RunningSandbox, domain: string, document: string): Promise<string> {
	const iam = new IAMClient(adminConfig(sandbox));
	const {Policy} = await iam.send(new CreatePolicyCommand({PolicyName: policyNameFor(resourceNames(), domain), PolicyDocument: document}));
	return Policy?.Arn ?? '';
}

/** The policy's default version id. */
export async function defaultVersionOf(sandbox: RunningSandbox, arn: string): Promise<string | undefined> {
	const iam = new IAMClient(adminConfig(sandbox));
	return (await iam.send(new GetPolicyCommand({PolicyArn: arn}))).Policy?.DefaultVersionId;
}

/** A policy that grants something, but nothing the build host needs. */
export const unrelatedPolicy = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*'}]});
