import {ServiceError} from '../errors.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import {xmlList} from '../protocols/xml.js';
import type {InstanceRecord, SandboxState} from '../state.js';
import {decodeNextToken, dryRunEnds, encodeNextToken, matchesFilters, permitEc2, readFilters, readIds, readMaxResults} from './params.js';
import {availabilityZone, checkInstanceIds, currentAssociation, instanceXml, privateDnsName, profileReference, reservationId} from './shapes.js';

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

/** `tag:KEY` (the tag's value) and `tag-key`, as on every EC2 resource that has tags. */
function isTagFilter(name: string): boolean {
	return name === 'tag-key' || (name.startsWith('tag:') && name.length > 'tag:'.length);
}

function filterValues(state: SandboxState, instance: InstanceRecord, name: string): Array<string | undefined> {
	const association = currentAssociation(state, instance.instanceId);
	const profile = association ? profileReference(state, association) : undefined;
	if (name === 'tag-key') return instance.tags.map(tag => tag.key);
	if (name.startsWith('tag:')) return instance.tags.filter(tag => tag.key === name.slice('tag:'.length)).map(tag => tag.value);
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
			return [reservationId(instance)];
		case 'private-dns-name':
			return [privateDnsName(state, instance)];
		default:
			return [];
	}
}

/** The simulated build hosts, each in a reservation of its own, a page at a time when MaxResults asks. */
export const DescribeInstances: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const maxResults = readMaxResults(params, 5, 1000);
	const nextToken = params.get('NextToken') || undefined;
	// The lists are read once the caller may describe instances: nobody else gets them looked at.
	permitEc2(call, 'DescribeInstances', '*');
	const ids = readIds(params, 'InstanceId');
	const filters = readFilters(params, instanceFilters, isTagFilter);
	if (maxResults !== undefined && ids.length > 0) {
		throw new ServiceError('InvalidParameterCombination', 400, 'The parameter instancesSet cannot be used with the parameter maxResults');
	}
	dryRunEnds(params);
	checkInstanceIds(state, ids);
	const matching = state.instances
		.filter(instance => ids.length === 0 || ids.includes(instance.instanceId))
		.filter(instance => matchesFilters(filters, name => filterValues(state, instance, name)));
	// Pages follow launch order (the order of `instances`); the token names the next page's first instance.
	const start = nextToken === undefined ? 0 : pageStart(matching, decodeNextToken(nextToken));
	const end = maxResults === undefined ? matching.length : start + maxResults;
	const next = matching[end];
	const reservations = matching.slice(start, end).map(instance => ({
		reservationId: reservationId(instance),
		ownerId: state.accountId,
		groupSet: '',
		instancesSet: xmlList([instanceXml(state, instance)], 'item'),
	}));
	return {reservationSet: xmlList(reservations, 'item'), nextToken: next ? encodeNextToken(next.instanceId) : undefined};
};

function pageStart(instances: InstanceRecord[], instanceId: string): number {
	const index = instances.findIndex(instance => instance.instanceId === instanceId);
	if (index < 0) throw new ServiceError('InvalidPaginationToken', 400, 'The pagination token is invalid.');
	return index;
}
