import {describe, expect, it} from 'vitest';
import {parsePolicyDocument} from '../../source/iam-policy/evaluate.js';

const SYNTAX = 'Syntax errors in policy.';
const statement = (extra: object = {}) => ({Effect: 'Allow', Action: 'codeartifact:GetAuthorizationToken', Resource: '*', ...extra});
const identity = (statements: unknown, top: object = {}) => parsePolicyDocument(JSON.stringify({Version: '2012-10-17', Statement: statements, ...top}));
const messageOf = (result: ReturnType<typeof parsePolicyDocument>) => (result.ok ? undefined : result.message);

describe('parsePolicyDocument (identity)', () => {
	it('accepts a valid policy and returns the parsed document', () => {
		const document = {
			Version: '2012-10-17',
			Id: 'ca-wizard',
			Statement: [
				statement({Sid: 'Token', Resource: 'arn:aws:codeartifact:us-east-1:123456789012:domain/my-domain'}),
				{
					Sid: 'Bearer',
					Effect: 'Allow',
					Action: 'sts:GetServiceBearerToken',
					Resource: '*',
					Condition: {StringEquals: {'sts:AWSServiceName': 'codeartifact.amazonaws.com'}},
				},
				{Effect: 'Deny', NotAction: ['codeartifact:*', 'sts:*'], NotResource: 'arn:aws:iam::*:role/x'},
			],
		};
		expect(parsePolicyDocument(JSON.stringify(document))).toEqual({ok: true, document});
	});

	it.each([
		['without a Version', {Statement: statement()}],
		['with Version 2008-10-17', {Version: '2008-10-17', Statement: statement()}],
		['with a single Statement object and string elements', {Statement: {Effect: 'Deny', Action: '*', Resource: '*'}}],
		[
			'with qualified operators',
			{
				Statement: statement({
					Condition: {
						'ForAnyValue:StringLikeIfExists': {'aws:TagKeys': ['a*']},
						'ForAllValues:StringEquals': {'aws:TagKeys': 'a'},
						Null: {'aws:TokenIssueTime': true},
						NumericLessThan: {'aws:MultiFactorAuthAge': 3600},
						IpAddress: {'aws:SourceIp': '10.0.0.0/8'},
					},
				}),
			},
		],
	])('accepts a policy %s', (_label, document) => {
		expect(parsePolicyDocument(JSON.stringify(document)).ok).toBe(true);
	});

	it.each([
		['text that is not JSON', '{"Version": '],
		['a JSON array', '[]'],
		['JSON null', 'null'],
		['a JSON string', '"policy"'],
	])('reports syntax errors for %s', (_label, text) => {
		expect(messageOf(parsePolicyDocument(text))).toBe(SYNTAX);
	});

	it.each([
		['an unknown Version', {Version: '2012-10-18', Statement: statement()}],
		['a numeric Version', {Version: 2012, Statement: statement()}],
		['an unknown top-level field', {Version: '2012-10-17', Statement: statement(), Statements: []}],
		['a non-string Id', {Version: '2012-10-17', Id: 1, Statement: statement()}],
		['no Statement', {Version: '2012-10-17'}],
		['an empty Statement list', {Version: '2012-10-17', Statement: []}],
		['a string Statement', {Version: '2012-10-17', Statement: 'Allow'}],
		['a non-object statement', {Version: '2012-10-17', Statement: [statement(), 'x']}],
		['an unknown statement field', {Statement: statement({Actions: 'x'})}],
		['a missing Effect', {Statement: {Action: '*', Resource: '*'}}],
		['an unknown Effect', {Statement: statement({Effect: 'Permit'})}],
		['both Action and NotAction', {Statement: statement({NotAction: 'iam:*'})}],
		['both Resource and NotResource', {Statement: statement({NotResource: '*'})}],
		['a numeric Action', {Statement: statement({Action: 1})}],
		['a non-string Resource entry', {Statement: statement({Resource: ['*', 2]})}],
		['a non-string Sid', {Statement: statement({Sid: 1})}],
		['an unknown condition operator', {Statement: statement({Condition: {StringEqual: {'aws:username': 'a'}}})}],
		['a lower-case condition operator', {Statement: statement({Condition: {stringequals: {'aws:username': 'a'}}})}],
		['Null with IfExists', {Statement: statement({Condition: {NullIfExists: {'aws:username': 'true'}}})}],
		['a condition value that is an object', {Statement: statement({Condition: {StringEquals: {'aws:username': {a: 1}}}})}],
		['a condition operator that is not an object', {Statement: statement({Condition: {StringEquals: 'a'}})}],
	])('reports syntax errors for %s', (_label, document) => {
		expect(messageOf(parsePolicyDocument(JSON.stringify(document)))).toBe(SYNTAX);
	});

	it.each([
		['a lower-case Effect', statement({Effect: 'allow'}), 'The policy failed legacy parsing'],
		['a Principal', statement({Principal: {AWS: '*'}}), 'Policy document should not specify a principal.'],
		['a NotPrincipal', statement({NotPrincipal: '*'}), 'Policy document should not specify a principal.'],
		[
			'a non-alphanumeric Sid',
			statement({Sid: 'read-token'}),
			'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
		],
		['no Action', {Effect: 'Allow', Resource: '*'}, 'Policy statement must contain actions.'],
		['an empty Action list', statement({Action: []}), 'Policy statement must contain actions.'],
		['no Resource', {Effect: 'Allow', Action: '*'}, 'Policy statement must contain resources.'],
		['an empty NotResource list', {Effect: 'Allow', Action: '*', NotResource: []}, 'Policy statement must contain resources.'],
		['a Resource that is not an ARN', statement({Resource: 'my-domain'}), 'Resource my-domain must be in ARN format or "*".'],
		['an Action without a vendor', statement({Action: 'GetAuthorizationToken'}), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
		['an Action with two colons', statement({Action: 'codeartifact:Get:Token'}), 'Actions/Condition can contain only one colon.'],
		['an invalid vendor', statement({Action: 'code artifact:Get*'}), 'Vendor code artifact is not valid'],
		['a wildcard vendor', {Effect: 'Deny', NotAction: '*:Get*', Resource: '*'}, 'Vendor * is not valid'],
		[
			'a condition key without a vendor',
			statement({Condition: {StringEquals: {username: 'a'}}}),
			'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
		],
	])('rejects %s', (_label, document, message) => {
		expect(messageOf(identity(document))).toBe(message);
	});

	it('rejects duplicate Sids', () => {
		expect(messageOf(identity([statement({Sid: 'A'}), statement({Sid: 'A'})]))).toBe('Statement IDs (SID) in a single policy must be unique.');
		expect(identity([statement({Sid: ''}), statement({Sid: ''})]).ok).toBe(true);
	});

	it('reports problems in IAM stage order, across statements', () => {
		// The Principal on the second statement outranks the missing Resource on the first.
		const result = identity([{Effect: 'Allow', Action: '*'}, statement({Principal: '*'})]);
		expect(messageOf(result)).toBe('Policy document should not specify a principal.');
		expect(messageOf(identity([{Effect: 'allow', Action: 'x'}]))).toBe('The policy failed legacy parsing');
	});
});

describe('parsePolicyDocument (trust)', () => {
	const trust = (statements: unknown) => parsePolicyDocument(JSON.stringify({Version: '2012-10-17', Statement: statements}), {kind: 'trust'});
	const assume = (Principal: unknown, extra: object = {}) => ({Effect: 'Allow', Principal, Action: 'sts:AssumeRole', ...extra});

	it.each([
		['a service principal', assume({Service: 'codeartifact.amazonaws.com'})],
		['service principals in a list', assume({Service: ['ec2.amazonaws.com', 'codebuild.amazonaws.com']})],
		['an account root', assume({AWS: 'arn:aws:iam::123456789012:root'})],
		['a bare account id', assume({AWS: '123456789012'})],
		['everyone', assume('*')],
		[
			'a federated provider',
			assume(
				{Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'},
				{Action: 'sts:AssumeRoleWithWebIdentity', Condition: {StringEquals: {'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com'}}},
			),
		],
		['sts:TagSession next to AssumeRole', assume({AWS: '123456789012'}, {Action: ['sts:AssumeRole', 'sts:TagSession']})],
	])('accepts %s', (_label, document) => {
		expect(trust(document).ok).toBe(true);
	});

	it.each([
		[
			'no Principal',
			{Effect: 'Allow', Action: 'sts:AssumeRole'},
			'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
		],
		['a Resource', assume('*', {Resource: '*'}), 'Has prohibited field Resource'],
		['a NotResource', assume('*', {NotResource: '*'}), 'Has prohibited field NotResource'],
		['a non-STS action', assume('*', {Action: ['sts:AssumeRole', 's3:GetObject']}), 'AssumeRole policy may only specify STS AssumeRole actions.'],
		['no Action', {Effect: 'Allow', Principal: '*'}, 'Policy statement must contain actions.'],
		['an unknown service', assume({Service: 'ec2.amazonaws'}), 'Invalid principal in policy: "SERVICE":"ec2.amazonaws"'],
		['a malformed AWS principal', assume({AWS: 'arn:aws:iam::12345:root'}), 'Invalid principal in policy: "AWS":"arn:aws:iam::12345:root"'],
		['an unknown principal type', assume({Robot: 'r2d2'}), 'Invalid principal in policy: "Robot"'],
		['a principal that is a bare ARN string', assume('arn:aws:iam::123456789012:root'), SYNTAX],
		['an empty principal', assume({}), SYNTAX],
	])('rejects %s', (_label, document, message) => {
		expect(messageOf(trust(document))).toBe(message);
	});
});
