import type {ApiCall} from '../context.js';
import {ServiceError} from '../errors.js';
import type {SandboxState} from '../state.js';
import {repositoryArn} from './arns.js';
import {findRepository} from './resources.js';
import {invalid} from './validation.js';

/** AWS's quota on upstream repositories per repository. */
export const maxUpstreams = 10;

/** AWS's quota on upstreams per repository, applied to a list as long as it is given. */
export function checkUpstreamCount(repository: string, count: number): void {
	if (count > maxUpstreams) {
		throw new ServiceError('ServiceQuotaExceededException', 402, `A repository can have at most ${maxUpstreams} upstream repositories; ${count} were given.`, {
			resourceId: repository,
			resourceType: 'repository',
		});
	}
}

/**
 * Checks a repository's new upstream list before it is stored: each upstream exists in the
 * same domain, appears once, does not lead back to the repository (no cycles), and the caller
 * may associate with it. `repository` need not exist yet (CreateRepository).
 */
export function checkUpstreams(state: SandboxState, call: ApiCall, domain: string, repository: string, upstreams: readonly string[]): void {
	checkUpstreamCount(repository, upstreams.length);
	const seen = new Set<string>();
	for (const upstream of upstreams) {
		if (seen.has(upstream)) throw invalid(`Upstream repository ${upstream} is listed more than once.`);
		seen.add(upstream);
		if (upstream === repository) throw invalid(`Repository ${repository} cannot be its own upstream repository.`);
		if (!findRepository(state, domain, upstream)) throw invalid(`Upstream repository ${upstream} does not exist in domain ${domain}.`);
		const path = pathBack(state, domain, upstream, repository);
		if (path) throw invalid(`Adding upstream repository ${upstream} to ${repository} would create a cycle: ${[repository, ...path].join(' -> ')}.`);
	}
	if (upstreams.length > 0 && (findRepository(state, domain, repository)?.externalConnections.length ?? 0) > 0) {
		throw invalid(`Repository ${repository} has an external connection. A repository can have upstream repositories or an external connection, not both.`);
	}
	for (const upstream of upstreams) call.authorize('codeartifact:AssociateWithDownstreamRepository', repositoryArn(state, domain, upstream));
}

/** The upstream path from `from` that reaches `target`, if any (depth-first, each repository once). */
function pathBack(state: SandboxState, domain: string, from: string, target: string): string[] | undefined {
	const visited = new Set<string>();
	const walk = (name: string): string[] | undefined => {
		if (name === target) return [name];
		if (visited.has(name)) return undefined;
		visited.add(name);
		for (const next of findRepository(state, domain, name)?.upstreams ?? []) {
			const rest = walk(next);
			if (rest) return [name, ...rest];
		}
		return undefined;
	};
	return walk(from);
}

/** The repositories in the domain that list `repository` as an upstream. */
export function downstreamsOf(state: SandboxState, domain: string, repository: string): string[] {
	return Object.values(state.repositories)
		.filter(r => r.domain === domain && r.upstreams.includes(repository))
		.map(r => r.name)
		.sort();
}
