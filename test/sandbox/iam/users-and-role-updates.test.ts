import {CreateRoleCommand, GetRoleCommand, GetUserCommand, IAMClient, ListUsersCommand, UpdateRoleCommand, paginateListUsers} from '@aws-sdk/client-iam';
import {AssumeRoleCommand, STSClient} from '@aws-sdk/client-sts';
import {describe, expect, it} from 'vitest';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';

describe('IAM users (the admin) and UpdateRole through the real SDK', () => {
	const sandbox = useSandbox({scenario: 'no-profile'});
	const iam = () => new IAMClient(adminConfig(sandbox.current));
	const adminArn = () => `arn:aws:iam::${sandbox.current.accountId}:user/sandbox-admin`;

	it('gets the calling user without a name, and by name', async () => {
		const self = await iam().send(new GetUserCommand({}));
		expect(outputShapeProblems('iam', 'GetUser', self)).toEqual([]);
		expect(self.User).toMatchObject({UserName: 'sandbox-admin', Path: '/', Arn: adminArn()});
		expect(self.User?.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
		expect(self.User?.CreateDate).toBeInstanceOf(Date);
		expect((await iam().send(new GetUserCommand({UserName: 'sandbox-admin'}))).User?.Arn).toBe(adminArn());
		await expect(iam().send(new GetUserCommand({UserName: 'alice'}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
			message: 'The user with name alice cannot be found.',
			$metadata: {httpStatusCode: 404},
		});
	});

	it('lists the users a page at a time', async () => {
		const pages = [];
		for await (const page of paginateListUsers({client: iam(), pageSize: 1}, {})) {
			expect(outputShapeProblems('iam', 'ListUsers', page)).toEqual([]);
			pages.push(page);
		}
		expect(pages.flatMap(page => page.Users ?? []).map(user => user.UserName)).toEqual(['sandbox-admin']);
		expect((await iam().send(new ListUsersCommand({PathPrefix: '/team/'}))).Users).toEqual([]);
	});

	it('updates a role’s description and longest session, and a longer session may then be asked for', async () => {
		const {accountId} = sandbox.current;
		const trust = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: accountId}, Action: 'sts:AssumeRole'}]});
		await iam().send(new CreateRoleCommand({RoleName: 'learner', AssumeRolePolicyDocument: trust}));
		const arn = `arn:aws:iam::${accountId}:role/learner`;
		const sts = new STSClient(adminConfig(sandbox.current));
		await expect(sts.send(new AssumeRoleCommand({RoleArn: arn, RoleSessionName: 'long', DurationSeconds: 7200}))).rejects.toMatchObject({
			name: 'ValidationError',
		});

		const updated = await iam().send(new UpdateRoleCommand({RoleName: 'learner', Description: 'for the workshop', MaxSessionDuration: 7200}));
		expect(outputShapeProblems('iam', 'UpdateRole', updated)).toEqual([]);
		expect((await iam().send(new GetRoleCommand({RoleName: 'learner'}))).Role).toMatchObject({Description: 'for the workshop', MaxSessionDuration: 7200});
		await iam().send(new UpdateRoleCommand({RoleName: 'learner', MaxSessionDuration: 3600}));
		expect((await iam().send(new GetRoleCommand({RoleName: 'learner'}))).Role).toMatchObject({Description: 'for the workshop', MaxSessionDuration: 3600});
		await iam().send(new UpdateRoleCommand({RoleName: 'learner', MaxSessionDuration: 7200}));
		expect((await sts.send(new AssumeRoleCommand({RoleArn: arn, RoleSessionName: 'long', DurationSeconds: 7200}))).AssumedRoleUser?.Arn).toBe(
			`arn:aws:sts::${accountId}:assumed-role/learner/long`,
		);

		await expect(iam().send(new UpdateRoleCommand({RoleName: 'learner', MaxSessionDuration: 60}))).rejects.toMatchObject({
			name: 'ValidationError',
			message:
				"1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
		});
		await expect(iam().send(new UpdateRoleCommand({RoleName: 'nobody', Description: 'x'}))).rejects.toMatchObject({name: 'NoSuchEntityException'});
	});

	it('asks a role session to name the user it wants', async () => {
		const {accountId} = sandbox.current;
		const sts = new STSClient(adminConfig(sandbox.current));
		const {Credentials: credentials} = await sts.send(new AssumeRoleCommand({RoleArn: `arn:aws:iam::${accountId}:role/learner`, RoleSessionName: 'reader'}));
		const asRole = new IAMClient({
			...adminConfig(sandbox.current),
			credentials: {
				accessKeyId: credentials?.AccessKeyId ?? '',
				secretAccessKey: credentials?.SecretAccessKey ?? '',
				sessionToken: credentials?.SessionToken ?? '',
			},
		});
		await expect(asRole.send(new GetUserCommand({}))).rejects.toMatchObject({
			name: 'ValidationError',
			message: 'Must specify userName when calling with non-User credentials',
			$metadata: {httpStatusCode: 400},
		});
		// Named, it is a read like any other: the role has no policy that allows it.
		await expect(asRole.send(new GetUserCommand({UserName: 'sandbox-admin'}))).rejects.toMatchObject({name: 'AccessDenied'});
	});
});
