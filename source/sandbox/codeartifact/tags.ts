import type {ContextValues} from '../../iam-policy/conditions.js';
import type {ApiCall} from '../context.js';
import {ServiceError} from '../errors.js';
import type {RestHandler, RestInput} from '../protocols/rest-json.js';
import type {DomainRecord, RepositoryRecord, SandboxState} from '../state.js';
import {withoutKeys, withTags} from '../tags.js';
import {parseArn, taggableRecord} from './arns.js';
import {checkTagCount, readTagKeys, readTags} from './request-tags.js';
import {notFound, type ResourceType} from './resources.js';
import {checkRequired} from './constraints.js';
import {invalid, validationError} from './validation.js';

// TagResource, UntagResource and ListTagsForResource: a domain or a repository, named by its ARN.
// Package groups take tags on AWS, but the sandbox does not model them: their ARNs find nothing.

const resourceArnSpec = {type: 'string', pattern: '\\S+', min: 1, max: 1011} as const;

/** Reads the `resourceArn` query member and checks the caller may `action` it. */
function authorizedArn(input: RestInput, call: ApiCall, action: string, context?: ContextValues): string {
	const arn = input.query.get('resourceArn');
	const problems = checkRequired(resourceArnSpec, 'resourceArn', arn ?? undefined);
	if (arn === null || problems.length > 0) throw validationError(problems);
	call.authorize(`codeartifact:${action}`, arn, context);
	return arn;
}

/** The domain or repository the ARN names; ResourceNotFound for anything else (a package group, say). */
function taggedResource(state: SandboxState, arn: string): {record: DomainRecord | RepositoryRecord; type: ResourceType} {
	const parsed = parseArn(arn);
	if (!parsed) throw invalid(`Invalid ARN: ${arn} is not the ARN of a CodeArtifact resource.`);
	const record = taggableRecord(state, parsed);
	const message = `Resource ${arn} was not found.`;
	if (parsed.kind !== 'domain' && parsed.kind !== 'repository') throw new ServiceError('ResourceNotFoundException', 404, message, {resourceId: arn});
	if (!record) throw notFound(parsed.kind, parsed.path.at(-1) ?? arn, message);
	return {record, type: parsed.kind};
}

export const tagResource: RestHandler = (input, call, context) => {
	const tags = readTags(input, true);
	const arn = authorizedArn(input, call, 'TagResource', tags.context);
	tags.check();
	const {record, type} = taggedResource(context.store.state, arn);
	const merged = withTags(record.tags, tags.items, 'exact');
	checkTagCount(type, record.name, merged.length);
	record.tags = merged;
	context.store.commit();
	return {json: {}};
};

export const untagResource: RestHandler = (input, call, context) => {
	const keys = readTagKeys(input);
	const arn = authorizedArn(input, call, 'UntagResource', keys.context);
	keys.check();
	const {record} = taggedResource(context.store.state, arn);
	record.tags = withoutKeys(record.tags, keys.items, 'exact');
	context.store.commit();
	return {json: {}};
};

export const listTagsForResource: RestHandler = (input, call, context) => {
	const arn = authorizedArn(input, call, 'ListTagsForResource');
	const {record} = taggedResource(context.store.state, arn);
	return {json: {tags: record.tags}};
};
