import {describe, expect, it} from 'vitest';
import {denialMessage, evaluatePolicies, type AuthorizationRequest} from '../../source/iam-policy/evaluate.js';

const ACCOUNT = '123456789012';
const DOMAIN_ARN = `arn:aws:codeartifact:us-east-1:${ACCOUNT}:domain/my-domain`;
const REPO_ARN = `arn:aws:codeartifact:us-east-1:${ACCOUNT}:repository/dom/repo`;

const policy = (...statements: unknown[]) => ({Version: '2012-10-17', Statement: statements});
const allow = (Action: unknown, Resource: unknown = '*', extra: object = {}) => ({Effect: 'Allow', Action, Resource, ...extra});
const deny = (Action: unknown, Resource: unknown = '*', extra: object = {}) => ({Effect: 'Deny', Action, Resource, ...extra});
const request = (action: string, resource = DOMAIN_ARN, context?: AuthorizationRequest['context']): AuthorizationRequest => ({action, resource, context});

describe('evaluatePolicies decisions', () => {
	it('implicitly denies with no policies or no matching statement', () => {
		expect(evaluatePolicies([], request('codeartifact:GetAuthorizationToken'))).toBe('ImplicitDeny');
		expect(evaluatePolicies([policy(allow('codeartifact:ListRepositories'))], request('codeartifact:GetAuthorizationToken'))).toBe('ImplicitDeny');
	});

	it('allows on a matching Allow statement', () => {
		expect(evaluatePolicies([policy(allow('codeartifact:GetAuthorizationToken', DOMAIN_ARN))], request('codeartifact:GetAuthorizationToken'))).toBe('Allow');
	});

	it('lets a matching Deny win whatever its position, within and across documents', () => {
		const req = request('codeartifact:GetAuthorizationToken');
		expect(evaluatePolicies([policy(allow('*'), deny('codeartifact:*'))], req)).toBe('ExplicitDeny');
		expect(evaluatePolicies([policy(deny('codeartifact:*'), allow('*'))], req)).toBe('ExplicitDeny');
		expect(evaluatePolicies([policy(allow('*')), policy(deny('codeartifact:GetAuthorizationToken', DOMAIN_ARN))], req)).toBe('ExplicitDeny');
	});

	it('reports ExplicitDeny even without any Allow', () => {
		expect(evaluatePolicies([policy(deny('*'))], request('sts:GetCallerIdentity'))).toBe('ExplicitDeny');
	});

	it('ignores a Deny that does not match', () => {
		const docs = [policy(allow('codeartifact:*'), deny('codeartifact:DeleteDomain'))];
		expect(evaluatePolicies(docs, request('codeartifact:GetAuthorizationToken'))).toBe('Allow');
		expect(evaluatePolicies(docs, request('codeartifact:DeleteDomain'))).toBe('ExplicitDeny');
	});

	it('accepts a single Statement object and string or array elements', () => {
		const single = {Version: '2012-10-17', Statement: allow(['sts:GetServiceBearerToken', 'codeartifact:Get*'], [DOMAIN_ARN])};
		expect(evaluatePolicies([single], request('codeartifact:GetAuthorizationToken'))).toBe('Allow');
		expect(evaluatePolicies([single], request('sts:GetServiceBearerToken'))).toBe('Allow');
		expect(evaluatePolicies([single], request('sts:GetServiceBearerToken', REPO_ARN))).toBe('ImplicitDeny');
	});
});

describe('action matching', () => {
	const decide = (pattern: string, action: string) => evaluatePolicies([policy(allow(pattern))], request(action));

	it.each([
		['codeartifact:*', 'codeartifact:GetAuthorizationToken', 'Allow'],
		['codeartifact:*', 'sts:GetServiceBearerToken', 'ImplicitDeny'],
		['codeartifact:Get*', 'codeartifact:GetAuthorizationToken', 'Allow'],
		['codeartifact:Get*', 'codeartifact:ListDomains', 'ImplicitDeny'],
		['codeartifact:Get*', 'codeartifact:Get', 'Allow'],
		['*', 'ec2:RunInstances', 'Allow'],
		['codeartifact:?etAuthorizationToken', 'codeartifact:GetAuthorizationToken', 'Allow'],
		['codeartifact:?AuthorizationToken', 'codeartifact:GetAuthorizationToken', 'ImplicitDeny'],
		['code*:Get*', 'codeartifact:GetRepositoryEndpoint', 'Allow'],
		['codeartifact:GetAuthorizationToken', 'codeartifact:GetAuthorizationTokens', 'ImplicitDeny'],
	])('%s against %s → %s', (pattern, action, expected) => {
		expect(decide(pattern, action)).toBe(expected);
	});

	it('is case-insensitive on both sides, service prefix included', () => {
		expect(decide('CODEARTIFACT:getauthorizationtoken', 'codeartifact:GetAuthorizationToken')).toBe('Allow');
		expect(decide('codeartifact:GetAuthorizationToken', 'CodeArtifact:GETAUTHORIZATIONTOKEN')).toBe('Allow');
		expect(decide('CodeArtifact:get*', 'codeartifact:GetPackageVersionAsset')).toBe('Allow');
	});
});

