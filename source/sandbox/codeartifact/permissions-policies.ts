import {randomBytes} from 'node:crypto';
import {parsePolicyDocument} from '../../iam-policy/evaluate.js';
import type {ApiCall} from '../context.js';
import type {RestHandler} from '../protocols/rest-json.js';
import type {DomainRecord, RepositoryRecord, ResourcePolicyRecord} from '../state.js';
import {domainArn, repositoryArn} from './arns.js';
import {checkOwner, conflict, notFound, requireDomain, requireRepository, type ResourceType} from './resources.js';
import {invalid, readInputs} from './validation.js';

// Domain and repository policies: resource-based policies that auth/authorize.ts evaluates with
// the caller's identity policies (and through which another account's principals get access).
// A revision names each stored document; a put or delete that names a revision is refused when
// the policy has changed since (optimistic locking, as the model documents).

export const putDomainPermissionsPolicy: RestHandler = (input, call, context) => {
	// This operation alone takes the domain and its owner in the body.
	const {
		bodyDomain: domain,
		bodyDomainOwner,
		policyRevision,
		policyDocument,
	} = readInputs(input, ['bodyDomain', 'policyDocument'], ['bodyDomainOwner', 'policyRevision']);
	const {state} = context.store;
	const owner = bodyDomainOwner ?? callerOwnedDomain(call, state.accountId);
	checkOwner(state, domain, owner); // another account's domain is not found before anything is authorised, as api.ts does for the query's domain-owner
	const arn = domainArn(state, domain);
	call.authorize('codeartifact:PutDomainPermissionsPolicy', arn);
	const record = requireDomain(state, domain, owner);
	return put(record, 'domain', domain, arn, policyDocument, policyRevision, () => context.store.commit({packagesUnchanged: true}));
};

export const getDomainPermissionsPolicy: RestHandler = (input, call, context) => {
	const {domain, domainOwner} = readInputs(input, ['domain'], ['domainOwner']);
	const {state} = context.store;
	const arn = domainArn(state, domain);
	call.authorize('codeartifact:GetDomainPermissionsPolicy', arn);
	return {json: {policy: output(existing(requireDomain(state, domain, domainOwner), 'domain', domain), arn)}};
};

export const deleteDomainPermissionsPolicy: RestHandler = (input, call, context) => {
	const {domain, domainOwner, policyRevisionQuery} = readInputs(input, ['domain'], ['domainOwner', 'policyRevisionQuery']);
	const {state} = context.store;
	const arn = domainArn(state, domain);
	call.authorize('codeartifact:DeleteDomainPermissionsPolicy', arn);
	return remove(requireDomain(state, domain, domainOwner), 'domain', domain, arn, policyRevisionQuery, () => context.store.commit({packagesUnchanged: true}));
};

export const putRepositoryPermissionsPolicy: RestHandler = (input, call, context) => {
	const {domain, domainOwner, repository, policyRevision, policyDocument} = readInputs(
		input,
		['domain', 'repository', 'policyDocument'],
		['domainOwner', 'policyRevision'],
	);
	const {state} = context.store;
	const arn = repositoryArn(state, domain, repository);
	call.authorize('codeartifact:PutRepositoryPermissionsPolicy', arn);
	const record = requireRepository(state, domain, repository, domainOwner);
	return put(record, 'repository', repository, arn, policyDocument, policyRevision, () => context.store.commit({packagesUnchanged: true}));
};

export const getRepositoryPermissionsPolicy: RestHandler = (input, call, context) => {
	const {domain, domainOwner, repository} = readInputs(input, ['domain', 'repository'], ['domainOwner']);
	const {state} = context.store;
	const arn = repositoryArn(state, domain, repository);
	call.authorize('codeartifact:GetRepositoryPermissionsPolicy', arn);
	return {json: {policy: output(existing(requireRepository(state, domain, repository, domainOwner), 'repository', repository), arn)}};
};

export const deleteRepositoryPermissionsPolicy: RestHandler = (input, call, context) => {
	const {domain, domainOwner, repository, policyRevisionQuery} = readInputs(input, ['domain', 'repository'], ['domainOwner', 'policyRevisionQuery']);
	const {state} = context.store;
	const arn = repositoryArn(state, domain, repository);
	call.authorize('codeartifact:DeleteRepositoryPermissionsPolicy', arn);
	const record = requireRepository(state, domain, repository, domainOwner);
	return remove(record, 'repository', repository, arn, policyRevisionQuery, () => context.store.commit({packagesUnchanged: true}));
};

type PolicyHolder = DomainRecord | RepositoryRecord;

/** Without a domainOwner AWS takes the caller's own account: another account's caller names a domain it does not own. */
function callerOwnedDomain(call: ApiCall, accountId: string): string | undefined {
	return call.principal.accountId === accountId ? undefined : call.principal.accountId;
}

function put(record: PolicyHolder, type: ResourceType, name: string, arn: string, document: string, revision: string | undefined, commit: () => void) {
	const parsed = parsePolicyDocument(document, {kind: 'resource'});
	if (!parsed.ok) throw invalid(`Invalid policy document: ${parsed.message}`);
	checkRevision(record.permissionsPolicy, type, name, revision);
	record.permissionsPolicy = {document, revision: randomBytes(32).toString('base64')};
	commit();
	return {json: {policy: output(record.permissionsPolicy, arn)}};
}

function remove(record: PolicyHolder, type: ResourceType, name: string, arn: string, revision: string | undefined, commit: () => void) {
	const policy = existing(record, type, name);
	checkRevision(policy, type, name, revision);
	delete record.permissionsPolicy;
	commit();
	return {json: {policy: output(policy, arn)}};
}

function existing(record: PolicyHolder, type: ResourceType, name: string): ResourcePolicyRecord {
	if (!record.permissionsPolicy) throw notFound(type, name, `No resource policy is set on the ${type} ${name}.`);
	return record.permissionsPolicy;
}

/** A named revision must be the stored policy's: someone else's change since is not overwritten. */
function checkRevision(policy: ResourcePolicyRecord | undefined, type: ResourceType, name: string, revision: string | undefined): void {
	if (revision === undefined || revision === policy?.revision) return;
	const current = policy ? `its current revision is ${policy.revision}` : 'it has no resource policy';
	throw conflict(
		type,
		name,
		`The policy revision ${revision} does not match the ${type} ${name}: ${current}. Read the policy again and retry with its revision.`,
	);
}

function output(policy: ResourcePolicyRecord, resourceArn: string) {
	return {resourceArn, revision: policy.revision, document: policy.document};
}
