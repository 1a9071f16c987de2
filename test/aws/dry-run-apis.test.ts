import {describe, expect, it} from 'vitest';
import type {AwsApis} from '../../source/aws/apis.js';
import {codeArtifactCalls, ec2Calls, iamCalls, metadataCalls, read, stsCalls, type Writes} from '../../source/aws/dry-run/calls.js';
import {awsRepositoryEndpoint, dryRunApis} from '../../source/aws/dry-run/dry-run-apis.js';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {PlanRecorder} from '../../source/wizard/plan.js';
import {isRead, useCountingProxy} from '../helpers/counting-proxy.js';
import {useSandbox} from '../helpers/sandbox.js';

// Every method of the narrow AWS interfaces is classified as a read or a write (calls.ts), and
// every write goes into the dry run's plan instead of to AWS: called one by one through a
// proxy that sees every request, none of them sends a mutating one.

const sandbox = useSandbox();
const proxy = useCountingProxy(sandbox);
const policyArn = 'arn:aws:iam::123456789012:policy/p';

/** One call of every write, with plausible arguments; a new write does not compile until it has its line here. */
const everyWrite: {
	codeartifact: Record<Writes<typeof codeArtifactCalls>, (aws: AwsApis) => Promise<unknown>>;
	iam: Record<Writes<typeof iamCalls>, (aws: AwsApis) => Promise<unknown>>;
	ec2: Record<Writes<typeof ec2Calls>, (aws: AwsApis) => Promise<unknown>>;
} = {
	codeartifact: {
		createDomain: aws => aws.codeartifact.createDomain('dom', {tags: {a: 'b'}}),
		deleteDomain: aws => aws.codeartifact.deleteDomain('dom'),
		createRepository: aws => aws.codeartifact.createRepository('dom', 'repo', {description: 'x'}),
		deleteRepository: aws => aws.codeartifact.deleteRepository('dom', 'repo'),
		updateUpstreams: aws => aws.codeartifact.updateUpstreams('dom', 'repo', ['store']),
		associateExternalConnection: aws => aws.codeartifact.associateExternalConnection('dom', 'store', 'public:maven-central'),
		disassociateExternalConnection: aws => aws.codeartifact.disassociateExternalConnection('dom', 'store', 'public:maven-central'),
		publishPackageVersion: aws =>
			aws.codeartifact.publishPackageVersion('dom', 'repo', {namespace: 'ns', name: 'pkg'}, '1.0.0', {
				name: 'pkg-1.0.0.tar.gz',
				content: new Uint8Array([1]),
				sha256: '00',
			}),
	},
	iam: {
		createRole: aws => aws.iam.createRole('role', '{}', 'd'),
		deleteRole: aws => aws.iam.deleteRole('role'),
		createPolicy: aws => aws.iam.createPolicy('p', '{}', 'd'),
		updatePolicyDocument: aws => aws.iam.updatePolicyDocument(policyArn, '{}'),
		restorePolicyVersion: aws => aws.iam.restorePolicyVersion(policyArn, 'v1'),
		deletePolicy: aws => aws.iam.deletePolicy(policyArn),
		attachRolePolicy: aws => aws.iam.attachRolePolicy('role', policyArn),
		detachRolePolicy: aws => aws.iam.detachRolePolicy('role', policyArn),
		createInstanceProfile: aws => aws.iam.createInstanceProfile('profile'),
		deleteInstanceProfile: aws => aws.iam.deleteInstanceProfile('profile'),
		addRoleToInstanceProfile: aws => aws.iam.addRoleToInstanceProfile('profile', 'role'),
		removeRoleFromInstanceProfile: aws => aws.iam.removeRoleFromInstanceProfile('profile', 'role'),
	},
	ec2: {
		associate: aws => aws.ec2.associate('i-0123456789abcdef0', 'profile'),
		replace: aws => aws.ec2.replace('iip-assoc-0123456789abcdef0', 'profile'),
		disassociate: aws => aws.ec2.disassociate('iip-assoc-0123456789abcdef0'),
	},
};

