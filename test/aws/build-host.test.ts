import {createServer} from 'node:net';
import {describe, expect, it} from 'vitest';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {AwsFailure} from '../../source/aws/errors.js';
import {useSandbox} from '../helpers/sandbox.js';

const ec2Trust = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}]});
const tokenPolicy = JSON.stringify({
	Version: '2012-10-17',
	Statement: [
		{Effect: 'Allow', Action: 'codeartifact:GetAuthorizationToken', Resource: '*'},
		{Effect: 'Allow', Action: 'sts:GetServiceBearerToken', Resource: '*', Condition: {StringEquals: {'sts:AWSServiceName': 'codeartifact.amazonaws.com'}}},
	],
});

async function failureOf(promise: Promise<unknown>): Promise<AwsFailure> {
	const error = await promise.then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(AwsFailure);
	return error as AwsFailure;
}

describe('the operator and the build host (scenario access-denied)', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});

	it('is the admin as the operator and the instance role as the build host', async () => {
		const apis = await createAwsApis({kind: 'sandbox', ...sandbox.current});
		const {accountId, instanceId} = sandbox.current;
		expect(apis.region).toBe(sandbox.current.region);
		expect(await apis.sts.getCallerIdentity()).toMatchObject({account: accountId, arn: `arn:aws:iam::${accountId}:user/sandbox-admin`});
		const host = await apis.buildHost().sts.getCallerIdentity();
		expect(host).toMatchObject({account: accountId, arn: `arn:aws:sts::${accountId}:assumed-role/build-host-role/${instanceId}`});
		expect(host.userId).toMatch(new RegExp(`^AROA[A-Z0-9]+:${instanceId}$`));
	});

	it("reports the denied token request with the operation and AWS's message, until a policy allows it", async () => {
		const apis = await createAwsApis({kind: 'sandbox', ...sandbox.current});
		await apis.codeartifact.createDomain('acme');
		const failure = await failureOf(apis.buildHost().codeartifact.getAuthorizationToken('acme'));
		expect(failure).toMatchObject({kind: 'access-denied', code: 'AccessDeniedException', operation: 'codeartifact:GetAuthorizationToken'});
		expect(failure.message).toMatch(/build-host-role.*not authorized to perform: codeartifact:GetAuthorizationToken/);

		const policy = await apis.iam.createPolicy('build-host-codeartifact', tokenPolicy, '');
		await apis.iam.attachRolePolicy('build-host-role', policy.arn);
		const {token} = await apis.buildHost().codeartifact.getAuthorizationToken('acme');
		expect(token.length).toBeGreaterThan(20);
	});

	it('classifies refused credentials', async () => {
		const {endpoint, region, admin} = sandbox.current;
		const unknownKey = await createAwsApis({
			kind: 'sandbox',
			endpoint,
			region,
			admin: {accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: admin.secretAccessKey},
		});
		expect(await failureOf(unknownKey.sts.getCallerIdentity())).toMatchObject({
			kind: 'invalid-credentials',
			code: 'InvalidClientTokenId',
			operation: 'sts:GetCallerIdentity',
		});
		const wrongSecret = await createAwsApis({kind: 'sandbox', endpoint, region, admin: {accessKeyId: admin.accessKeyId, secretAccessKey: 'y'.repeat(40)}});
		expect(await failureOf(wrongSecret.iam.getRole('build-host-role'))).toMatchObject({
			kind: 'invalid-credentials',
			code: 'SignatureDoesNotMatch',
			operation: 'iam:GetRole',
		});
		expect(await failureOf(wrongSecret.codeartifact.listDomains())).toMatchObject({kind: 'invalid-credentials', operation: 'codeartifact:ListDomains'});
		expect(await failureOf(wrongSecret.ec2.currentAssociation(sandbox.current.instanceId))).toMatchObject({kind: 'invalid-credentials', code: 'AuthFailure'});
	});

	it("classifies an endpoint that refuses connections as network, after the SDK's retries", async () => {
		const server = createServer();
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as {port: number};
		await new Promise(resolve => server.close(resolve));
		const apis = await createAwsApis({kind: 'sandbox', ...sandbox.current, endpoint: `http://127.0.0.1:${port}`});
		expect(await failureOf(apis.sts.getCallerIdentity())).toMatchObject({kind: 'network', code: 'ECONNREFUSED', operation: 'sts:GetCallerIdentity'});
	});
});

describe('the build host without an instance profile (scenario no-profile)', () => {
	const sandbox = useSandbox({scenario: 'no-profile'});

	it('has no credentials until a profile with a role is associated, and a new buildHost() sees it', async () => {
		const apis = await createAwsApis({kind: 'sandbox', ...sandbox.current});
		const before = await failureOf(apis.buildHost().sts.getCallerIdentity());
		expect(before).toMatchObject({kind: 'no-credentials', operation: 'sts:GetCallerIdentity'});
		expect(before.message).toMatch(/instance profile/);
		expect(await failureOf(apis.buildHost().codeartifact.getAuthorizationToken('any'))).toMatchObject({
			kind: 'no-credentials',
			operation: 'codeartifact:GetAuthorizationToken',
		});

		await apis.iam.createRole('ci-role', ec2Trust, '');
		await apis.iam.createInstanceProfile('ci-profile');
		await apis.iam.addRoleToInstanceProfile('ci-profile', 'ci-role');
		await apis.ec2.associate(sandbox.current.instanceId, 'ci-profile');
		const identity = await apis.buildHost().sts.getCallerIdentity();
		expect(identity.arn).toBe(`arn:aws:sts::${sandbox.current.accountId}:assumed-role/ci-role/${sandbox.current.instanceId}`);
	});
});
