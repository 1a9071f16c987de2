import type {RestHandler} from '../protocols/rest-json.js';
import {repositoryKey, type RepositoryRecord, type SandboxState} from '../state.js';
import {domainArn, repositoryArn} from './arns.js';
import {readUpstreams} from './body-members.js';
import {compareText, paginate} from './pagination.js';
import {checkTagCount, readTags} from './request-tags.js';
import {conflict, findRepository, requireDomain, requireRepository} from './resources.js';
import {epochSeconds, repositoryDescription, repositorySummary} from './shapes.js';
import {checkUpstreams, downstreamsOf} from './upstreams.js';
import {readInputs} from './validation.js';

export const createRepository: RestHandler = (input, call, context) => {
	const {domain, domainOwner, repository, description} = readInputs(input, ['domain', 'repository'], ['domainOwner', 'description']);
	const {state} = context.store;
	const tags = readTags(input);
	call.authorize('codeartifact:CreateRepository', repositoryArn(state, domain, repository), tags.context);
	const upstreams = readUpstreams(input, repository) ?? [];
	tags.check();
	checkTagCount('repository', repository, tags.items.length);
	requireDomain(state, domain, domainOwner);
	if (findRepository(state, domain, repository)) throw conflict('repository', repository, `Repository ${repository} already exists in domain ${domain}.`);
	checkUpstreams(state, call, domain, repository, upstreams);
	const record: RepositoryRecord = {
		domain,
		name: repository,
		description: description ?? '',
		upstreams,
		externalConnections: [],
		createdTime: epochSeconds(context.now()),
		tags: tags.items,
	};
	state.repositories[repositoryKey(domain, repository)] = record;
	context.store.commit({packagesUnchanged: true});
	return {json: {repository: repositoryDescription(state, record)}};
};

export const describeRepository: RestHandler = (input, call, context) => {
	const {domain, domainOwner, repository} = readInputs(input, ['domain', 'repository'], ['domainOwner']);
	const {state} = context.store;
	call.authorize('codeartifact:DescribeRepository', repositoryArn(state, domain, repository));
	return {json: {repository: repositoryDescription(state, requireRepository(state, domain, repository, domainOwner))}};
};

/** Absent members stay as they are; `upstreams: []` removes every upstream. Order is search order. */
export const updateRepository: RestHandler = (input, call, context) => {
	const {domain, domainOwner, repository, description} = readInputs(input, ['domain', 'repository'], ['domainOwner', 'description']);
	const {state} = context.store;
	call.authorize('codeartifact:UpdateRepository', repositoryArn(state, domain, repository));
	const upstreams = readUpstreams(input, repository);
	const record = requireRepository(state, domain, repository, domainOwner);
	if (upstreams) checkUpstreams(state, call, domain, repository, upstreams);
	if (description !== undefined) record.description = description;
	if (upstreams) record.upstreams = upstreams;
	delete record.danglingUpstreams; // any UpdateRepository settles the graph on the upstreams that exist
	context.store.commit({packagesUnchanged: true});
	return {json: {repository: repositoryDescription(state, record)}};
};

/**
 * Deleting a repository deletes its packages. One that is another's upstream may be deleted too,
 * as on AWS: each downstream stops listing it, but its upstream graph keeps pointing at it
 * (danglingUpstreams) until its next UpdateRepository; until then its Maven endpoint refuses to
 * search upstreams (maven/upstream-graph.ts). A repository made again under the same name is a
 * new one, which the old reference does not reach.
 */
export const deleteRepository: RestHandler = (input, call, context) => {
	const {domain, domainOwner, repository} = readInputs(input, ['domain', 'repository'], ['domainOwner']);
	const {state} = context.store;
	call.authorize('codeartifact:DeleteRepository', repositoryArn(state, domain, repository));
	const record = requireRepository(state, domain, repository, domainOwner);
	const description = repositoryDescription(state, record);
	for (const name of downstreamsOf(state, domain, repository)) {
		const downstream = findRepository(state, domain, name);
		if (!downstream) continue;
		downstream.upstreams = downstream.upstreams.filter(upstream => upstream !== repository);
		downstream.danglingUpstreams = [...new Set([...(downstream.danglingUpstreams ?? []), repository])];
	}
	delete state.repositories[repositoryKey(domain, repository)];
	for (const [key, pkg] of Object.entries(state.packages)) if (pkg.domain === domain && pkg.repository === repository) delete state.packages[key];
	context.store.commit();
	return {json: {repository: description}};
};

export const listRepositories: RestHandler = (input, call, context) => {
	const {repositoryPrefix, maxResults, nextToken} = readInputs(input, [], ['repositoryPrefix', 'maxResults', 'nextToken']);
	const {state} = context.store;
	call.authorize('codeartifact:ListRepositories', '*');
	const matching = sortedRepositories(state, r => repositoryPrefix === undefined || r.name.startsWith(repositoryPrefix));
	return listOutput(
		state,
		paginate(matching, 'ListRepositories', maxResults, nextToken, r => repositoryKey(r.domain, r.name)),
	);
};

export const listRepositoriesInDomain: RestHandler = (input, call, context) => {
	const {domain, domainOwner, administratorAccount, repositoryPrefix, maxResults, nextToken} = readInputs(
		input,
		['domain'],
		['domainOwner', 'administratorAccount', 'repositoryPrefix', 'maxResults', 'nextToken'],
	);
	const {state} = context.store;
	call.authorize('codeartifact:ListRepositoriesInDomain', domainArn(state, domain));
	requireDomain(state, domain, domainOwner);
	// Every repository here is administered by the sandbox's one account.
	const matching = sortedRepositories(
		state,
		r =>
			r.domain === domain &&
			(administratorAccount === undefined || administratorAccount === state.accountId) &&
			(repositoryPrefix === undefined || r.name.startsWith(repositoryPrefix)),
	);
	return listOutput(
		state,
		paginate(matching, 'ListRepositoriesInDomain', maxResults, nextToken, r => repositoryKey(r.domain, r.name)),
	);
};

function sortedRepositories(state: SandboxState, keep: (r: RepositoryRecord) => boolean): RepositoryRecord[] {
	return Object.values(state.repositories)
		.filter(keep)
		.sort((a, b) => compareText(a.name, b.name) || compareText(a.domain, b.domain));
}

function listOutput(state: SandboxState, page: {items: RepositoryRecord[]; nextToken?: string}) {
	return {json: {repositories: page.items.map(r => repositorySummary(state, r)), ...(page.nextToken ? {nextToken: page.nextToken} : {})}};
}
