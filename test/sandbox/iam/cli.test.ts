import {describe, expect, it} from 'vitest';
import {adminAwsCli} from '../../helpers/aws-cli.js';
import {useSandbox} from '../../helpers/sandbox.js';

describe('IAM through the aws CLI v1', {timeout: 120_000}, () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	const aws = adminAwsCli(sandbox);

	it('lists roles', async () => {
		const output = (await aws('iam', 'list-roles')) as {Roles: Array<{RoleName: string; Arn: string; AssumeRolePolicyDocument: unknown}>};
		expect(output.Roles).toEqual([
			expect.objectContaining({RoleName: 'build-host-role', Arn: `arn:aws:iam::${sandbox.current.accountId}:role/build-host-role`}),
		]);
		// The CLI decodes the URL-encoded document into JSON.
		expect(output.Roles[0]?.AssumeRolePolicyDocument).toMatchObject({Version: '2012-10-17'});
	});

	it('creates a policy from a document and attaches it', async () => {
		const document = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'codeartifact:GetAuthorizationToken', Resource: '*'}]});
		const created = (await aws('iam', 'create-policy', '--policy-name', 'cli-policy', '--policy-document', document)) as {
			Policy: {Arn: string; DefaultVersionId: string};
		};
		expect(created.Policy).toMatchObject({Arn: `arn:aws:iam::${sandbox.current.accountId}:policy/cli-policy`, DefaultVersionId: 'v1'});
		await aws('iam', 'attach-role-policy', '--role-name', 'build-host-role', '--policy-arn', created.Policy.Arn);
		const attached = (await aws('iam', 'list-attached-role-policies', '--role-name', 'build-host-role')) as {AttachedPolicies: Array<{PolicyName: string}>};
		expect(attached.AttachedPolicies.map(p => p.PolicyName)).toEqual(['build-host-baseline', 'cli-policy']);
		const version = (await aws('iam', 'get-policy-version', '--policy-arn', created.Policy.Arn, '--version-id', 'v1')) as {PolicyVersion: {Document: unknown}};
		expect(version.PolicyVersion.Document).toEqual(JSON.parse(document));
	});

	it('reports an IAM error by its code', async () => {
		const failure = (await aws('iam', 'get-role', '--role-name', 'nobody').catch((e: unknown) => e)) as {stderr: string};
		expect(failure.stderr).toContain('An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name nobody cannot be found.');
	});
});
