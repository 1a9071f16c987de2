import {ServiceError} from '../errors.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import {queryList, queryStructList} from '../protocols/aws-query.js';
import {xmlList} from '../protocols/xml.js';
import type {InstanceRecord, SandboxState, Tag} from '../state.js';
import {isReservedKey, requestTagContext, tagKeysContext, withoutKeys, withTags} from '../tags.js';
import {isTagFilter} from './instance-filters.js';
import {
	authorizeEc2,
	decodeNextToken,
	dryRunEnds,
	encodeNextToken,
	invalidParameterValue,
	matchesFilters,
	maxIds,
	permitEc2,
	readFilters,
	readMaxResults,
} from './params.js';
import {checkInstanceIds, findInstance, instanceArn} from './shapes.js';

// CreateTags, DeleteTags and DescribeTags on the simulated instances, the only EC2 resources the
// sandbox has. EC2 compares tag keys exactly.

const maxTagsPerResource = 50;
const maxKeyLength = 128;
const maxValueLength = 256;

/** `ResourceId.N`: instances only; an id of any other kind names nothing here. */
function readResources(state: SandboxState, params: URLSearchParams): InstanceRecord[] {
	const ids = queryList(params, 'ResourceId', maxIds);
	if (ids.length === 0) throw new ServiceError('MissingParameter', 400, 'The request must contain the parameter resourceIdSet');
	if (ids.length > maxIds) throw invalidParameterValue(`The request names more than ${maxIds} values for ResourceId; name at most ${maxIds} in one call.`);
	const other = ids.find(id => !id.startsWith('i-'));
	if (other !== undefined) throw new ServiceError('InvalidID', 400, `The ID '${other}' is not valid`);
	checkInstanceIds(state, ids);
	return ids.map(id => findInstance(state, id)).filter((instance): instance is InstanceRecord => instance !== undefined);
}

/** `Tag.N.Key` / `.Value`; the value may be left out (DeleteTags then removes the key whatever its value). */
function readTags(params: URLSearchParams): Array<{key: string; value: string | undefined}> {
	const items = queryStructList(params, 'Tag', maxTagsPerResource);
	if (items.length > maxTagsPerResource) throw new ServiceError('TagLimitExceeded', 400, 'The maximum number of Tags for a resource has been reached.');
	return items.map(item => {
		const key = item['Key'] ?? '';
		const value = item['Value'];
		if (key === '') throw invalidParameterValue('Tag key must not be empty');
		if (isReservedKey(key))
			throw invalidParameterValue(`Value ( ${key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use`);
		if (key.length > maxKeyLength) throw invalidParameterValue(`Tag key exceeds the maximum length of ${maxKeyLength} characters`);
		if (value !== undefined && value.length > maxValueLength)
			throw invalidParameterValue(`Tag value exceeds the maximum length of ${maxValueLength} characters`);
		return {key, value};
	});
}

export const CreateTags: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const instances = readResources(state, params);
	const tags: Tag[] = readTags(params).map(({key, value}) => ({key, value: value ?? ''}));
	if (tags.length === 0) throw new ServiceError('MissingParameter', 400, 'The request must contain the parameter tagSet');
	for (const instance of instances) permitEc2(call, 'CreateTags', instanceArn(state, instance.instanceId), requestTagContext(tags));
	dryRunEnds(params);
	const merged = instances.map(instance => withTags(instance.tags, tags, 'exact'));
	if (merged.some(list => list.length > maxTagsPerResource))
		throw new ServiceError('TagLimitExceeded', 400, 'The maximum number of Tags for a resource has been reached.');
	instances.forEach((instance, index) => (instance.tags = merged[index] ?? instance.tags));
	store.commit({packagesUnchanged: true});
	return {return: true};
};

/** A tag named with a value goes only when the value matches; named by key alone, whatever its value; none named, all go. */
export const DeleteTags: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const instances = readResources(state, params);
	const named = readTags(params);
	for (const instance of instances) {
		const keys = named.length > 0 ? named.map(tag => tag.key) : instance.tags.map(tag => tag.key);
		permitEc2(call, 'DeleteTags', instanceArn(state, instance.instanceId), tagKeysContext(keys));
	}
	dryRunEnds(params);
	for (const instance of instances) {
		if (named.length === 0) instance.tags = [];
		else {
			const going = named.filter(tag => instance.tags.some(own => own.key === tag.key && (tag.value === undefined || own.value === tag.value)));
			instance.tags = withoutKeys(
				instance.tags,
				going.map(tag => tag.key),
				'exact',
			);
		}
	}
	store.commit({packagesUnchanged: true});
	return {return: true};
};

const tagFilters = ['key', 'resource-id', 'resource-type', 'value'] as const;
const byKey = (a: Tag, b: Tag) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export const DescribeTags: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const maxResults = readMaxResults(params, 5, 1000);
	const nextToken = params.get('NextToken') || undefined;
	authorizeEc2(call, params, 'DescribeTags', '*');
	const filters = readFilters(params, tagFilters, isTagFilter);
	// In the order of instances, then of tag keys (EC2 promises no order). The token names the
	// first tag of the next page, and a page starts at the first tag at or after it: when that tag
	// went in between (a DeleteTags of all the instance's tags, say), the list goes on after it.
	const all = state.instances.flatMap((instance, index) => [...instance.tags].sort(byKey).map(tag => ({instance, index, tag})));
	const matching = all.filter(({instance, tag}) =>
		matchesFilters(filters, name => {
			if (isTagFilter(name)) return tag.key === name.slice('tag:'.length) ? [tag.value] : [];
			return [{key: tag.key, value: tag.value, 'resource-id': instance.instanceId, 'resource-type': 'instance'}[name]];
		}),
	);
	let start = 0;
	if (nextToken !== undefined) {
		const named = decodeNextToken('DescribeTags', nextToken);
		const cut = named.indexOf('\u0000'); // an instance ID has none; a tag key might
		const key = named.slice(cut + 1);
		const index = cut < 0 ? -1 : state.instances.findIndex(instance => instance.instanceId === named.slice(0, cut));
		if (index < 0) throw new ServiceError('InvalidPaginationToken', 400, 'The pagination token is invalid.');
		const found = matching.findIndex(item => item.index > index || (item.index === index && item.tag.key >= key));
		start = found < 0 ? matching.length : found;
	}
	const end = maxResults === undefined ? matching.length : start + maxResults;
	const next = matching[end];
	return {
		tagSet: xmlList(
			matching.slice(start, end).map(({instance, tag}) => ({resourceId: instance.instanceId, resourceType: 'instance', key: tag.key, value: tag.value})),
			'item',
		),
		nextToken: next ? encodeNextToken('DescribeTags', `${next.instance.instanceId}\u0000${next.tag.key}`) : undefined,
	};
};
