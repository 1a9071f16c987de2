import {createHash} from 'node:crypto';
import {ServiceError} from '../errors.js';
import {findByName, instanceProfileArn} from '../iam/shapes.js';
import {xmlList, type XmlNode} from '../protocols/xml.js';
import {entry, type AssociationRecord, type InstanceProfileRecord, type InstanceRecord, type SandboxState} from '../state.js';
import {invalidParameterValue} from './params.js';

// The simulated instances and their instance-profile associations, as EC2 shows them.

export function instanceArn(state: SandboxState, instanceId: string): string {
	return `arn:aws:ec2:${state.region}:${state.accountId}:instance/${instanceId}`;
}

export function availabilityZone(state: SandboxState): string {
	return `${state.region}a`;
}

/** Each instance was launched on its own, so each is in a reservation of its own. */
export function reservationId(instance: InstanceRecord): string {
	return `r-${createHash('sha256').update(instance.instanceId).digest('hex').slice(0, 17)}`;
}

export function privateDnsName(state: SandboxState, instance: InstanceRecord): string {
	const host = `ip-${instance.privateIpAddress.replaceAll('.', '-')}`;
	return state.region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${state.region}.compute.internal`;
}

/** The instance id, checked: malformed and unknown ids get EC2's distinct errors. */
export function checkInstanceIds(state: SandboxState, ids: string[]): void {
	const malformed = ids.find(id => !/^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(id));
	if (malformed !== undefined) throw new ServiceError('InvalidInstanceID.Malformed', 400, `Invalid id: "${malformed}"`);
	const unknown = [...new Set(ids.filter(id => !findInstance(state, id)))];
	if (unknown.length === 1) throw new ServiceError('InvalidInstanceID.NotFound', 400, `The instance ID '${unknown[0]}' does not exist`);
	if (unknown.length > 1) throw new ServiceError('InvalidInstanceID.NotFound', 400, `The instance IDs '${unknown.join(', ')}' do not exist`);
}

export function findInstance(state: SandboxState, instanceId: string): InstanceRecord | undefined {
	return state.instances.find(instance => instance.instanceId === instanceId);
}

/** The association through which the instance currently has a profile, if any. */
export function currentAssociation(state: SandboxState, instanceId: string): AssociationRecord | undefined {
	return Object.values(state.associations).find(a => a.instanceId === instanceId && (a.state === 'associated' || a.state === 'associating'));
}

export function findAssociation(state: SandboxState, associationId: string): AssociationRecord {
	const association = entry(state.associations, associationId);
	if (!association) throw new ServiceError('InvalidAssociationID.NotFound', 400, `The association ID '${associationId}' does not exist`);
	return association;
}

/** `IamInstanceProfile.Arn` or `.Name` → the profile, refused in EC2's words when unknown. */
export function profileFromSpecification(state: SandboxState, params: URLSearchParams): InstanceProfileRecord {
	const arn = params.get('IamInstanceProfile.Arn');
	const name = params.get('IamInstanceProfile.Name');
	if (arn) {
		const profile = Object.values(state.iam.instanceProfiles).find(candidate => instanceProfileArn(state, candidate) === arn);
		if (!profile) throw invalidParameterValue(`Value (${arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`);
		return profile;
	}
	if (name) {
		const profile = findByName(state.iam.instanceProfiles, name);
		if (!profile) throw invalidParameterValue(`Value (${name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`);
		return profile;
	}
	throw new ServiceError('MissingParameter', 400, 'The request must contain the parameter iamInstanceProfile.name or iamInstanceProfile.arn');
}

/** `{arn, id}` of the association's profile; the id is absent if the profile was deleted since. */
export function profileReference(state: SandboxState, association: AssociationRecord): XmlNode {
	const profile = findByName(state.iam.instanceProfiles, association.instanceProfileName);
	return {
		arn: instanceProfileArn(state, profile ?? {path: '/', name: association.instanceProfileName}),
		id: profile?.id,
	};
}

export function associationXml(state: SandboxState, association: AssociationRecord, shownState = association.state): XmlNode {
	return {
		associationId: association.associationId,
		instanceId: association.instanceId,
		iamInstanceProfile: profileReference(state, association),
		state: shownState,
		timestamp: association.timestamp,
	};
}

export function instanceXml(state: SandboxState, instance: InstanceRecord): XmlNode {
	const association = currentAssociation(state, instance.instanceId);
	return {
		instanceId: instance.instanceId,
		imageId: instance.imageId,
		instanceState: {code: 16, name: 'running'},
		privateDnsName: privateDnsName(state, instance),
		dnsName: '',
		reason: '',
		amiLaunchIndex: 0,
		productCodes: '',
		instanceType: instance.instanceType,
		launchTime: instance.launchTime,
		placement: {availabilityZone: availabilityZone(state), groupName: '', tenancy: 'default'},
		monitoring: {state: 'disabled'},
		privateIpAddress: instance.privateIpAddress,
		groupSet: '',
		architecture: 'x86_64',
		rootDeviceType: 'ebs',
		rootDeviceName: '/dev/xvda',
		virtualizationType: 'hvm',
		hypervisor: 'xen',
		iamInstanceProfile: association ? profileReference(state, association) : undefined,
		tagSet:
			instance.tags.length > 0
				? xmlList(
						instance.tags.map(tag => ({key: tag.key, value: tag.value})),
						'item',
					)
				: undefined,
		ebsOptimized: false,
		enaSupport: true,
		metadataOptions: {
			state: 'applied',
			httpTokens: 'required',
			httpPutResponseHopLimit: 2,
			httpEndpoint: 'enabled',
			httpProtocolIpv6: 'disabled',
			instanceMetadataTags: 'disabled',
		},
		platformDetails: 'Linux/UNIX',
		usageOperation: 'RunInstances',
		bootMode: 'uefi-preferred',
	};
}
