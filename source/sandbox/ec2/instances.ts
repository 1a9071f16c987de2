import {ServiceError} from '../errors.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import {xmlList} from '../protocols/xml.js';
import type {InstanceRecord} from '../state.js';
import {decodeNextToken, dryRunEnds, encodeNextToken, matchesFilters, permitEc2, readFilters, readIds, readMaxResults} from './params.js';
import {documentedInstanceFilters, instanceFilterValues, isTagFilter} from './instance-filters.js';
import {checkInstanceIds, instanceXml, reservationId} from './shapes.js';

/** The simulated build hosts, each in a reservation of its own, a page at a time when MaxResults asks. */
export const DescribeInstances: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const maxResults = readMaxResults(params, 5, 1000);
	const nextToken = params.get('NextToken') || undefined;
	// The lists are read once the caller may describe instances: nobody else gets them looked at.
	permitEc2(call, 'DescribeInstances', '*');
	const ids = readIds(params, 'InstanceId');
	const filters = readFilters(params, documentedInstanceFilters, isTagFilter);
	if (maxResults !== undefined && ids.length > 0) {
		throw new ServiceError('InvalidParameterCombination', 400, 'The parameter instancesSet cannot be used with the parameter maxResults');
	}
	dryRunEnds(params);
	checkInstanceIds(state, ids);
	const matching = state.instances
		.filter(instance => ids.length === 0 || ids.includes(instance.instanceId))
		.filter(instance => matchesFilters(filters, name => instanceFilterValues(state, instance, name)));
	// Pages follow launch order (the order of `instances`); the token names the next page's first
	// instance, and a page starts there or, when it no longer matches, at the next that does.
	const start = nextToken === undefined ? 0 : pageStart(state.instances, matching, decodeNextToken('DescribeInstances', nextToken));
	const end = maxResults === undefined ? matching.length : start + maxResults;
	const next = matching[end];
	const reservations = matching.slice(start, end).map(instance => ({
		reservationId: reservationId(instance),
		ownerId: state.accountId,
		groupSet: '',
		instancesSet: xmlList([instanceXml(state, instance)], 'item'),
	}));
	return {reservationSet: xmlList(reservations, 'item'), nextToken: next ? encodeNextToken('DescribeInstances', next.instanceId) : undefined};
};

function pageStart(instances: InstanceRecord[], matching: InstanceRecord[], instanceId: string): number {
	const from = instances.findIndex(instance => instance.instanceId === instanceId);
	if (from < 0) throw new ServiceError('InvalidPaginationToken', 400, 'The pagination token is invalid.');
	const start = matching.findIndex(instance => instances.indexOf(instance) >= from);
	return start < 0 ? matching.length : start;
}
