import {randomBytes} from 'node:crypto';
import {emptyRecord, type SandboxState, type Scenario} from '../state.js';
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

export function initialState(options: {region: string; scenario: Scenario}): SandboxState {
	const now = isoNow();
	const state: SandboxState = {
		version: 1,
		accountId: accountId(),
		region: options.region,
		scenario: options.scenario,
		tokenSecret: randomBytes(32).toString('hex'),
		admin: {userName: 'sandbox-admin', userId: awsId('AIDA', 17), accessKeyId: awsId('AKIA'), secretAccessKey: secretKey()},
		instance: {instanceId: hexId('i-', 17), imageId: hexId('ami-', 17), instanceType: 't3.medium', privateIpAddress: '172.31.20.17', launchTime: now},
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
		state.iam.roles[buildHost.roleName] = {
			name: buildHost.roleName,
			id: awsId('AROA', 17),
			path: '/',
			description: 'Role of the simulated EC2 build host',
			assumeRolePolicyDocument: ec2Trust,
			maxSessionDuration: 3600,
			createDate: now,
			attachedPolicyArns: [`arn:aws:iam::${state.accountId}:policy/${buildHost.baselinePolicyName}`],
			inlinePolicies: emptyRecord(),
			tags: [],
		};
		state.iam.instanceProfiles[buildHost.instanceProfileName] = {
			name: buildHost.instanceProfileName,
			id: awsId('AIPA', 17),
			path: '/',
			createDate: now,
			roleNames: [buildHost.roleName],
			tags: [],
		};
		const associationId = hexId('iip-assoc-', 17);
		state.associations[associationId] = {
			associationId,
			instanceId: state.instance.instanceId,
			instanceProfileName: buildHost.instanceProfileName,
			state: 'associated',
			timestamp: now,
		};
	}
	return state;
}
