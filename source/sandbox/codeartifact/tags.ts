import type {ContextValues} from '../../iam-policy/conditions.js';
import type {ApiCall} from '../context.js';
import {ServiceError} from '../errors.js';
import type {RestHandler, RestInput} from '../protocols/rest-json.js';
import type {SandboxState, Tag} from '../state.js';
import {withoutKeys, withTags} from '../tags.js';
import {parseArn, patternOfArnPath, taggableRecord} from './arns.js';
import {findGroup} from './package-group-store.js';
import {checkTagCount, readTagKeys, readTags} from './request-tags.js';
import {notFound, type ResourceType} from './resources.js';
import {checkRequired} from './constraints.js';
import {invalid, validationError} from './validation.js';

// TagResource, UntagResource and ListTagsForResource: a domain, a repository or a package group,
// named by its ARN.

const resourceArnSpec = {type: 'string', pattern: '\\S+', min: 1, max: 1011} as const;

/** Reads the `resourceArn` query member and checks the caller may `action` it. */
function authorizedArn(input: RestInput, call: ApiCall, action: string, context?: ContextValues): string {
	const arn = input.query.get('resourceArn');
	const problems = checkRequired(resourceArnSpec, 'resourceArn', arn ?? undefined);
	if (arn === null || problems.length > 0) throw validationError(problems);
	call.authorize(`codeartifact:${action}`, arn, context);
	return arn;
}

/** The domain, repository or package group the ARN names; ResourceNotFound for anything else (a package, say). */
function taggedResource(state: SandboxState, arn: string): {record: {tags: Tag[]}; type: ResourceType; id: string} {
	const parsed = parseArn(arn);
	if (!parsed) throw invalid(`Invalid ARN: ${arn} is not the ARN of a CodeArtifact resource.`);
	const message = `Resource ${arn} was not found.`;
	if (parsed.kind === 'package-group') {
		const [domain = ''] = parsed.path;
		const pattern = patternOfArnPath(parsed.path.slice(1));
		const inAccount = parsed.region === state.region && parsed.account === state.accountId;
		const record = inAccount && pattern !== undefined ? findGroup(state, domain, pattern) : undefined;
		if (!record || pattern === undefined) throw notFound('package-group', pattern ?? arn, message);
		return {record, type: 'package-group', id: pattern};
	}
	const record = taggableRecord(state, parsed);
	if (parsed.kind !== 'domain' && parsed.kind !== 'repository') throw new ServiceError('ResourceNotFoundException', 404, message, {resourceId: arn});
	if (!record) throw notFound(parsed.kind, parsed.path.at(-1) ?? arn, message);
	return {record, type: parsed.kind, id: parsed.path.at(-1) ?? arn};
}

export const tagResource: RestHandler = (input, call, context) => {
	const tags = readTags(input, true);
	const arn = authorizedArn(input, call, 'TagResource', tags.context);
	tags.check();
	const {record, type, id} = taggedResource(context.store.state, arn);
	const merged = withTags(record.tags, tags.items, 'exact');
	checkTagCount(type, id, merged.length);
	record.tags = merged;
	context.store.commit({packagesUnchanged: true});
	return {json: {}};
};

export const untagResource: RestHandler = (input, call, context) => {
	const keys = readTagKeys(input);
	const arn = authorizedArn(input, call, 'UntagResource', keys.context);
	keys.check();
	const {record} = taggedResource(context.store.state, arn);
	record.tags = withoutKeys(record.tags, keys.items, 'exact');
	context.store.commit({packagesUnchanged: true});
	return {json: {}};
};

export const listTagsForResource: RestHandler = (input, call, context) => {
	const arn = authorizedArn(input, call, 'ListTagsForResource');
	const {record} = taggedResource(context.store.state, arn);
	return {json: {tags: record.tags}};
};
