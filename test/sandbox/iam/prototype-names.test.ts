import {rmSync} from 'node:fs';
import {
	CreateInstanceProfileCommand,
	CreatePolicyCommand,
	CreateRoleCommand,
	GetInstanceProfileCommand,
	GetPolicyCommand,
	GetRoleCommand,
	GetRolePolicyCommand,
	IAMClient,
	ListRolePoliciesCommand,
	ListRolesCommand,
	PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {afterAll, describe, expect, it} from 'vitest';
import {startSandbox, type RunningSandbox} from '../../../source/sandbox/index.js';
import {adminConfig, offlineMavenCentral, temporaryDirectory} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';

// IAM's name pattern [\w+=,.@-]+ allows `__proto__` and `constructor`: they must be stored like
// any name, not set an object's prototype (reporting success and storing nothing).
describe('IAM names that are also names of Object.prototype members', () => {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	let running: RunningSandbox | undefined;
	afterAll(async () => {
		await running?.stop();
		rmSync(dataDir, {recursive: true, force: true});
	});
	const policy = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}]});

	it('stores __proto__ and constructor as names, across a restart', async () => {
		running = await startSandbox({dataDir, mavenCentral: offlineMavenCentral, scenario: 'no-profile'});
		const iam = new IAMClient(adminConfig(running));
		const policyArn = (name: string) => `arn:aws:iam::${running!.accountId}:policy/${name}`;
		for (const name of ['__proto__', 'constructor']) {
			await iam.send(new CreateRoleCommand({RoleName: name, AssumeRolePolicyDocument: ec2Trust}));
			await iam.send(new CreatePolicyCommand({PolicyName: name, PolicyDocument: policy}));
			await iam.send(new CreateInstanceProfileCommand({InstanceProfileName: name}));
			await iam.send(new PutRolePolicyCommand({RoleName: name, PolicyName: '__proto__', PolicyDocument: policy}));
		}
		const check = async (client: IAMClient) => {
			for (const name of ['__proto__', 'constructor']) {
				expect((await client.send(new GetRoleCommand({RoleName: name}))).Role?.RoleName).toBe(name);
				expect((await client.send(new GetPolicyCommand({PolicyArn: policyArn(name)}))).Policy?.PolicyName).toBe(name);
				expect((await client.send(new GetInstanceProfileCommand({InstanceProfileName: name}))).InstanceProfile?.InstanceProfileName).toBe(name);
				expect((await client.send(new ListRolePoliciesCommand({RoleName: name}))).PolicyNames).toEqual(['__proto__']);
				const inline = await client.send(new GetRolePolicyCommand({RoleName: name, PolicyName: '__proto__'}));
				expect(JSON.parse(decodeURIComponent(inline.PolicyDocument ?? ''))).toEqual(JSON.parse(policy));
			}
			expect((await client.send(new ListRolesCommand({}))).Roles?.map(role => role.RoleName)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
			await expect(client.send(new CreateRoleCommand({RoleName: '__proto__', AssumeRolePolicyDocument: ec2Trust}))).rejects.toMatchObject({
				name: 'EntityAlreadyExistsException',
			});
		};
		await check(iam);
		await iam.send(new CreateRoleCommand({RoleName: 'before-restart', AssumeRolePolicyDocument: ec2Trust}));
		await running.stop();
		// JSON.parse gives ordinary objects: the records must be made safe again on loading.
		running = await startSandbox({dataDir, mavenCentral: offlineMavenCentral});
		const again = new IAMClient(adminConfig(running));
		await check(again);
		await again.send(new PutRolePolicyCommand({RoleName: 'before-restart', PolicyName: '__proto__', PolicyDocument: policy}));
		expect((await again.send(new ListRolePoliciesCommand({RoleName: 'before-restart'}))).PolicyNames).toEqual(['__proto__']);
	});
});
