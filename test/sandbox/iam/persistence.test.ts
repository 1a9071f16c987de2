import {rmSync} from 'node:fs';
import {DescribeIamInstanceProfileAssociationsCommand, EC2Client} from '@aws-sdk/client-ec2';
import {CreatePolicyCommand, CreatePolicyVersionCommand, CreateRoleCommand, GetPolicyCommand, GetRoleCommand, IAMClient} from '@aws-sdk/client-iam';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {afterAll, describe, expect, it} from 'vitest';
import {startSandbox, type RunningSandbox} from '../../../source/sandbox/index.js';
import {adminConfig, offlineMavenCentral, temporaryDirectory} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';

describe('IAM, EC2 and instance credentials survive a restart', () => {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	let running: RunningSandbox | undefined;
	afterAll(async () => {
		await running?.stop();
		rmSync(dataDir, {recursive: true, force: true});
	});

	it('keeps what was acknowledged', async () => {
		running = await startSandbox({dataDir, mavenCentral: offlineMavenCentral});
		const iam = new IAMClient(adminConfig(running));
		await iam.send(new CreateRoleCommand({RoleName: 'kept', AssumeRolePolicyDocument: ec2Trust}));
		const {Policy: policy} = await iam.send(
			new CreatePolicyCommand({
				PolicyName: 'kept-policy',
				PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:*', Resource: '*'}]}),
			}),
		);
		await iam.send(
			new CreatePolicyVersionCommand({
				PolicyArn: policy?.Arn,
				SetAsDefault: true,
				PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'sqs:*', Resource: '*'}]}),
			}),
		);
		const token = await (await fetch(`${running.endpoint}/latest/api/token`, {method: 'PUT', headers: {'x-aws-ec2-metadata-token-ttl-seconds': '600'}})).text();
		const credentials = JSON.parse(
			await (
				await fetch(`${running.endpoint}/latest/meta-data/iam/security-credentials/build-host-role`, {headers: {'x-aws-ec2-metadata-token': token}})
			).text(),
		) as Record<string, string>;
		const associations = (await new EC2Client(adminConfig(running)).send(new DescribeIamInstanceProfileAssociationsCommand({}))).IamInstanceProfileAssociations;
		await running.stop();

		running = await startSandbox({dataDir, mavenCentral: offlineMavenCentral});
		const again = new IAMClient(adminConfig(running));
		expect((await again.send(new GetRoleCommand({RoleName: 'kept'}))).Role?.RoleName).toBe('kept');
		expect((await again.send(new GetPolicyCommand({PolicyArn: policy?.Arn}))).Policy?.DefaultVersionId).toBe('v2');
		expect((await new EC2Client(adminConfig(running)).send(new DescribeIamInstanceProfileAssociationsCommand({}))).IamInstanceProfileAssociations).toEqual(
			associations,
		);
		// Both the metadata token and the instance credentials outlive the restart.
		const reread = JSON.parse(
			await (
				await fetch(`${running.endpoint}/latest/meta-data/iam/security-credentials/build-host-role`, {headers: {'x-aws-ec2-metadata-token': token}})
			).text(),
		) as Record<string, string>;
		expect(reread['AccessKeyId']).toBe(credentials['AccessKeyId']);
		const sts = new STSClient({
			endpoint: running.endpoint,
			region: running.region,
			maxAttempts: 1,
			credentials: {
				accessKeyId: credentials['AccessKeyId'] ?? '',
				secretAccessKey: credentials['SecretAccessKey'] ?? '',
				sessionToken: credentials['Token'] ?? '',
			},
		});
		expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toContain(':assumed-role/build-host-role/');
	});
});
