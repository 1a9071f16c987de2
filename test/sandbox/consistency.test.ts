// --consistency aws, through the official SDK clients over real HTTP: a package Maven fetched
// through an upstream is served at once but listed only after --listing-lag; a new instance
// profile is unknown to EC2 until IAM's delay, and its role's credentials reach the instance's
// metadata later still. The sandbox's clock is moved instead of waiting.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {
	AssociateExternalConnectionCommand,
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DescribePackageCommand,
	DescribePackageVersionCommand,
	GetAuthorizationTokenCommand,
	GetRepositoryEndpointCommand,
	ListPackagesCommand,
	ListPackageVersionsCommand,
	PublishPackageVersionCommand,
} from '@aws-sdk/client-codeartifact';
import {AssociateIamInstanceProfileCommand, EC2Client} from '@aws-sdk/client-ec2';
import {AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, CreateRoleCommand, IAMClient} from '@aws-sdk/client-iam';
import {createHash} from 'node:crypto';
import {beforeAll, describe, expect, it} from 'vitest';
import {awsDelaySeconds, sandboxDelays} from '../../source/sandbox/consistency.js';
import type {RunningSandbox} from '../../source/sandbox/index.js';
import {adminConfig, offlineMavenCentral, useSandbox} from '../helpers/sandbox.js';
import {TestClock} from '../helpers/test-clock.js';
import {ec2Trust} from '../helpers/trust-policies.js';

const lang3 = 'org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.pom';

describe('the delays --consistency aws chooses, and the options that set them', () => {
	it('are all zero by default; aws takes its defaults; an explicit option wins, 0 included', () => {
		expect(sandboxDelays({})).toEqual({iamMs: 0, credentialsMs: 0, listingMs: 0});
		expect(sandboxDelays({consistency: 'instant', listingLagSeconds: 2})).toEqual({iamMs: 0, credentialsMs: 0, listingMs: 2000});
		expect(sandboxDelays({consistency: 'aws'})).toEqual({
			iamMs: awsDelaySeconds.iam * 1000,
			credentialsMs: awsDelaySeconds.credentials * 1000,
			listingMs: awsDelaySeconds.listing * 1000,
		});
		expect(sandboxDelays({consistency: 'aws', iamDelaySeconds: 0, listingLagSeconds: 180})).toMatchObject({iamMs: 0, listingMs: 180_000});
	});
});

// In CI the offline Maven Central is part of the environment: its absence fails there, as in the endpoint's tests.
describe.runIf(existsSync(join(offlineMavenCentral, lang3)) || process.env.CI === 'true')(
	'--consistency aws: a package fetched from an upstream is listed after the lag',
	() => {
		const clock = new TestClock();
		const logged: string[] = [];
		const sandbox = useSandbox({consistency: 'aws', clock, log: line => logged.push(line)});
		const domain = 'lagging';
		const lagMs = awsDelaySeconds.listing * 1000;
		const coordinates = {domain, format: 'maven', namespace: 'org.apache.commons', package: 'commons-lang3'} as const;
		let client: CodeartifactClient;
		let appUrl: string;
		let token: string;

		const listed = async (repository: string) =>
			((await client.send(new ListPackagesCommand({domain, repository}))).packages ?? []).map(p => `${p.namespace ?? ''}/${p.package}`);
		const describePackage = (repository: string) => client.send(new DescribePackageCommand({...coordinates, repository}));

		beforeAll(async () => {
			client = new CodeartifactClient(adminConfig(sandbox.current));
			await client.send(new CreateDomainCommand({domain}));
			await client.send(new CreateRepositoryCommand({domain, repository: 'store'}));
			await client.send(new AssociateExternalConnectionCommand({domain, repository: 'store', externalConnection: 'public:maven-central'}));
			await client.send(new CreateRepositoryCommand({domain, repository: 'app', upstreams: [{repositoryName: 'store'}]}));
			token = (await client.send(new GetAuthorizationTokenCommand({domain}))).authorizationToken ?? '';
			appUrl = (await client.send(new GetRepositoryEndpointCommand({domain, repository: 'app', format: 'maven'}))).repositoryEndpoint ?? '';
		});

		it('says so when it starts', () => {
			expect(logged).toContain(
				`A package fetched from an upstream is listed ${awsDelaySeconds.listing} s after it was fetched (--consistency aws); Maven gets it at once.`,
			);
			expect(logged).toContain(`IAM and instance-profile changes take effect after ${awsDelaySeconds.iam} s (--consistency aws), as AWS's propagation does.`);
		});

		it('Maven gets it at once; ListPackages, DescribePackage and the version reads find it only once the lag has passed', async () => {
			const authorization = `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`;
			const fetched = await fetch(`${appUrl}${lang3}`, {headers: {authorization}});
			expect(fetched.status).toBe(200);

			for (const repository of ['app', 'store']) {
				expect(await listed(repository)).toEqual([]);
				await expect(describePackage(repository)).rejects.toMatchObject({name: 'ResourceNotFoundException', resourceType: 'package'});
				await expect(client.send(new ListPackageVersionsCommand({...coordinates, repository}))).rejects.toMatchObject({name: 'ResourceNotFoundException'});
				await expect(client.send(new DescribePackageVersionCommand({...coordinates, repository, packageVersion: '3.14.0'}))).rejects.toMatchObject({
					name: 'ResourceNotFoundException',
				});
			}
			// Asked again meanwhile, Maven still gets it: only the listing lags.
			expect((await fetch(`${appUrl}${lang3}`, {headers: {authorization}})).status).toBe(200);

			clock.advance(lagMs - 1000);
			expect(await listed('app')).toEqual([]);
			clock.advance(1000);
			for (const repository of ['app', 'store']) {
				expect(await listed(repository)).toEqual(['org.apache.commons/commons-lang3']);
				expect((await describePackage(repository)).package?.originConfiguration?.restrictions).toEqual({publish: 'BLOCK', upstream: 'ALLOW'});
				const versions = await client.send(new ListPackageVersionsCommand({...coordinates, repository}));
				expect(versions.versions?.map(v => v.version)).toEqual(['3.14.0']);
				expect(versions.defaultDisplayVersion).toBe('3.14.0');
			}
		});

		it('a version published to the repository itself is listed at once', async () => {
			const bytes = Buffer.from('made here');
			await client.send(
				new PublishPackageVersionCommand({
					domain,
					repository: 'app',
					format: 'generic',
					namespace: 'own',
					package: 'tool',
					packageVersion: '1.0.0',
					assetName: 'tool.bin',
					assetContent: bytes,
					assetSHA256: createHash('sha256').update(bytes).digest('hex'),
				}),
			);
			expect(await listed('app')).toContain('own/tool');
		});
	},
);

