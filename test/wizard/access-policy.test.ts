import {describe, expect, it} from 'vitest';
import {parsePolicyDocument} from '../../source/iam-policy/evaluate.js';
import {buildHostPolicy, domainArn, ec2TrustPolicy, policyCovers, repositoryArn, trustsEc2, type AccessTarget} from '../../source/wizard/access-policy.js';

const target: AccessTarget = {region: 'eu-west-1', account: '123456789012', domain: 'd', repositories: ['maven-repo', 'maven-central-store']};
const DOMAIN_ARN = 'arn:aws:codeartifact:eu-west-1:123456789012:domain/d';
const REPO_ARN = 'arn:aws:codeartifact:eu-west-1:123456789012:repository/d/maven-repo';
const UPSTREAM_ARN = 'arn:aws:codeartifact:eu-west-1:123456789012:repository/d/maven-central-store';
const BEARER = {
	Sid: 'BearerTokenForCodeArtifact',
	Effect: 'Allow',
	Action: 'sts:GetServiceBearerToken',
	Resource: '*',
	Condition: {StringEquals: {'sts:AWSServiceName': 'codeartifact.amazonaws.com'}},
};

const policy = (...statements: unknown[]) => JSON.stringify({Version: '2012-10-17', Statement: statements});

describe('buildHostPolicy', () => {
	const {document, text, explanations} = buildHostPolicy(target);

	it('grants exactly the three least-privilege statements', () => {
		expect(document).toEqual({
			Version: '2012-10-17',
			Statement: [
				{Sid: 'GetCodeArtifactToken', Effect: 'Allow', Action: 'codeartifact:GetAuthorizationToken', Resource: DOMAIN_ARN},
				{
					Sid: 'ReadRepositories',
					Effect: 'Allow',
					Action: ['codeartifact:GetRepositoryEndpoint', 'codeartifact:ReadFromRepository'],
					Resource: [REPO_ARN, UPSTREAM_ARN],
				},
				BEARER,
			],
		});
	});

	it('prints the document as 2-space JSON that IAM would accept', () => {
		expect(text).toBe(JSON.stringify(document, null, 2));
		expect(parsePolicyDocument(text, {kind: 'identity'})).toEqual({ok: true, document: JSON.parse(text)});
	});

	it('explains each statement in one line', () => {
		expect(explanations).toHaveLength(document.Statement.length);
		expect(explanations[0]).toMatch(/^GetCodeArtifactToken: .*domain d, owned by 123456789012, in eu-west-1/);
		expect(explanations[1]).toMatch(/^ReadRepositories: .*maven-repo and maven-central-store/);
		expect(explanations[2]).toMatch(/^BearerTokenForCodeArtifact: .*codeartifact\.amazonaws\.com/);
		for (const line of explanations) expect(line).not.toContain('\n');
	});

	it('uses the domain owner, the partition and each repository once', () => {
		const other = buildHostPolicy({...target, partition: 'aws-cn', region: 'cn-north-1', domainOwner: '999999999999', repositories: ['r', 'r']});
		expect(other.document.Statement[0]?.Resource).toBe('arn:aws-cn:codeartifact:cn-north-1:999999999999:domain/d');
		expect(other.document.Statement[1]?.Resource).toEqual(['arn:aws-cn:codeartifact:cn-north-1:999999999999:repository/d/r']);
		expect(other.explanations[1]).toMatch(/download packages from it;/);
	});

	it('refuses to build a policy for no repository', () => {
		expect(() => buildHostPolicy({...target, repositories: []})).toThrow(RangeError);
	});

	it('exposes the ARN builders', () => {
		expect(domainArn(target)).toBe(DOMAIN_ARN);
		expect(repositoryArn(target, 'maven-repo')).toBe(REPO_ARN);
	});
});

