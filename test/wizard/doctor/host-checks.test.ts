import {CreateRoleCommand, IAMClient} from '@aws-sdk/client-iam';
import {describe, expect, it} from 'vitest';
import {createAwsApis} from '../../../source/aws/create-aws-apis.js';
import {createIamApi} from '../../../source/aws/sdk/iam.js';
import {fromInstanceMetadataAt} from '../../../source/aws/sdk/instance-metadata.js';
import {parseRepositoryUrl} from '../../../source/host-config/codeartifact-url.js';
import {checkIdentity, checkRepository, readRolePolicies, roleOf} from '../../../source/wizard/doctor/host-checks.js';
import {checkPermissions} from '../../../source/wizard/doctor/permissions-check.js';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';

// Doctor's reads against a started sandbox, through the real SDK adapters: the repository and
// its endpoint, the host's identity, and the role's policies within its boundary — or a warning
// when the caller may not read them.

const sandbox = useSandbox();
const apis = () => createAwsApis({kind: 'sandbox', ...sandbox.current});
const policy = (...statements: unknown[]) => JSON.stringify({Version: '2012-10-17', Statement: statements});
const ec2Trust = policy({Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'});

describe("doctor's reads", () => {
	it('finds the repository at the URL settings.xml holds, and tells a missing one and a wrong URL apart', async () => {
		const aws = await apis();
		await aws.codeartifact.createDomain('acme');
		await aws.codeartifact.createRepository('acme', 'libs', {});
		const url = await aws.codeartifact.getRepositoryEndpoint('acme', 'libs', 'maven');
		const address = parseRepositoryUrl(url) ?? expect.unreachable(`${url} is a repository endpoint`);
		const host = aws.buildHost();
		expect(await checkRepository(aws, host, address, url)).toMatchObject({status: 'ok'});
		const missing = await checkRepository(aws, host, {...address, repository: 'nope'}, url.replace('/libs/', '/nope/'));
		expect(missing).toMatchObject({
			status: 'fail',
			message: `settings.xml names repository nope of domain acme (owner ${sandbox.current.accountId}), and CodeArtifact has none.`,
		});
		const elsewhere = url.replace(/:\d+\//, ':1/');
		const moved = await checkRepository(aws, host, address, elsewhere);
		expect(moved).toMatchObject({status: 'fail', message: `settings.xml points at ${elsewhere}, but CodeArtifact serves libs at ${url}.`});
	});

	it("names this host's identity, instance profile and role", async () => {
		const aws = await apis();
		const identity = await aws.buildHost().sts.getCallerIdentity();
		const metadata = await aws.metadata.describeHost();
		expect(roleOf(identity, metadata)).toBe('build-host-role');
		expect(checkIdentity(identity, metadata).message).toBe(
			`${identity.arn} (account ${sandbox.current.accountId}); EC2 instance ${sandbox.current.instanceId} wearing instance profile build-host-profile (role build-host-role).`,
		);
		expect(checkIdentity(identity, undefined).message).toContain('not an EC2 instance');
	});

	it("judges a role's policies within its permissions boundary, as IAM returns them", async () => {
		const aws = await apis();
		const everything = await aws.iam.createPolicy('everything', policy({Effect: 'Allow', Action: '*', Resource: '*'}), '');
		const codeartifactOnly = await aws.iam.createPolicy('codeartifact-only', policy({Effect: 'Allow', Action: 'codeartifact:*', Resource: '*'}), '');
		await new IAMClient(adminConfig(sandbox.current)).send(
			new CreateRoleCommand({RoleName: 'bounded', AssumeRolePolicyDocument: ec2Trust, PermissionsBoundary: codeartifactOnly.arn}),
		);
		await aws.iam.attachRolePolicy('bounded', everything.arn);
		expect((await aws.iam.getRole('bounded'))?.permissionsBoundaryArn).toBe(codeartifactOnly.arn);

		const read = await readRolePolicies(aws.iam, 'bounded');
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const target = {region: aws.region, account: sandbox.current.accountId, domain: 'acme', repositories: ['libs']};
		const triage = {domain: 'acme', domainOwner: sandbox.current.accountId, region: aws.region, instanceProfile: 'p', host: {onEc2: true, roleName: 'bounded'}};
		const result = checkPermissions(read.policies, target, triage, 'ca-wizard --domain acme');
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			'sts:GetServiceBearerToken on * for codeartifact.amazonaws.com (its permissions boundary codeartifact-only does not allow it)',
		);
		expect(result.message).not.toContain('GetAuthorizationToken');
	});

	it("says so when the caller may not read the role's policies", async () => {
		// The build host's own role may read nothing in IAM.
		const {endpoint, region} = sandbox.current;
		const iam = createIamApi({region, endpoint, credentials: fromInstanceMetadataAt(`${endpoint}/`)});
		const read = await readRolePolicies(iam, 'build-host-role');
		expect(read).toEqual({ok: false, reason: 'AccessDenied on iam:GetRole'});
	});
});
