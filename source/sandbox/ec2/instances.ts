import {ServiceError} from '../errors.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import {xmlList} from '../protocols/xml.js';
import type {SandboxState} from '../state.js';
import {dryRunEnds, matchesFilters, permitEc2, readFilters, readIds, readMaxResults} from './params.js';
import {availabilityZone, checkInstanceIds, currentAssociation, instanceXml, profileReference, reservationId} from './shapes.js';

const instanceFilters = [
	'instance-id',
	'instance-state-name',
	'instance-state-code',
	'instance-type',
	'image-id',
	'availability-zone',
	'private-ip-address',
	'iam-instance-profile.arn',
	'iam-instance-profile.id',
	'owner-id',
	'reservation-id',
	'private-dns-name',
] as const;

function filterValues(state: SandboxState, name: string): Array<string | undefined> {
	const {instance} = state;
	const association = currentAssociation(state);
	const profile = association ? profileReference(state, association) : undefined;
	switch (name) {
		case 'instance-id':
			return [instance.instanceId];
		case 'instance-state-name':
			return ['running'];
		case 'instance-state-code':
			return ['16'];
		case 'instance-type':
			return [instance.instanceType];
		case 'image-id':
			return [instance.imageId];
		case 'availability-zone':
			return [availabilityZone(state)];
		case 'private-ip-address':
			return [instance.privateIpAddress];
		case 'iam-instance-profile.arn':
			return [profile?.['arn'] as string | undefined];
		case 'iam-instance-profile.id':
			return [profile?.['id'] as string | undefined];
		case 'owner-id':
			return [state.accountId];
		case 'reservation-id':
			return [reservationId(state)];
		case 'private-dns-name':
			return [instanceXml(state)['privateDnsName'] as string];
		default:
			return [];
	}
}

/** The one simulated build host, in one reservation. */
export const DescribeInstances: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const maxResults = readMaxResults(params, 5, 1000);
	// The lists are read once the caller may describe instances: nobody else gets them looked at.
	permitEc2(call, 'DescribeInstances', '*');
	const ids = readIds(params, 'InstanceId');
	const filters = readFilters(params, instanceFilters);
	if (maxResults !== undefined && ids.length > 0) {
		throw new ServiceError('InvalidParameterCombination', 400, 'The parameter instancesSet cannot be used with the parameter maxResults');
	}
	dryRunEnds(params);
	checkInstanceIds(state, ids);
	const shown = matchesFilters(filters, name => filterValues(state, name));
	const reservations = shown
		? [{reservationId: reservationId(state), ownerId: state.accountId, groupSet: '', instancesSet: xmlList([instanceXml(state)], 'item')}]
		: [];
	return {reservationSet: xmlList(reservations, 'item')};
};
