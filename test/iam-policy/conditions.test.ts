import {describe, expect, it} from 'vitest';
import {parseOperator} from '../../source/iam-policy/conditions.js';
import {evaluatePolicies, type AuthorizationRequest} from '../../source/iam-policy/evaluate.js';

const ACCOUNT = '123456789012';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/builder`;

/** Decision for an Allow-everything statement guarded by `condition`. */
function decide(condition: unknown, context?: AuthorizationRequest['context'], version = '2012-10-17') {
	const document = {Version: version, Statement: {Effect: 'Allow', Action: '*', Resource: '*', Condition: condition}};
	return evaluatePolicies([document], {action: 'codeartifact:GetAuthorizationToken', resource: '*', context});
}

describe('sts:GetServiceBearerToken guarded by sts:AWSServiceName', () => {
	const document = {
		Version: '2012-10-17',
		Statement: [
			{
				Effect: 'Allow',
				Action: 'sts:GetServiceBearerToken',
				Resource: '*',
				Condition: {StringEquals: {'sts:AWSServiceName': 'codeartifact.amazonaws.com'}},
			},
		],
	};
	const decideFor = (context?: AuthorizationRequest['context']) => evaluatePolicies([document], {action: 'sts:GetServiceBearerToken', resource: '*', context});

	it('allows for CodeArtifact', () => {
		expect(decideFor({'sts:AWSServiceName': 'codeartifact.amazonaws.com'})).toBe('Allow');
	});

	it('denies for another service, a differently-cased value, or no key', () => {
		expect(decideFor({'sts:AWSServiceName': 'ecr.amazonaws.com'})).toBe('ImplicitDeny');
		expect(decideFor({'sts:AWSServiceName': 'CodeArtifact.amazonaws.com'})).toBe('ImplicitDeny');
		expect(decideFor()).toBe('ImplicitDeny');
	});

	it('looks condition keys up case-insensitively on both sides', () => {
		expect(decideFor({'STS:awsservicename': 'codeartifact.amazonaws.com'})).toBe('Allow');
		expect(decide({StringEquals: {'sts:awsSERVICEname': 'codeartifact.amazonaws.com'}}, {'sts:AWSServiceName': 'codeartifact.amazonaws.com'})).toBe('Allow');
	});
});

describe('string operators', () => {
	it.each([
		[{StringEquals: {'aws:username': 'alice'}}, 'alice', 'Allow'],
		[{StringEquals: {'aws:username': 'Alice'}}, 'alice', 'ImplicitDeny'],
		[{StringEquals: {'aws:username': 'al*'}}, 'alice', 'ImplicitDeny'],
		[{StringEquals: {'aws:username': 'al*'}}, 'al*', 'Allow'],
		[{StringNotEquals: {'aws:username': 'bob'}}, 'alice', 'Allow'],
		[{StringNotEquals: {'aws:username': ['bob', 'alice']}}, 'alice', 'ImplicitDeny'],
		[{StringEqualsIgnoreCase: {'aws:username': 'ALICE'}}, 'alice', 'Allow'],
		[{StringNotEqualsIgnoreCase: {'aws:username': 'ALICE'}}, 'alice', 'ImplicitDeny'],
		[{StringLike: {'aws:username': 'al?c*'}}, 'alice', 'Allow'],
		[{StringLike: {'aws:username': 'Al*'}}, 'alice', 'ImplicitDeny'],
		[{StringNotLike: {'aws:username': 'b*'}}, 'alice', 'Allow'],
		[{StringNotLike: {'aws:username': 'a*'}}, 'alice', 'ImplicitDeny'],
	])('%j with aws:username=%s → %s', (condition, username, expected) => {
		expect(decide(condition, {'aws:username': username})).toBe(expected);
	});

	it('ORs values for one key and ANDs keys and operators', () => {
		const context = {'aws:username': 'alice', 'aws:RequestedRegion': 'us-east-1'};
		expect(decide({StringEquals: {'aws:username': ['bob', 'alice']}}, context)).toBe('Allow');
		expect(decide({StringEquals: {'aws:username': 'alice', 'aws:RequestedRegion': 'us-east-1'}}, context)).toBe('Allow');
		expect(decide({StringEquals: {'aws:username': 'alice', 'aws:RequestedRegion': 'eu-west-1'}}, context)).toBe('ImplicitDeny');
		expect(decide({StringEquals: {'aws:username': 'alice'}, StringLike: {'aws:RequestedRegion': 'eu-*'}}, context)).toBe('ImplicitDeny');
		expect(decide({StringEquals: {'aws:username': 'alice'}, StringLike: {'aws:RequestedRegion': 'us-*'}}, context)).toBe('Allow');
	});

	it('treats a missing key as false for positive and true for negated operators', () => {
		expect(decide({StringLike: {'aws:username': '*'}})).toBe('ImplicitDeny');
		expect(decide({StringNotEquals: {'aws:username': 'bob'}})).toBe('Allow');
		expect(decide({StringNotLike: {'aws:username': 'bob'}})).toBe('Allow');
	});

	it('substitutes policy variables in values, only in 2012-10-17 documents', () => {
		const condition = {StringEquals: {'aws:PrincipalTag/owner': '${aws:username}'}};
		const context = {'aws:username': 'alice', 'aws:PrincipalTag/owner': 'alice'};
		expect(decide(condition, context)).toBe('Allow');
		expect(decide(condition, context, '2008-10-17')).toBe('ImplicitDeny');
		expect(decide(condition, {...context, 'aws:username': 'bob'})).toBe('ImplicitDeny');
	});
});

describe('ARN operators', () => {
	it('matches aws:PrincipalArn with ArnLike and ArnEquals', () => {
		const context = {'aws:PrincipalArn': ROLE_ARN};
		expect(decide({ArnLike: {'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/*`}}, context)).toBe('Allow');
		expect(decide({ArnEquals: {'aws:PrincipalArn': ROLE_ARN}}, context)).toBe('Allow');
		expect(decide({ArnLike: {'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:user/*`}}, context)).toBe('ImplicitDeny');
		expect(decide({ArnNotLike: {'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:user/*`}}, context)).toBe('Allow');
		expect(decide({ArnNotEquals: {'aws:PrincipalArn': ROLE_ARN}}, context)).toBe('ImplicitDeny');
	});

	it('keeps wildcards inside one ARN component but lets the resource part span colons', () => {
		const context = {'aws:SourceArn': 'arn:aws:logs:us-east-1:123456789012:log-group:build:*'};
		expect(decide({ArnLike: {'aws:SourceArn': 'arn:aws:logs:*:123456789012:*'}}, context)).toBe('Allow');
		expect(decide({ArnLike: {'aws:SourceArn': 'arn:aws:*:123456789012:*'}}, context)).toBe('ImplicitDeny');
		expect(decide({ArnLike: {'aws:SourceArn': 'arn:aws:logs:us-east-?:*:log-group:*'}}, context)).toBe('Allow');
	});

	it('never matches a value that is not an ARN', () => {
		expect(decide({ArnLike: {'aws:SourceArn': '*'}}, {'aws:SourceArn': 'not-an-arn'})).toBe('ImplicitDeny');
	});
});

describe('Bool, Null, Numeric, Date, IpAddress', () => {
	it('Bool compares true/false, accepting JSON booleans', () => {
		expect(decide({Bool: {'aws:SecureTransport': 'true'}}, {'aws:SecureTransport': 'true'})).toBe('Allow');
		expect(decide({Bool: {'aws:SecureTransport': true}}, {'aws:SecureTransport': 'TRUE'})).toBe('Allow');
		expect(decide({Bool: {'aws:SecureTransport': false}}, {'aws:SecureTransport': 'true'})).toBe('ImplicitDeny');
		expect(decide({Bool: {'aws:SecureTransport': 'false'}})).toBe('ImplicitDeny');
	});

	it('Null tests presence', () => {
		expect(decide({Null: {'aws:TokenIssueTime': 'true'}})).toBe('Allow');
		expect(decide({Null: {'aws:TokenIssueTime': 'true'}}, {'aws:TokenIssueTime': 'x'})).toBe('ImplicitDeny');
		expect(decide({Null: {'aws:TokenIssueTime': false}}, {'aws:TokenIssueTime': 'x'})).toBe('Allow');
		expect(decide({Null: {'aws:TokenIssueTime': 'false'}})).toBe('ImplicitDeny');
	});

	it('compares numbers and dates', () => {
		expect(decide({NumericLessThanEquals: {'aws:MultiFactorAuthAge': '3600'}}, {'aws:MultiFactorAuthAge': '60'})).toBe('Allow');
		expect(decide({NumericLessThan: {'aws:MultiFactorAuthAge': 30}}, {'aws:MultiFactorAuthAge': '60'})).toBe('ImplicitDeny');
		expect(decide({NumericEquals: {'aws:MultiFactorAuthAge': '1'}}, {'aws:MultiFactorAuthAge': 'abc'})).toBe('ImplicitDeny');
		expect(decide({DateGreaterThan: {'aws:CurrentTime': '2020-01-01T00:00:00Z'}}, {'aws:CurrentTime': '2024-05-01T12:00:00Z'})).toBe('Allow');
		expect(decide({DateLessThan: {'aws:CurrentTime': '2020-01-01T00:00:00Z'}}, {'aws:CurrentTime': '1714564800'})).toBe('ImplicitDeny');
	});

	it('matches IPv4 and IPv6 ranges', () => {
		expect(decide({IpAddress: {'aws:SourceIp': '10.0.0.0/8'}}, {'aws:SourceIp': '10.1.2.3'})).toBe('Allow');
		expect(decide({IpAddress: {'aws:SourceIp': '10.0.0.0/8'}}, {'aws:SourceIp': '192.168.0.1'})).toBe('ImplicitDeny');
		expect(decide({NotIpAddress: {'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32']}}, {'aws:SourceIp': '2001:db8::1'})).toBe('ImplicitDeny');
		expect(decide({IpAddress: {'aws:SourceIp': '203.0.113.7'}}, {'aws:SourceIp': '203.0.113.7'})).toBe('Allow');
	});
});

describe('IfExists and set qualifiers', () => {
	it('IfExists holds when the key is absent and tests it when present', () => {
		const condition = {StringEqualsIfExists: {'sts:AWSServiceName': 'codeartifact.amazonaws.com'}};
		expect(decide(condition)).toBe('Allow');
		expect(decide(condition, {'sts:AWSServiceName': 'codeartifact.amazonaws.com'})).toBe('Allow');
		expect(decide(condition, {'sts:AWSServiceName': 'ecr.amazonaws.com'})).toBe('ImplicitDeny');
		expect(decide({ArnLikeIfExists: {'aws:SourceArn': 'arn:aws:s3:::b'}}, {'aws:SourceArn': 'arn:aws:s3:::c'})).toBe('ImplicitDeny');
	});

	it('ForAnyValue needs one matching value and fails when the key is absent', () => {
		const condition = {'ForAnyValue:StringEquals': {'aws:TagKeys': ['team', 'cost-center']}};
		expect(decide(condition, {'aws:TagKeys': ['env', 'team']})).toBe('Allow');
		expect(decide(condition, {'aws:TagKeys': ['env']})).toBe('ImplicitDeny');
		expect(decide(condition)).toBe('ImplicitDeny');
		expect(decide(condition, {'aws:TagKeys': []})).toBe('ImplicitDeny');
		expect(decide({'ForAnyValue:StringNotEquals': {'aws:TagKeys': 'env'}}, {'aws:TagKeys': ['env', 'team']})).toBe('Allow');
	});

	it('ForAllValues needs every value to match and holds when the key is absent', () => {
		const condition = {'ForAllValues:StringLike': {'aws:TagKeys': ['team', 'cost-*']}};
		expect(decide(condition, {'aws:TagKeys': ['team', 'cost-center']})).toBe('Allow');
		expect(decide(condition, {'aws:TagKeys': ['team', 'env']})).toBe('ImplicitDeny');
		expect(decide(condition)).toBe('Allow');
		expect(decide({'ForAllValues:StringNotEquals': {'aws:TagKeys': 'env'}}, {'aws:TagKeys': ['team', 'env']})).toBe('ImplicitDeny');
	});

	it('without a qualifier, a multi-valued key matches any value, and negation means none matches', () => {
		expect(decide({StringEquals: {'aws:TagKeys': 'team'}}, {'aws:TagKeys': ['env', 'team']})).toBe('Allow');
		expect(decide({StringNotEquals: {'aws:TagKeys': 'team'}}, {'aws:TagKeys': ['env', 'team']})).toBe('ImplicitDeny');
	});
});

describe('parseOperator', () => {
	it.each([
		['StringEquals', {base: 'StringEquals', set: undefined, ifExists: false}],
		['StringLikeIfExists', {base: 'StringLike', set: undefined, ifExists: true}],
		['ForAnyValue:StringEquals', {base: 'StringEquals', set: 'ForAnyValue', ifExists: false}],
		['ForAllValues:ArnLikeIfExists', {base: 'ArnLike', set: 'ForAllValues', ifExists: true}],
		['Null', {base: 'Null', ifExists: false}],
	])('parses %s', (name, expected) => {
		expect(parseOperator(name)).toEqual(expected);
	});

	it.each(['StringEqual', 'stringequals', 'NullIfExists', 'ForAnyValue:Null', 'ForSomeValues:StringEquals', 'constructor', 'IfExists', ''])(
		'rejects %j',
		name => {
			expect(parseOperator(name)).toBeUndefined();
		},
	);
});
