import type {RestHandler} from '../protocols/rest-json.js';
import {repositoryArn} from './arns.js';
import {requireRepository} from './resources.js';
import {checkServedFormat} from './served-formats.js';
import {readInputs} from './validation.js';

/**
 * Where a package manager reaches a repository. AWS answers
 * `https://DOMAIN-OWNER.d.codeartifact.REGION.amazonaws.com/FORMAT/REPO/`; the sandbox serves
 * the same layout under its own address, `/d/DOMAIN-OWNER/FORMAT/REPO/` (trailing slash kept).
 * A loopback http URL is one Maven accepts without its plain-http block.
 */
export const getRepositoryEndpoint: RestHandler = (input, call, context) => {
	// endpointType (ipv4 | dualstack) is validated; both reach the same loopback address here.
	const {domain, domainOwner, repository, format} = readInputs(input, ['domain', 'repository', 'format'], ['domainOwner', 'endpointType']);
	const {state} = context.store;
	call.authorize('codeartifact:GetRepositoryEndpoint', repositoryArn(state, domain, repository));
	requireRepository(state, domain, repository, domainOwner);
	checkServedFormat(format);
	return {json: {repositoryEndpoint: repositoryEndpoint(context.endpoint, domain, state.accountId, format, repository)}};
};

export function repositoryEndpoint(base: string, domain: string, owner: string, format: string, repository: string): string {
	return `${base}/d/${domain}-${owner}/${format}/${repository}/`;
}
