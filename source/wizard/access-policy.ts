// The least-privilege policy the build host needs to get a token and read the repositories,
// the EC2 trust policy for its role, and a check of whether policies it already has suffice.
// Coverage is decided by evaluating the documents (the sandbox's pure IAM evaluator), so a
// broader grant such as `codeartifact:*` on `*` counts and a Deny takes coverage away.

import {evaluatePolicies, type AuthorizationRequest} from '../iam-policy/evaluate.js';
import {isRecord, statementList, stringList} from '../iam-policy/json.js';
import {matchWildcard} from '../iam-policy/wildcard.js';

export interface AccessTarget {
	/** `aws` unless the account lives in another partition (aws-cn, aws-us-gov). */
	partition?: string;
	region: string;
	account: string;
	domain: string;
	/** The account that owns the domain; the caller's account when absent. */
	domainOwner?: string;
	/** E.g. [repository, 'maven-central-store']. */
	repositories: string[];
}

export interface PolicyStatement {
	Sid: string;
	Effect: 'Allow' | 'Deny';
	Action: string | string[];
	Resource: string | string[];
	Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyJson {
	Version: '2012-10-17';
	Statement: PolicyStatement[];
}

export const CODEARTIFACT_SERVICE = 'codeartifact.amazonaws.com';
const BEARER_CONDITION = {StringEquals: {'sts:AWSServiceName': CODEARTIFACT_SERVICE}};
const EC2_SERVICE = 'ec2.amazonaws.com';

export function domainArn(target: AccessTarget): string {
	return `${arnPrefix(target)}:domain/${target.domain}`;
}

export function repositoryArn(target: AccessTarget, repository: string): string {
	return `${arnPrefix(target)}:repository/${target.domain}/${repository}`;
}

export function buildHostPolicy(target: AccessTarget): {document: PolicyJson; text: string; explanations: string[]} {
	const repositories = unique(target.repositories);
	if (repositories.length === 0) throw new RangeError('buildHostPolicy needs at least one repository');
	const document: PolicyJson = {
		Version: '2012-10-17',
		Statement: [
			{Sid: 'GetCodeArtifactToken', Effect: 'Allow', Action: 'codeartifact:GetAuthorizationToken', Resource: domainArn(target)},
			{
				Sid: 'ReadRepositories',
				Effect: 'Allow',
				Action: ['codeartifact:GetRepositoryEndpoint', 'codeartifact:ReadFromRepository'],
				Resource: repositories.map(repository => repositoryArn(target, repository)),
			},
			{Sid: 'BearerTokenForCodeArtifact', Effect: 'Allow', Action: 'sts:GetServiceBearerToken', Resource: '*', Condition: BEARER_CONDITION},
		],
	};
	const owner = target.domainOwner ?? target.account;
	const explanations = [
		`GetCodeArtifactToken: ask for an authorization token (the password Maven sends) for domain ${target.domain}, owned by ${owner}, in ${target.region}.`,
		`ReadRepositories: look up the Maven endpoint of ${listWords(repositories)} and download packages from ${repositories.length === 1 ? 'it' : 'them'}; nothing can be published or changed.`,
		`BearerTokenForCodeArtifact: let STS issue the bearer token behind that authorization token, for CodeArtifact only (sts:AWSServiceName = ${CODEARTIFACT_SERVICE}).`,
	];
	return {document, text: JSON.stringify(document, null, 2), explanations};
}

/** The role trust policy that lets EC2 instances wear the role (ec2.amazonaws.com may sts:AssumeRole). */
export function ec2TrustPolicy(): string {
	const document = {
		Version: '2012-10-17',
		Statement: [{Effect: 'Allow', Principal: {Service: EC2_SERVICE}, Action: 'sts:AssumeRole'}],
	};
	return JSON.stringify(document, null, 2);
}

/**
 * Whether a role's trust policy lets EC2 assume it: some Allow names ec2.amazonaws.com (or
 * everyone) for sts:AssumeRole and no Deny does. Conditions on an Allow are taken to hold
 * (they usually narrow by account or source); a Deny counts whatever its conditions, so a
 * doubtful policy reads as "not trusted" and the wizard offers to fix it.
 */
export function trustsEc2(trustPolicyText: string): boolean {
	let parsed: unknown;
	try {
		parsed = JSON.parse(trustPolicyText);
	} catch {
		return false;
	}
	if (!isRecord(parsed)) return false;
	const statements = (statementList(parsed.Statement) ?? []).filter(isRecord).filter(namesEc2AssumeRole);
	return statements.some(statement => statement.Effect === 'Allow') && !statements.some(statement => statement.Effect === 'Deny');
}

/** Which of the (action, resource) pairs the build host needs the existing documents do not allow. */
export function policyCovers(existingDocumentText: string | readonly string[], target: AccessTarget): {covers: boolean; missing: string[]} {
	const documents = typeof existingDocumentText === 'string' ? [existingDocumentText] : [...existingDocumentText];
	const missing: string[] = [];
	for (const {request, label} of neededRequests(target)) {
		const decision = evaluatePolicies(documents, request);
		if (decision === 'Allow') continue;
		missing.push(decision === 'ExplicitDeny' ? `${label} (explicitly denied)` : label);
	}
	return {covers: missing.length === 0, missing};
}

/** Every (action, resource) the build host needs, with the words that name it when it is missing. */
export function neededRequests(target: AccessTarget): Array<{request: AuthorizationRequest; label: string}> {
	const region = {'aws:RequestedRegion': target.region};
	const needs: Array<{request: AuthorizationRequest; label: string}> = [];
	const need = (action: string, resource: string, context: Record<string, string> = {}, note = ''): void => {
		needs.push({request: {action, resource, context: {...region, ...context}}, label: `${action} on ${resource}${note}`});
	};
	need('codeartifact:GetAuthorizationToken', domainArn(target));
	for (const repository of unique(target.repositories)) {
		need('codeartifact:GetRepositoryEndpoint', repositoryArn(target, repository));
		need('codeartifact:ReadFromRepository', repositoryArn(target, repository));
	}
	need('sts:GetServiceBearerToken', '*', {'sts:AWSServiceName': CODEARTIFACT_SERVICE}, ` for ${CODEARTIFACT_SERVICE}`);
	return needs;
}

function namesEc2AssumeRole(statement: Record<string, unknown>): boolean {
	if (!('Action' in statement) || !('Principal' in statement)) return false; // NotAction / NotPrincipal: too subtle to trust
	const actions = stringList(statement.Action) ?? [];
	if (!actions.some(pattern => matchWildcard(pattern, 'sts:AssumeRole', {ignoreCase: true}))) return false;
	const principal = statement.Principal;
	if (principal === '*') return true;
	if (!isRecord(principal)) return false;
	const services = stringList(principal.Service) ?? [];
	const everyone = (stringList(principal.AWS) ?? []).includes('*');
	return everyone || services.includes(EC2_SERVICE);
}

function arnPrefix(target: AccessTarget): string {
	return `arn:${target.partition ?? 'aws'}:codeartifact:${target.region}:${target.domainOwner ?? target.account}`;
}

function unique(values: readonly string[]): string[] {
	return [...new Set(values)];
}

function listWords(values: readonly string[]): string {
	if (values.length <= 1) return values[0] ?? '(no repositories)';
	return `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}
