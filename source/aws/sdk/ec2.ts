import {
	AssociateIamInstanceProfileCommand,
	DisassociateIamInstanceProfileCommand,
	EC2Client,
	paginateDescribeIamInstanceProfileAssociations,
	paginateDescribeInstances,
	ReplaceIamInstanceProfileAssociationCommand,
	type IamInstanceProfileAssociation,
	type Instance,
} from '@aws-sdk/client-ec2';
import type {Ec2Api, InstanceSummary, ProfileAssociation} from '../apis.js';
import {attemptMember, attemptPages} from './answer-members.js';
import {attempt} from './classify-error.js';
import {clientConfig, type ClientSettings} from './client-config.js';

export function createEc2Api(settings: ClientSettings): Ec2Api {
	const client = new EC2Client(clientConfig(settings));
	return {
		async listInstances() {
			// Terminated instances linger in the list for an hour; nothing can be done for them.
			const input = {Filters: [{Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped']}], MaxResults: 1000};
			return attemptPages(
				'ec2:DescribeInstances',
				() => paginateDescribeInstances({client}, input),
				page => (page.Reservations ?? []).flatMap(reservation => (reservation.Instances ?? []).map(toInstanceSummary)),
			);
		},

		async currentAssociation(instanceId) {
			return attempt('ec2:DescribeIamInstanceProfileAssociations', async () => {
				const input = {
					Filters: [
						{Name: 'instance-id', Values: [instanceId]},
						{Name: 'state', Values: ['associated', 'associating']},
					],
				};
				for await (const page of paginateDescribeIamInstanceProfileAssociations({client}, input)) {
					const association = page.IamInstanceProfileAssociations?.[0];
					if (association) return toAssociation(association);
				}
				return undefined;
			});
		},

		async associate(instanceId, instanceProfileName) {
			const send = () => client.send(new AssociateIamInstanceProfileCommand({InstanceId: instanceId, IamInstanceProfile: {Name: instanceProfileName}}));
			return attemptMember('ec2:AssociateIamInstanceProfile', send, 'IamInstanceProfileAssociation', toAssociation);
		},

		async replace(associationId, instanceProfileName) {
			const send = () =>
				client.send(new ReplaceIamInstanceProfileAssociationCommand({AssociationId: associationId, IamInstanceProfile: {Name: instanceProfileName}}));
			return attemptMember('ec2:ReplaceIamInstanceProfileAssociation', send, 'IamInstanceProfileAssociation', toAssociation);
		},

		async disassociate(associationId) {
			await attempt('ec2:DisassociateIamInstanceProfile', () => client.send(new DisassociateIamInstanceProfileCommand({AssociationId: associationId})));
		},
	};
}

function toAssociation(association: IamInstanceProfileAssociation): ProfileAssociation {
	return {
		associationId: association.AssociationId ?? '',
		instanceId: association.InstanceId ?? '',
		instanceProfileArn: association.IamInstanceProfile?.Arn ?? '',
		state: association.State ?? '',
	};
}

function toInstanceSummary(instance: Instance): InstanceSummary {
	const name = instance.Tags?.find(tag => tag.Key === 'Name')?.Value;
	const profile = instance.IamInstanceProfile?.Arn;
	return {
		instanceId: instance.InstanceId ?? '',
		state: instance.State?.Name ?? 'unknown',
		...(name ? {name} : {}),
		...(profile ? {instanceProfileArn: profile} : {}),
	};
}
