import {createHash} from 'node:crypto';
import type {RestHandler} from '../protocols/rest-json.js';
import {entry, type DomainRecord, type SandboxState} from '../state.js';
import {domainArn} from './arns.js';
import {removeDomainGroups} from './package-group-store.js';
import {compareText, paginate} from './pagination.js';
import {checkTagCount, readTags} from './request-tags.js';
import {conflict, requireDomain} from './resources.js';
import {domainDescription, domainSummary, epochSeconds} from './shapes.js';
import {readInputs} from './validation.js';

export const createDomain: RestHandler = (input, call, context) => {
	const {domain, encryptionKey} = readInputs(input, ['domain'], ['encryptionKey']);
	const {state} = context.store;
	const tags = readTags(input);
	call.authorize('codeartifact:CreateDomain', domainArn(state, domain), tags.context);
	tags.check();
	checkTagCount('domain', domain, tags.items.length);
	if (entry(state.domains, domain)) throw conflict('domain', domain, `Domain ${domain} already exists in account ${state.accountId}.`);
	const record: DomainRecord = {name: domain, createdTime: epochSeconds(context.now()), encryptionKey: encryptionKey ?? managedKeyArn(state), tags: tags.items};
	state.domains[domain] = record;
	context.store.commit({packagesUnchanged: true});
	return {json: {domain: domainDescription(state, record)}};
};

export const describeDomain: RestHandler = (input, call, context) => {
	const {domain, domainOwner} = readInputs(input, ['domain'], ['domainOwner']);
	const {state} = context.store;
	call.authorize('codeartifact:DescribeDomain', domainArn(state, domain));
	return {json: {domain: domainDescription(state, requireDomain(state, domain, domainOwner))}};
};

export const listDomains: RestHandler = (input, call, context) => {
	const {bodyMaxResults, bodyNextToken} = readInputs(input, [], ['bodyMaxResults', 'bodyNextToken']);
	const {state} = context.store;
	call.authorize('codeartifact:ListDomains', '*');
	const sorted = Object.values(state.domains).sort((a, b) => compareText(a.name, b.name));
	const page = paginate(sorted, 'ListDomains', bodyMaxResults, bodyNextToken, d => d.name);
	return {json: {domains: page.items.map(d => domainSummary(state, d)), ...(page.nextToken ? {nextToken: page.nextToken} : {})}};
};

/** AWS refuses to delete a domain that still has repositories: they must be deleted first. */
export const deleteDomain: RestHandler = (input, call, context) => {
	const {domain, domainOwner} = readInputs(input, ['domain'], ['domainOwner']);
	const {state} = context.store;
	call.authorize('codeartifact:DeleteDomain', domainArn(state, domain));
	const record = requireDomain(state, domain, domainOwner);
	const remaining = Object.values(state.repositories)
		.filter(r => r.domain === domain)
		.map(r => r.name)
		.sort();
	if (remaining.length > 0) {
		throw conflict(
			'domain',
			domain,
			`Domain ${domain} contains ${remaining.length} repositories (${remaining.join(', ')}). Delete its repositories before deleting the domain.`,
		);
	}
	const description = domainDescription(state, record, 'Deleted');
	delete state.domains[domain];
	removeDomainGroups(state, domain);
	context.store.commit();
	return {json: {domain: description}};
};

/** The AWS-managed `aws/codeartifact` key: one per account and region, so derived rather than stored. */
function managedKeyArn(state: SandboxState): string {
	const hex = createHash('sha256').update(`aws/codeartifact:${state.accountId}:${state.region}`).digest('hex');
	const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	return `arn:aws:kms:${state.region}:${state.accountId}:key/${uuid}`;
}
