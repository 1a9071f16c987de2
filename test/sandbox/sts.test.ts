import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {describe, expect, it} from 'vitest';
import {adminConfig, useSandbox} from '../helpers/sandbox.js';

describe('STS GetCallerIdentity through the real SDK', () => {
	const sandbox = useSandbox();

	it('names the admin user', async () => {
		const sts = new STSClient(adminConfig(sandbox.current));
		const identity = await sts.send(new GetCallerIdentityCommand({}));
		expect(identity.Account).toBe(sandbox.current.accountId);
		expect(identity.Arn).toBe(`arn:aws:iam::${sandbox.current.accountId}:user/sandbox-admin`);
		expect(identity.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
	});

	it('refuses an unknown access key with InvalidClientTokenId', async () => {
		const sts = new STSClient({...adminConfig(sandbox.current), credentials: {accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40)}});
		await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({name: 'InvalidClientTokenId', $metadata: {httpStatusCode: 403}});
	});

	it('refuses a wrong secret with SignatureDoesNotMatch', async () => {
		const {accessKeyId} = sandbox.current.admin;
		const sts = new STSClient({...adminConfig(sandbox.current), credentials: {accessKeyId, secretAccessKey: 'y'.repeat(40)}});
		await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({name: 'SignatureDoesNotMatch'});
	});
});
