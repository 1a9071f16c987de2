import type {ApiCall} from '../context.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import type {SandboxState, Tag} from '../state.js';
import {tagKeysContext, withoutKeys, withTags} from '../tags.js';
import {authorizedInstanceProfile, authorizedPolicy, authorizedRole, withContext} from './authorized-lookups.js';
import {limitExceeded, quotas} from './documents.js';
import {Input, paginate, rules, type Rule} from './input.js';
import {checkTags, requestTags} from './request-tags.js';
import {listXml, tagXml} from './shapes.js';

// Tag, Untag and List…Tags for roles, customer managed policies and instance profiles: one
// behaviour, three resource kinds. IAM compares tag keys without regard to case.

interface Taggable {
	tags: Tag[];
}

interface TaggableKind {
	/** The kind as IAM names it in its operations (TagRole) and quotas (TagsPerRole). */
	name: 'Role' | 'Policy' | 'InstanceProfile';
	/** The parameter that names the resource, and its constraints. */
	parameter: string;
	rule: Rule;
	/** Finds the resource once the caller may `action` it. */
	find: (state: SandboxState, call: ApiCall, action: string, id: string) => Taggable;
}

const kinds = {
	Role: {name: 'Role', parameter: 'RoleName', rule: rules.roleName, find: authorizedRole},
	Policy: {name: 'Policy', parameter: 'PolicyArn', rule: rules.arn, find: authorizedPolicy},
	InstanceProfile: {name: 'InstanceProfile', parameter: 'InstanceProfileName', rule: rules.instanceProfileName, find: authorizedInstanceProfile},
} as const satisfies Record<string, TaggableKind>;

function tagHandler(kind: TaggableKind): QueryHandler {
	return (params, call, {store}) => {
		const input = new Input(params);
		const id = input.required(kind.parameter, kind.rule);
		input.done();
		const {tags, context} = requestTags(input, true);
		const record = kind.find(store.state, withContext(call, context), `Tag${kind.name}`, id);
		input.done();
		checkTags(tags);
		const merged = withTags(record.tags, tags, 'ignoring-case');
		if (merged.length > quotas.tagsPerResource) throw limitExceeded(`Cannot exceed quota for TagsPer${kind.name}: ${quotas.tagsPerResource}`);
		record.tags = merged;
		store.commit({packagesUnchanged: true});
		return undefined;
	};
}

function untagHandler(kind: TaggableKind): QueryHandler {
	return (params, call, {store}) => {
		const input = new Input(params);
		const id = input.required(kind.parameter, kind.rule);
		input.done();
		const keys = input.tagKeys('TagKeys', {required: true});
		const record = kind.find(store.state, withContext(call, tagKeysContext(keys)), `Untag${kind.name}`, id);
		input.done();
		record.tags = withoutKeys(record.tags, keys, 'ignoring-case');
		store.commit({packagesUnchanged: true});
		return undefined;
	};
}

function listHandler(kind: TaggableKind): QueryHandler {
	return (params, call, {store}) => {
		const input = new Input(params);
		const id = input.required(kind.parameter, kind.rule);
		const paging = input.paging();
		input.done();
		const record = kind.find(store.state, call, `List${kind.name}Tags`, id);
		return listXml(
			'Tags',
			paginate(record.tags, tag => tag.key.toLowerCase(), paging),
			tagXml,
		);
	};
}

export const TagRole = tagHandler(kinds.Role);
export const UntagRole = untagHandler(kinds.Role);
export const ListRoleTags = listHandler(kinds.Role);
export const TagPolicy = tagHandler(kinds.Policy);
export const UntagPolicy = untagHandler(kinds.Policy);
export const ListPolicyTags = listHandler(kinds.Policy);
export const TagInstanceProfile = tagHandler(kinds.InstanceProfile);
export const UntagInstanceProfile = untagHandler(kinds.InstanceProfile);
export const ListInstanceProfileTags = listHandler(kinds.InstanceProfile);