describe('ec2TrustPolicy / trustsEc2', () => {
	it('lets ec2.amazonaws.com assume the role, in a document IAM accepts as a trust policy', () => {
		const text = ec2TrustPolicy();
		expect(JSON.parse(text)).toEqual({
			Version: '2012-10-17',
			Statement: [{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}],
		});
		expect(parsePolicyDocument(text, {kind: 'trust'}).ok).toBe(true);
		expect(trustsEc2(text)).toBe(true);
	});

	const trust = (statement: Record<string, unknown>) => JSON.stringify({Version: '2012-10-17', Statement: statement});

	it.each([
		[
			'a list of services',
			{Effect: 'Allow', Principal: {Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com']}, Action: ['sts:AssumeRole', 'sts:TagSession']},
			true,
		],
		['a wildcard action', {Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:*'}, true],
		['differently-cased action', {Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'STS:assumerole'}, true],
		['everyone', {Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole'}, true],
		[
			'a condition on the Allow',
			{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole', Condition: {StringEquals: {'aws:SourceAccount': '123456789012'}}},
			true,
		],
		['another service only', {Effect: 'Allow', Principal: {Service: 'lambda.amazonaws.com'}, Action: 'sts:AssumeRole'}, false],
		['an account principal', {Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::123456789012:root'}, Action: 'sts:AssumeRole'}, false],
		['a web-identity action only', {Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRoleWithWebIdentity'}, false],
		['NotPrincipal', {Effect: 'Allow', NotPrincipal: {Service: 'lambda.amazonaws.com'}, Action: 'sts:AssumeRole'}, false],
	])('%s → %s', (_label, statement, expected) => {
		expect(trustsEc2(trust(statement))).toBe(expected);
	});

	it('a Deny for EC2 wins over the Allow', () => {
		const text = JSON.stringify({
			Statement: [
				{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'},
				{Effect: 'Deny', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'},
			],
		});
		expect(trustsEc2(text)).toBe(false);
	});

	it('is false for text that is not a policy', () => {
		for (const text of ['', 'not json', '[]', 'null', '{"Statement": 3}']) expect(trustsEc2(text)).toBe(false);
	});
});

describe('policyCovers', () => {
	it('the generated policy covers its own target', () => {
		expect(policyCovers(buildHostPolicy(target).text, target)).toEqual({covers: true, missing: []});
	});

	it('a broader policy covers: codeartifact:* and sts:* on *', () => {
		const broad = policy({Effect: 'Allow', Action: ['codeartifact:*', 'sts:GetServiceBearerToken'], Resource: '*'});
		expect(policyCovers(broad, target)).toEqual({covers: true, missing: []});
		expect(policyCovers(policy({Effect: 'Allow', Action: '*', Resource: '*'}), target).covers).toBe(true);
	});

	it('codeartifact:* without the bearer statement reports the bearer token missing', () => {
		const result = policyCovers(policy({Effect: 'Allow', Action: 'codeartifact:*', Resource: '*'}), target);
		expect(result).toEqual({covers: false, missing: ['sts:GetServiceBearerToken on * for codeartifact.amazonaws.com']});
	});

	it('a bearer statement for another service does not count', () => {
		const ecrOnly = {...BEARER, Condition: {StringEquals: {'sts:AWSServiceName': 'ecr.amazonaws.com'}}};
		const result = policyCovers(policy({Effect: 'Allow', Action: 'codeartifact:*', Resource: '*'}, ecrOnly), target);
		expect(result.missing).toEqual(['sts:GetServiceBearerToken on * for codeartifact.amazonaws.com']);
	});

	it('lists each repository that cannot be read', () => {
		const repoOnly = buildHostPolicy({...target, repositories: ['maven-repo']}).text;
		expect(policyCovers(repoOnly, target)).toEqual({
			covers: false,
			missing: [`codeartifact:GetRepositoryEndpoint on ${UPSTREAM_ARN}`, `codeartifact:ReadFromRepository on ${UPSTREAM_ARN}`],
		});
	});

	it('a policy for another domain or region covers nothing but the bearer token', () => {
		const elsewhere = buildHostPolicy({...target, region: 'us-east-1'}).text;
		const result = policyCovers(elsewhere, target);
		expect(result.covers).toBe(false);
		expect(result.missing).toEqual([
			`codeartifact:GetAuthorizationToken on ${DOMAIN_ARN}`,
			`codeartifact:GetRepositoryEndpoint on ${REPO_ARN}`,
			`codeartifact:ReadFromRepository on ${REPO_ARN}`,
			`codeartifact:GetRepositoryEndpoint on ${UPSTREAM_ARN}`,
			`codeartifact:ReadFromRepository on ${UPSTREAM_ARN}`,
		]);
	});

	it('a Deny removes coverage, and says so', () => {
		const document = buildHostPolicy(target).document;
		const withDeny = JSON.stringify({
			...document,
			Statement: [...document.Statement, {Effect: 'Deny', Action: 'codeartifact:ReadFromRepository', Resource: UPSTREAM_ARN}],
		});
		expect(policyCovers(withDeny, target)).toEqual({covers: false, missing: [`codeartifact:ReadFromRepository on ${UPSTREAM_ARN} (explicitly denied)`]});
	});

	it("a Deny in another of the role's policies removes coverage too", () => {
		const deny = policy({Effect: 'Deny', Action: 'sts:*', Resource: '*'});
		const result = policyCovers([buildHostPolicy(target).text, deny], target);
		expect(result.missing).toEqual(['sts:GetServiceBearerToken on * for codeartifact.amazonaws.com (explicitly denied)']);
	});

	it('several policies together can cover', () => {
		const token = policy({Effect: 'Allow', Action: 'codeartifact:GetAuthorizationToken', Resource: DOMAIN_ARN}, BEARER);
		const read = policy({
			Effect: 'Allow',
			Action: ['codeartifact:Get*', 'codeartifact:Read*'],
			Resource: 'arn:aws:codeartifact:eu-west-1:123456789012:repository/d/*',
		});
		expect(policyCovers([token, read], target).covers).toBe(true);
		expect(policyCovers([token], target).covers).toBe(false);
	});

	it('an unreadable document covers nothing', () => {
		const result = policyCovers('{not json', target);
		expect(result.covers).toBe(false);
		expect(result.missing).toHaveLength(6);
	});
});
