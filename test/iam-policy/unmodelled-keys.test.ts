import {describe, expect, it} from 'vitest';
import {evaluatePolicies, type AuthorizationRequest} from '../../source/iam-policy/evaluate.js';

// A caller tells which condition keys it models; a statement that depends on any other key must
// fail closed (a Deny applies, an Allow does not), while a modelled key that is absent keeps
// AWS's semantics for absence (Null, ...IfExists, negated operators).

const ACCOUNT = '123456789012';
const DOMAIN = `arn:aws:codeartifact:us-east-1:${ACCOUNT}:domain/builders`;
/** Models aws:username (absent here, as for a role session) and principal tags, nothing else beyond the context. */
const modelled = (key: string) => key === 'aws:username' || key.startsWith('aws:principaltag/');
const request = (context: AuthorizationRequest['context'] = {}, resource = DOMAIN): AuthorizationRequest => ({
	action: 'codeartifact:DescribeDomain',
	resource,
	context: {'aws:PrincipalType': 'AssumedRole', ...context},
	modelled,
});
const allowAll = {Effect: 'Allow', Action: '*', Resource: '*'};
const policy = (...statements: object[]) => ({Version: '2012-10-17', Statement: statements});
const denyIf = (condition: object) => policy(allowAll, {Effect: 'Deny', Action: '*', Resource: '*', Condition: condition});
const allowIf = (condition: object) => policy({...allowAll, Condition: condition});

describe('a condition on a key the caller does not model', () => {
	it.each([
		{StringEquals: {'aws:SourceVpc': 'vpc-1'}},
		{StringNotEquals: {'aws:SourceVpc': 'vpc-1'}},
		{StringEqualsIfExists: {'aws:SourceVpc': 'vpc-1'}},
		{'ForAllValues:StringEquals': {'aws:SourceVpc': 'vpc-1'}},
		{Null: {'aws:SourceVpc': 'false'}},
		{Null: {'aws:SourceVpc': 'true'}},
		{Bool: {'AWS:MultiFactorAuthPresent': 'false'}},
	])('makes a Deny apply and an Allow not: %j', condition => {
		expect(evaluatePolicies([denyIf(condition)], request())).toBe('ExplicitDeny');
		expect(evaluatePolicies([allowIf(condition)], request())).toBe('ImplicitDeny');
	});

	it('leaves a Deny out when another of its conditions certainly fails', () => {
		const condition = {StringEquals: {'aws:SourceVpc': 'vpc-1', 'aws:PrincipalType': 'User'}};
		expect(evaluatePolicies([denyIf(condition)], request())).toBe('Allow');
	});

	it('keeps a Deny whose action or resource does not match out of it', () => {
		const deny = {Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: {StringEquals: {'aws:SourceVpc': 'vpc-1'}}};
		expect(evaluatePolicies([policy(allowAll, deny)], request())).toBe('Allow');
	});
});

describe('a modelled key that is absent keeps AWS semantics', () => {
	it.each([
		[{StringEquals: {'aws:username': 'alice'}}, 'Allow'],
		[{StringNotEquals: {'aws:username': 'alice'}}, 'ExplicitDeny'],
		[{StringEqualsIfExists: {'aws:username': 'alice'}}, 'ExplicitDeny'],
		[{Null: {'aws:username': 'true'}}, 'ExplicitDeny'],
		[{Null: {'aws:username': 'false'}}, 'Allow'],
		[{StringEquals: {'aws:PrincipalTag/team': 'builders'}}, 'Allow'],
	])('Deny if %j → %s', (condition, decision) => {
		expect(evaluatePolicies([denyIf(condition)], request())).toBe(decision);
	});

	it('takes a key given as undefined as known to be absent', () => {
		const condition = {StringEquals: {'iam:PermissionsBoundary': 'arn:aws:iam::123456789012:policy/b'}};
		expect(evaluatePolicies([denyIf(condition)], request({'iam:PermissionsBoundary': undefined}))).toBe('Allow');
		expect(evaluatePolicies([denyIf(condition)], request())).toBe('ExplicitDeny');
	});
});

describe('policy variables', () => {
	const denyOn = (resource: string) => policy(allowAll, {Effect: 'Deny', Action: '*', Resource: resource});
	const team = {'aws:PrincipalTag/team': 'builders'};

	it('resolve in Resource from the keys given', () => {
		const domainOfTeam = `arn:aws:codeartifact:*:*:domain/\${aws:PrincipalTag/team}`;
		expect(evaluatePolicies([denyOn(domainOfTeam)], request(team))).toBe('ExplicitDeny');
		expect(evaluatePolicies([denyOn(domainOfTeam)], request({'aws:PrincipalTag/team': 'testers'}))).toBe('Allow');
		// A modelled key that is absent matches nothing: the role carries no such tag.
		expect(evaluatePolicies([denyOn(domainOfTeam)], request())).toBe('Allow');
		const userid = `arn:aws:codeartifact:*:*:domain/\${aws:userid}`;
		expect(evaluatePolicies([denyOn(userid)], request({'aws:userid': 'builders'}))).toBe('ExplicitDeny');
	});

	it('in Resource naming a key the caller does not model make a Deny apply and an Allow not', () => {
		const ofVpc = `arn:aws:codeartifact:*:*:domain/\${aws:SourceVpc}`;
		expect(evaluatePolicies([denyOn(ofVpc)], request())).toBe('ExplicitDeny');
		expect(evaluatePolicies([policy(allowAll, {Effect: 'Deny', Action: '*', NotResource: ofVpc})], request())).toBe('ExplicitDeny');
		expect(evaluatePolicies([policy({...allowAll, Resource: ofVpc})], request())).toBe('ImplicitDeny');
		// A default does not help: the key may well have a value on AWS.
		expect(evaluatePolicies([denyOn(`arn:aws:codeartifact:*:*:domain/\${aws:SourceVpc, 'none'}`)], request())).toBe('ExplicitDeny');
	});

	it('in Resource naming aws:username stay unresolved for a role session, as on AWS', () => {
		expect(evaluatePolicies([denyOn(`arn:aws:codeartifact:*:*:domain/\${aws:username}`)], request())).toBe('Allow');
	});

	it('in condition values naming a key the caller does not model make a Deny apply', () => {
		const condition = {StringEquals: {'aws:PrincipalTag/team': '${aws:SourceVpc}'}};
		expect(evaluatePolicies([denyIf(condition)], request(team))).toBe('ExplicitDeny');
		expect(evaluatePolicies([allowIf(condition)], request(team))).toBe('ImplicitDeny');
		const resolved = {StringEquals: {'aws:PrincipalTag/team': '${aws:PrincipalTag/owner}'}};
		expect(evaluatePolicies([denyIf(resolved)], request({...team, 'aws:PrincipalTag/owner': 'builders'}))).toBe('ExplicitDeny');
		expect(evaluatePolicies([denyIf(resolved)], request({...team, 'aws:PrincipalTag/owner': 'testers'}))).toBe('Allow');
	});
});

describe('a caller that says nothing of what it models', () => {
	it('has every key missing from its context taken as absent, as before', () => {
		const {modelled: _, ...unmodelled} = request();
		expect(evaluatePolicies([denyIf({StringEquals: {'aws:SourceVpc': 'vpc-1'}})], unmodelled)).toBe('Allow');
	});
});
