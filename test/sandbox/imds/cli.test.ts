import {execFile} from 'node:child_process';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../../helpers/sandbox.js';

const run = promisify(execFile);

describe('the aws CLI v1 on the build host, with credentials from instance metadata', {timeout: 120_000}, () => {
	const sandbox = useSandbox({scenario: 'access-denied'});

	it('is the instance role, through the IMDSv2 client of botocore', async () => {
		const {endpoint, region, dataDir, accountId, instanceId} = sandbox.current;
		const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => !entry[0].startsWith('AWS_') && entry[1] !== undefined);
		const missing = join(dataDir, 'no-aws-config');
		const env = {
			...Object.fromEntries(inherited),
			AWS_CONFIG_FILE: missing,
			AWS_SHARED_CREDENTIALS_FILE: missing,
			AWS_EC2_METADATA_SERVICE_ENDPOINT: sandbox.current.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'] ?? '',
		};
		const {stdout} = await run('aws', ['--endpoint-url', endpoint, '--region', region, '--output', 'json', 'sts', 'get-caller-identity'], {env});
		expect(JSON.parse(stdout)).toMatchObject({Account: accountId, Arn: `arn:aws:sts::${accountId}:assumed-role/build-host-role/${instanceId}`});
	});
});
