import {describe, expect, it} from 'vitest';
import {adminAwsCli} from '../helpers/aws-cli.js';
import {useSandbox} from '../helpers/sandbox.js';
import {ec2Trust} from '../helpers/trust-policies.js';

describe('tags through the aws CLI v1', {timeout: 120_000}, () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	const aws = adminAwsCli(sandbox);

	it('a CodeArtifact round trip: tags on create, tag-resource, list-tags-for-resource, untag-resource', async () => {
		const created = (await aws('codeartifact', 'create-domain', '--domain', 'cli-tags', '--tags', 'key=team,value=builders')) as {domain: {arn: string}};
		const arn = created.domain.arn;
		await aws('codeartifact', 'tag-resource', '--resource-arn', arn, '--tags', 'key=stage,value=dev');
		expect(await aws('codeartifact', 'list-tags-for-resource', '--resource-arn', arn)).toEqual({
			tags: [
				{key: 'team', value: 'builders'},
				{key: 'stage', value: 'dev'},
			],
		});
		await aws('codeartifact', 'untag-resource', '--resource-arn', arn, '--tag-keys', 'team');
		expect(await aws('codeartifact', 'list-tags-for-resource', '--resource-arn', arn)).toEqual({tags: [{key: 'stage', value: 'dev'}]});
	});

	it('an IAM round trip: tags on create, tag-role, list-role-tags, get-role, untag-role', async () => {
		await aws('iam', 'create-role', '--role-name', 'cli-tags', '--assume-role-policy-document', ec2Trust, '--tags', 'Key=team,Value=builders');
		await aws('iam', 'tag-role', '--role-name', 'cli-tags', '--tags', 'Key=stage,Value=dev');
		expect(await aws('iam', 'list-role-tags', '--role-name', 'cli-tags')).toEqual({
			Tags: [
				{Key: 'stage', Value: 'dev'},
				{Key: 'team', Value: 'builders'},
			],
		}); // the CLI pages through IsTruncated itself
		await aws('iam', 'untag-role', '--role-name', 'cli-tags', '--tag-keys', 'team');
		const role = (await aws('iam', 'get-role', '--role-name', 'cli-tags')) as {Role: {Tags: unknown}};
		expect(role.Role.Tags).toEqual([{Key: 'stage', Value: 'dev'}]);
		const failure = (await aws('iam', 'tag-role', '--role-name', 'cli-tags', '--tags', 'Key=aws:x,Value=v').catch((e: unknown) => e)) as {stderr: string};
		expect(failure.stderr).toContain('An error occurred (InvalidInput) when calling the TagRole operation');
	});
});