async function apis(): Promise<AwsApis> {
	return createAwsApis({kind: 'sandbox', endpoint: proxy.url, region: sandbox.current.region, admin: sandbox.current.admin});
}

describe('the dry-run adapter', () => {
	it('knows every method of every AWS interface as a read or a write', async () => {
		const aws = await apis();
		const methods = (api: object) => Object.keys(api).sort();
		expect(methods(aws.codeartifact)).toEqual(methods(codeArtifactCalls));
		expect(methods(aws.buildHost().codeartifact)).toEqual(methods(codeArtifactCalls));
		expect(methods(aws.iam)).toEqual(methods(iamCalls));
		expect(methods(aws.ec2)).toEqual(methods(ec2Calls));
		expect(methods(aws.sts)).toEqual(methods(stsCalls));
		expect(methods(aws.metadata)).toEqual(methods(metadataCalls));
		expect(Object.values(stsCalls)).toEqual([read]);
		expect(Object.values(metadataCalls)).toEqual([read]);
	});

	it('plans every write, as the operation AWS names, and sends none of them', async () => {
		const plan = new PlanRecorder();
		const dry = dryRunApis(await apis(), plan, awsRepositoryEndpoint(sandbox.current.region));
		proxy.operations.length = 0;
		const classified = {codeartifact: codeArtifactCalls, iam: iamCalls, ec2: ec2Calls} as const;
		const expected: string[] = [];
		for (const service of ['codeartifact', 'iam', 'ec2'] as const) {
			for (const [method, call] of Object.entries(everyWrite[service])) {
				await call(dry);
				expect(plan.plan.calls.at(-1)).toMatchObject({service, operation: (classified[service] as Record<string, string>)[method]});
				expected.push(`${service} ${(classified[service] as Record<string, string>)[method]}`);
			}
		}
		expect(plan.plan.calls.map(call => `${call.service} ${call.operation}`)).toEqual(expected);
		expect(proxy.operations.filter(operation => !isRead(operation))).toEqual([]);
		// The build host's side is wrapped too.
		await dry.buildHost().codeartifact.createDomain('host-side');
		expect(plan.plan.calls.at(-1)).toMatchObject({operation: 'CreateDomain', parameters: {domain: 'host-side'}});
		expect(proxy.operations.filter(operation => !isRead(operation))).toEqual([]);
	});

	it('lets later reads see what it planned', async () => {
		const plan = new PlanRecorder();
		const dry = dryRunApis(await apis(), plan, awsRepositoryEndpoint(sandbox.current.region));
		const domain = await dry.codeartifact.createDomain('planned', {tags: {k: 'v'}});
		await dry.codeartifact.createRepository('planned', 'store', {});
		await dry.codeartifact.associateExternalConnection('planned', 'store', 'public:maven-central');
		expect((await dry.codeartifact.listDomains()).map(d => d.name)).toContain('planned');
		expect(await dry.codeartifact.listTags(domain.arn)).toEqual({k: 'v'});
		expect((await dry.codeartifact.describeRepository('planned', 'store'))?.externalConnections).toEqual(['public:maven-central']);
		expect(await dry.codeartifact.getRepositoryEndpoint('planned', 'store', 'maven')).toBe(
			`https://planned-${domain.owner}.d.codeartifact.${sandbox.current.region}.amazonaws.com/maven/store/`,
		);
		// A token for a planned domain: allowed (the admin may), so once the domain is made AWS would answer one.
		await expect(dry.codeartifact.getAuthorizationToken('planned')).resolves.toMatchObject({token: ''});
		await expect(dry.codeartifact.getAuthorizationToken('not-planned')).rejects.toMatchObject({kind: 'not-found'});
		const profile = await dry.iam.createInstanceProfile('planned-profile');
		await dry.iam.addRoleToInstanceProfile('planned-profile', 'r');
		expect(await dry.iam.getInstanceProfileByArn(profile.arn)).toMatchObject({roleNames: ['r']});
		await dry.iam.attachRolePolicy('build-host-role', policyArn);
		expect((await dry.iam.listAttachedRolePolicies('build-host-role')).map(p => p.arn)).toContain(policyArn);
	});
});