describe('resource matching', () => {
	const pattern = `arn:aws:codeartifact:*:${ACCOUNT}:repository/dom/*`;
	const decide = (resourcePattern: unknown, resource: string) =>
		evaluatePolicies([policy(allow('codeartifact:*', resourcePattern))], request('codeartifact:ReadFromRepository', resource));

	it('lets wildcards span any region and repository name', () => {
		expect(decide(pattern, REPO_ARN)).toBe('Allow');
		expect(decide(pattern, `arn:aws:codeartifact:eu-west-1:${ACCOUNT}:repository/dom/other`)).toBe('Allow');
	});

	it('does not match another account, domain or resource type', () => {
		expect(decide(pattern, 'arn:aws:codeartifact:us-east-1:210987654321:repository/dom/repo')).toBe('ImplicitDeny');
		expect(decide(pattern, `arn:aws:codeartifact:us-east-1:${ACCOUNT}:repository/other/repo`)).toBe('ImplicitDeny');
		expect(decide(pattern, `arn:aws:codeartifact:us-east-1:${ACCOUNT}:domain/dom`)).toBe('ImplicitDeny');
	});

	it('lets * and ? span : and /', () => {
		expect(decide('arn:aws:codeartifact:*', REPO_ARN)).toBe('Allow');
		expect(decide(`arn:aws:codeartifact:us-east-1:${ACCOUNT}:*`, REPO_ARN)).toBe('Allow');
		expect(decide(`arn:aws:codeartifact:us-east-1:${ACCOUNT}:repository?dom?repo`, REPO_ARN)).toBe('Allow');
	});

	it('is case-sensitive', () => {
		expect(decide(`arn:aws:codeartifact:us-east-1:${ACCOUNT}:Repository/dom/*`, REPO_ARN)).toBe('ImplicitDeny');
		expect(decide(REPO_ARN.toUpperCase(), REPO_ARN)).toBe('ImplicitDeny');
	});

	it('matches any resource in a list', () => {
		expect(decide([DOMAIN_ARN, pattern], REPO_ARN)).toBe('Allow');
	});
});

describe('NotAction and NotResource', () => {
	it('NotAction allows everything except the listed actions', () => {
		const docs = [policy({Effect: 'Allow', NotAction: ['iam:*', 'codeartifact:Delete*'], Resource: '*'})];
		expect(evaluatePolicies(docs, request('codeartifact:GetAuthorizationToken'))).toBe('Allow');
		expect(evaluatePolicies(docs, request('iam:CreateUser'))).toBe('ImplicitDeny');
		expect(evaluatePolicies(docs, request('codeartifact:DeleteDomain'))).toBe('ImplicitDeny');
	});

	it('a Deny with NotAction denies everything not listed', () => {
		const docs = [policy(allow('*'), {Effect: 'Deny', NotAction: 'sts:*', Resource: '*'})];
		expect(evaluatePolicies(docs, request('sts:GetServiceBearerToken'))).toBe('Allow');
		expect(evaluatePolicies(docs, request('codeartifact:GetAuthorizationToken'))).toBe('ExplicitDeny');
	});

	it('NotResource applies to every resource not listed', () => {
		const docs = [policy(allow('codeartifact:*'), {Effect: 'Deny', Action: 'codeartifact:*', NotResource: `arn:aws:codeartifact:*:${ACCOUNT}:*/dom*`})];
		expect(evaluatePolicies(docs, request('codeartifact:ReadFromRepository', REPO_ARN))).toBe('Allow');
		expect(evaluatePolicies(docs, request('codeartifact:ReadFromRepository', DOMAIN_ARN))).toBe('ExplicitDeny');
	});
});

