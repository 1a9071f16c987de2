import type {RestHandler} from '../protocols/rest-json.js';
import {repositoryArn} from './arns.js';
import {externalConnections, isExternalConnection} from './external-connection-names.js';
import {conflict, notFound, requireRepository} from './resources.js';
import {checkServedConnection} from './served-formats.js';
import {repositoryDescription} from './shapes.js';
import {invalid, readInputs} from './validation.js';

/**
 * One external connection per repository, and (as the model says) a repository has either
 * upstream repositories or an external connection. AWS answers a second connection with a 400
 * "ExternalConnections for repositories are currently limited to 1".
 */
export const associateExternalConnection: RestHandler = (input, call, context) => {
	const {domain, domainOwner, repository, externalConnection} = readInputs(input, ['domain', 'repository', 'externalConnection'], ['domainOwner']);
	const {state} = context.store;
	call.authorize('codeartifact:AssociateExternalConnection', repositoryArn(state, domain, repository));
	if (!isExternalConnection(externalConnection)) {
		throw invalid(`External connection ${externalConnection} is not supported. Use one of: ${Object.keys(externalConnections).join(', ')}.`);
	}
	const record = requireRepository(state, domain, repository, domainOwner);
	if (record.externalConnections.includes(externalConnection)) {
		throw conflict('repository', repository, `Repository ${repository} is already associated with external connection ${externalConnection}.`);
	}
	if (record.externalConnections.length > 0) throw invalid('ExternalConnections for repositories are currently limited to 1', 'OTHER');
	if (record.upstreams.length > 0) {
		throw invalid(
			`Repository ${repository} has upstream repositories (${record.upstreams.join(', ')}). A repository can have upstream repositories or an external connection, not both.`,
		);
	}
	checkServedConnection(externalConnection);
	record.externalConnections = [externalConnection];
	context.store.commit({packagesUnchanged: true});
	return {json: {repository: repositoryDescription(state, record)}};
};

export const disassociateExternalConnection: RestHandler = (input, call, context) => {
	const {domain, domainOwner, repository, externalConnection} = readInputs(input, ['domain', 'repository', 'externalConnection'], ['domainOwner']);
	const {state} = context.store;
	call.authorize('codeartifact:DisassociateExternalConnection', repositoryArn(state, domain, repository));
	const record = requireRepository(state, domain, repository, domainOwner);
	if (!record.externalConnections.includes(externalConnection)) {
		throw notFound('repository', repository, `Repository ${repository} has no external connection ${externalConnection}.`);
	}
	record.externalConnections = record.externalConnections.filter(name => name !== externalConnection);
	context.store.commit({packagesUnchanged: true});
	return {json: {repository: repositoryDescription(state, record)}};
};
