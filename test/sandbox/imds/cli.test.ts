import {describe, expect, it} from 'vitest';
import {awsCli} from '../../helpers/aws-cli.js';
import {useSandbox} from '../../helpers/sandbox.js';

describe('the aws CLI v1 on the build host, with credentials from instance metadata', {timeout: 120_000}, () => {
	const sandbox = useSandbox({scenario: 'access-denied'});

	it('is the instance role, through the IMDSv2 client of botocore', async () => {
		const {accountId, instanceId} = sandbox.current;
		// No admin keys: only where the metadata service is, so the CLI's credentials come from there.
		const metadata = {AWS_EC2_METADATA_SERVICE_ENDPOINT: sandbox.current.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'] ?? ''};
		expect(await awsCli(sandbox.current, metadata, 'sts', 'get-caller-identity')).toMatchObject({
			Account: accountId,
			Arn: `arn:aws:sts::${accountId}:assumed-role/build-host-role/${instanceId}`,
		});
	});
});

describe('the aws CLI v1 on another of several build hosts', {timeout: 120_000}, () => {
	const sandbox = useSandbox({scenario: 'access-denied', instances: 2});

	it("is that host's role when AWS_EC2_METADATA_SERVICE_ENDPOINT names its endpoint", async () => {
		const {accountId, instances} = sandbox.current;
		const second = instances[1];
		expect(await awsCli(sandbox.current, second?.env ?? {}, 'sts', 'get-caller-identity')).toMatchObject({
			Account: accountId,
			Arn: `arn:aws:sts::${accountId}:assumed-role/build-host-2-role/${second?.instanceId}`,
		});
	});
});