describe('malformed input fails closed', () => {
	const req = request('codeartifact:GetAuthorizationToken');

	it.each([
		['lower-case effect', {Effect: 'allow', Action: '*', Resource: '*'}],
		['unknown effect', {Effect: 'Permit', Action: '*', Resource: '*'}],
		['no Resource', {Effect: 'Allow', Action: '*'}],
		['no Action', {Effect: 'Allow', Resource: '*'}],
		['both Action and NotAction', {Effect: 'Allow', Action: '*', NotAction: 'iam:*', Resource: '*'}],
		['both Resource and NotResource', {Effect: 'Allow', Action: '*', Resource: '*', NotResource: 'arn:aws:iam::*'}],
		['a Principal', {Effect: 'Allow', Principal: '*', Action: '*', Resource: '*'}],
		['a non-string Action', {Effect: 'Allow', Action: 42, Resource: '*'}],
		['an empty Action list', {Effect: 'Allow', Action: [], Resource: '*'}],
		['an empty NotAction list', {Effect: 'Allow', NotAction: [], Resource: '*'}],
		['an unknown condition operator', allow('*', '*', {Condition: {StringEqual: {'aws:username': 'x'}}})],
		['a non-object Condition', allow('*', '*', {Condition: 'yes'})],
		['a non-object statement', 'Allow everything'],
	])('a statement with %s never allows', (_label, statement) => {
		expect(evaluatePolicies([policy(statement)], req)).toBe('ImplicitDeny');
	});

	it('a Deny with an unknown operator does not deny', () => {
		const docs = [policy(allow('*'), deny('*', '*', {Condition: {Bogus: {'aws:username': 'x'}}}))];
		expect(evaluatePolicies(docs, req)).toBe('Allow');
	});

	it('skips documents that are not policies', () => {
		expect(evaluatePolicies([null, 42, [], 'not json', {Statement: 'x'}, policy(allow('*'))], req)).toBe('Allow');
	});

	it('accepts a document held as JSON text', () => {
		expect(evaluatePolicies([JSON.stringify(policy(deny('codeartifact:*')))], req)).toBe('ExplicitDeny');
	});
});

describe('policy variables', () => {
	const userArn = `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`;
	const req = (username?: string) => request('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/alice`, username === undefined ? {} : {'aws:username': username});

	it('substitutes context values in Resource (2012-10-17 only)', () => {
		expect(evaluatePolicies([policy(allow('iam:GetUser', userArn))], req('alice'))).toBe('Allow');
		expect(evaluatePolicies([policy(allow('iam:GetUser', userArn))], req('bob'))).toBe('ImplicitDeny');
		const legacy = {Version: '2008-10-17', Statement: allow('iam:GetUser', userArn)};
		expect(evaluatePolicies([legacy], req('alice'))).toBe('ImplicitDeny');
	});

	it('does not match when the variable cannot be resolved, unless a default is given', () => {
		expect(evaluatePolicies([policy(allow('iam:GetUser', userArn))], req())).toBe('ImplicitDeny');
		const withDefault = `arn:aws:iam::${ACCOUNT}:user/\${aws:username, 'alice'}`;
		expect(evaluatePolicies([policy(allow('iam:GetUser', withDefault))], req())).toBe('Allow');
	});

	it('treats ${*} as a literal asterisk', () => {
		const literal = `arn:aws:iam::${ACCOUNT}:user/\${*}`;
		expect(evaluatePolicies([policy(allow('iam:GetUser', literal))], req('alice'))).toBe('ImplicitDeny');
		expect(evaluatePolicies([policy(allow('iam:GetUser', literal))], request('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/*`))).toBe('Allow');
	});
});

describe('denialMessage', () => {
	const principal = `arn:aws:iam::${ACCOUNT}:user/alice`;
	const req = request('codeartifact:GetAuthorizationToken');

	it('words an implicit deny as AWS does', () => {
		expect(denialMessage(principal, req, 'ImplicitDeny')).toBe(
			`User: arn:aws:iam::123456789012:user/alice is not authorized to perform: codeartifact:GetAuthorizationToken on resource: arn:aws:codeartifact:us-east-1:123456789012:domain/my-domain because no identity-based policy allows the codeartifact:GetAuthorizationToken action`,
		);
	});

	it('words an explicit deny as AWS does, with nothing after it', () => {
		expect(denialMessage(principal, req, 'ExplicitDeny')).toBe(
			`User: arn:aws:iam::123456789012:user/alice is not authorized to perform: codeartifact:GetAuthorizationToken on resource: arn:aws:codeartifact:us-east-1:123456789012:domain/my-domain with an explicit deny in an identity-based policy`,
		);
	});
});
