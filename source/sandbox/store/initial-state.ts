import {randomBytes} from 'node:crypto';
import {emptyRecord, type InstanceRecord, type SandboxState, type Scenario} from '../state.js';
import {accountId, awsId, hexId, isoNow, secretKey} from '../ids.js';

export const buildHost = {
	roleName: 'build-host-role',
	instanceProfileName: 'build-host-profile',
	baselinePolicyName: 'build-host-baseline',
} as const;

const ec2Trust = JSON.stringify({
	Version: '2012-10-17',
	Statement: [{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}],
});

// What a typical build host already may do before anyone thinks of CodeArtifact: read its
// own tags and logs. Deliberately nothing that lets it fetch a CodeArtifact token.
const baselinePolicy = JSON.stringify({
	Version: '2012-10-17',
	Statement: [
		{Sid: 'DescribeSelf', Effect: 'Allow', Action: ['ec2:DescribeInstances', 'ec2:DescribeTags'], Resource: '*'},
		{Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*'},
	],
});

/** Names of the n-th build host (1-based): the first keeps the names of the single-host set-up. */
export function buildHostNames(n: number): {name: string; roleName: string; instanceProfileName: string} {
	const name = `build-host-${n}`;
	return n === 1
		? {name, roleName: buildHost.roleName, instanceProfileName: buildHost.instanceProfileName}
		: {name, roleName: `${name}-role`, instanceProfileName: `${name}-profile`};
}

export const maxInstances = 100;

export function initialState(options: {region: string; scenario: Scenario; instances?: number}): SandboxState {
	const now = isoNow();
	const count = options.instances ?? 1;
	const state: SandboxState = {
		version: 1,
		accountId: accountId(),
		region: options.region,
		scenario: options.scenario,
		tokenSecret: randomBytes(32).toString('hex'),
		admin: {userName: 'sandbox-admin', userId: awsId('AIDA', 17), accessKeyId: awsId('AKIA'), secretAccessKey: secretKey(), createDate: now},
		instances: Array.from({length: count}, (_, index) => ({
			instanceId: hexId('i-', 17),
			imageId: hexId('ami-', 17),
			instanceType: 't3.medium',
			privateIpAddress: `172.31.20.${17 + index}`,
			launchTime: now,
			tags: [{key: 'Name', value: buildHostNames(index + 1).name}],
		})),
		domains: emptyRecord(),
		repositories: emptyRecord(),
		packages: emptyRecord(),
		iam: {policies: emptyRecord(), roles: emptyRecord(), instanceProfiles: emptyRecord()},
		associations: emptyRecord(),
		sessions: emptyRecord(),
	};
	if (options.scenario === 'access-denied') {
		state.iam.policies[buildHost.baselinePolicyName] = {
			name: buildHost.baselinePolicyName,
			id: awsId('ANPA', 17),
			path: '/',
			description: 'What the build host could do before CodeArtifact',
			document: baselinePolicy,
			createDate: now,
			updateDate: now,
			tags: [],
		};
		// Each host wears a role of its own, all without CodeArtifact permissions.
		state.instances.forEach((instance, index) => {
			const names = buildHostNames(index + 1);
			state.iam.roles[names.roleName] = {
				name: names.roleName,
				id: awsId('AROA', 17),
				path: '/',
				description: `Role of the simulated EC2 build host ${names.name}`,
				assumeRolePolicyDocument: ec2Trust,
				maxSessionDuration: 3600,
				createDate: now,
				attachedPolicyArns: [`arn:aws:iam::${state.accountId}:policy/${buildHost.baselinePolicyName}`],
				inlinePolicies: emptyRecord(),
				tags: [],
			};
			state.iam.instanceProfiles[names.instanceProfileName] = {
				name: names.instanceProfileName,
				id: awsId('AIPA', 17),
				path: '/',
				createDate: now,
				roleNames: [names.roleName],
				tags: [],
			};
			const associationId = hexId('iip-assoc-', 17);
			state.associations[associationId] = {
				associationId,
				instanceId: instance.instanceId,
				instanceProfileName: names.instanceProfileName,
				state: 'associated',
				timestamp: now,
			};
		});
	}
	return state;
}

/**
 * A state written before several instances held one `instance` without tags: it becomes the
 * first of `instances`, named build-host-1. In place; a state already migrated is left alone.
 */
export function migrateInstances(state: SandboxState): SandboxState {
	const old = (state as unknown as {instance?: Omit<InstanceRecord, 'tags'>}).instance;
	if (old !== undefined && !Array.isArray(state.instances)) {
		state.instances = [{...old, tags: [{key: 'Name', value: buildHostNames(1).name}]}];
		delete (state as unknown as {instance?: unknown}).instance;
	}
	return state;
}
