import {describe, expect, it} from 'vitest';
import {adminAwsCli} from '../../helpers/aws-cli.js';
import {useSandbox} from '../../helpers/sandbox.js';

describe('EC2 through the aws CLI v1', {timeout: 120_000}, () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	const aws = adminAwsCli(sandbox);

	it('describes the instance profile association', async () => {
		const output = (await aws('ec2', 'describe-iam-instance-profile-associations')) as {IamInstanceProfileAssociations: Array<Record<string, unknown>>};
		expect(output.IamInstanceProfileAssociations).toEqual([
			expect.objectContaining({
				InstanceId: sandbox.current.instanceId,
				State: 'associated',
				IamInstanceProfile: expect.objectContaining({Arn: `arn:aws:iam::${sandbox.current.accountId}:instance-profile/build-host-profile`}),
			}),
		]);
	});

	it('describes instances with a filter', async () => {
		const output = (await aws('ec2', 'describe-instances', '--filters', `Name=instance-id,Values=${sandbox.current.instanceId}`)) as {
			Reservations: Array<{Instances: Array<Record<string, unknown>>}>;
		};
		expect(output.Reservations[0]?.Instances[0]).toMatchObject({InstanceId: sandbox.current.instanceId, State: {Code: 16, Name: 'running'}});
	});

	it('disassociates and associates again by name', async () => {
		const before = (await aws('ec2', 'describe-iam-instance-profile-associations')) as {IamInstanceProfileAssociations: Array<{AssociationId: string}>};
		const associationId = before.IamInstanceProfileAssociations[0]?.AssociationId ?? '';
		const ended = (await aws('ec2', 'disassociate-iam-instance-profile', '--association-id', associationId)) as {
			IamInstanceProfileAssociation: {State: string};
		};
		expect(ended.IamInstanceProfileAssociation.State).toBe('disassociating');
		const again = (await aws(
			'ec2',
			'associate-iam-instance-profile',
			'--instance-id',
			sandbox.current.instanceId,
			'--iam-instance-profile',
			'Name=build-host-profile',
		)) as {IamInstanceProfileAssociation: {AssociationId: string}};
		expect(again.IamInstanceProfileAssociation.AssociationId).toMatch(/^iip-assoc-[0-9a-f]{17}$/);
		const failure = (await aws(
			'ec2',
			'associate-iam-instance-profile',
			'--instance-id',
			sandbox.current.instanceId,
			'--iam-instance-profile',
			'Name=build-host-profile',
		).catch((e: unknown) => e)) as {stderr: string};
		expect(failure.stderr).toContain(
			`An error occurred (IncorrectState) when calling the AssociateIamInstanceProfile operation: There is an existing association for instance ${sandbox.current.instanceId}`,
		);
	});
});
