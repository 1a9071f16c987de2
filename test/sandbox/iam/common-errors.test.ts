import {DescribeInstancesCommand, EC2Client} from '@aws-sdk/client-ec2';
import {IAMClient, ListRolesCommand} from '@aws-sdk/client-iam';
import {describe, expect, it} from 'vitest';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';

// Failures every service shares, each in the words of IAM and of EC2.

describe('injected internal errors', () => {
	const sandbox = useSandbox({faults: 'error=1'});

	it('are ServiceFailure 500 in IAM and InternalError 500 in EC2', async () => {
		await expect(new IAMClient(adminConfig(sandbox.current)).send(new ListRolesCommand({}))).rejects.toMatchObject({
			name: 'ServiceFailureException',
			$metadata: {httpStatusCode: 500},
			$fault: 'server',
		});
		await expect(new EC2Client(adminConfig(sandbox.current)).send(new DescribeInstancesCommand({}))).rejects.toMatchObject({
			name: 'InternalError',
			$metadata: {httpStatusCode: 500},
		});
	});
});

describe('injected throttling', () => {
	const sandbox = useSandbox({faults: 'throttle=1'});

	it('is Throttling in IAM and RequestLimitExceeded 503 in EC2', async () => {
		await expect(new IAMClient(adminConfig(sandbox.current)).send(new ListRolesCommand({}))).rejects.toMatchObject({name: 'Throttling'});
		await expect(new EC2Client(adminConfig(sandbox.current)).send(new DescribeInstancesCommand({}))).rejects.toMatchObject({
			name: 'RequestLimitExceeded',
			$metadata: {httpStatusCode: 503},
		});
	});
});

describe('unknown credentials', () => {
	const sandbox = useSandbox();

	it('are InvalidClientTokenId in IAM and AuthFailure in EC2', async () => {
		const credentials = {accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40)};
		await expect(new IAMClient({...adminConfig(sandbox.current), credentials}).send(new ListRolesCommand({}))).rejects.toMatchObject({
			name: 'InvalidClientTokenId',
			$metadata: {httpStatusCode: 403},
		});
		await expect(new EC2Client({...adminConfig(sandbox.current), credentials}).send(new DescribeInstancesCommand({}))).rejects.toMatchObject({
			name: 'AuthFailure',
			$metadata: {httpStatusCode: 401},
		});
	});
});