describe('--consistency aws: a new instance profile, its association and its credentials at instance metadata', () => {
	const clock = new TestClock();
	const sandbox = useSandbox({scenario: 'no-profile', consistency: 'aws', clock});
	const iamMs = awsDelaySeconds.iam * 1000;
	const credentialsMs = awsDelaySeconds.credentials * 1000;

	it('EC2 refuses the profile until IAM has propagated it; metadata shows the profile after the delay, and 404 for its credentials until they arrive', async () => {
		const admin = new IAMClient(adminConfig(sandbox.current));
		await admin.send(new CreateRoleCommand({RoleName: 'late-role', AssumeRolePolicyDocument: ec2Trust}));
		await admin.send(new CreateInstanceProfileCommand({InstanceProfileName: 'late-profile'}));
		await admin.send(new AddRoleToInstanceProfileCommand({InstanceProfileName: 'late-profile', RoleName: 'late-role'}));
		const ec2 = new EC2Client(adminConfig(sandbox.current));
		const associate = () =>
			ec2.send(new AssociateIamInstanceProfileCommand({InstanceId: sandbox.current.instanceId, IamInstanceProfile: {Name: 'late-profile'}}));
		await expect(associate()).rejects.toMatchObject({name: 'InvalidParameterValue'});
		clock.advance(iamMs);
		await associate();

		// The association reaches the instance after IAM's delay…
		expect(await metadata(sandbox.current, 'iam/info')).toBe(404);
		clock.advance(iamMs);
		expect(JSON.parse(String(await metadata(sandbox.current, 'iam/info')))).toMatchObject({Code: 'Success'});
		// …and the role's credentials later still: 404, as EC2 answers before they are there.
		expect(await metadata(sandbox.current, 'iam/security-credentials/')).toBe(404);
		expect(await metadata(sandbox.current, 'iam/security-credentials/late-role')).toBe(404);
		clock.advance(credentialsMs - 1000);
		expect(await metadata(sandbox.current, 'iam/security-credentials/late-role')).toBe(404);
		clock.advance(1000);
		expect(await metadata(sandbox.current, 'iam/security-credentials/')).toBe('late-role');
		expect(JSON.parse(String(await metadata(sandbox.current, 'iam/security-credentials/late-role')))).toMatchObject({Code: 'Success', Type: 'AWS-HMAC'});
	});
});

/** Instance metadata as the build host reads it (IMDSv2): the body, or the status when there is none. */
async function metadata(sandbox: RunningSandbox, path: string): Promise<string | number> {
	const base = sandbox.endpoint;
	const token = await (await fetch(`${base}/latest/api/token`, {method: 'PUT', headers: {'x-aws-ec2-metadata-token-ttl-seconds': '600'}})).text();
	const response = await fetch(`${base}/latest/meta-data/${path}`, {headers: {'x-aws-ec2-metadata-token': token}});
	return response.ok ? response.text() : response.status;
}
