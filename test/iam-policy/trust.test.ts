import {describe, expect, it} from 'vitest';
import {evaluateTrust} from '../../source/iam-policy/trust.js';

const ec2 = {service: 'ec2.amazonaws.com'};
const trust = (...statements: unknown[]) => ({Version: '2012-10-17', Statement: statements});
const allow = (Principal: unknown, Action: unknown = 'sts:AssumeRole', extra: object = {}) => ({Effect: 'Allow', Principal, Action, ...extra});

describe('evaluateTrust: may a service assume the role?', () => {
	it('allows the service the policy names, for sts:AssumeRole', () => {
		expect(evaluateTrust(trust(allow({Service: 'ec2.amazonaws.com'})), ec2)).toBe('Allow');
		expect(evaluateTrust(JSON.stringify(trust(allow({Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com']}))), ec2)).toBe('Allow');
		expect(evaluateTrust(trust(allow({Service: 'ec2.amazonaws.com'}, 'sts:*')), ec2)).toBe('Allow');
		expect(evaluateTrust(trust(allow({Service: 'ec2.amazonaws.com'}, 'STS:assumerole')), ec2)).toBe('Allow');
	});

	it('refuses a service the policy does not name, or another action', () => {
		expect(evaluateTrust(trust(allow({Service: 'lambda.amazonaws.com'})), ec2)).toBe('ImplicitDeny');
		expect(evaluateTrust(trust(allow({AWS: 'arn:aws:iam::123456789012:root'})), ec2)).toBe('ImplicitDeny');
		expect(evaluateTrust(trust(allow({Service: 'ec2.amazonaws.com'}, 'sts:TagSession')), ec2)).toBe('ImplicitDeny');
	});

	it('takes "*" as everyone, services included', () => {
		expect(evaluateTrust(trust(allow('*')), ec2)).toBe('Allow');
		expect(evaluateTrust(trust(allow({AWS: '*'})), ec2)).toBe('Allow');
	});

	it('lets a matching Deny win, and reads NotPrincipal and NotAction', () => {
		const denyEc2 = {Effect: 'Deny', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:*'};
		expect(evaluateTrust(trust(allow('*'), denyEc2), ec2)).toBe('ExplicitDeny');
		expect(evaluateTrust(trust(allow('*'), {Effect: 'Deny', NotPrincipal: {Service: 'lambda.amazonaws.com'}, Action: '*'}), ec2)).toBe('ExplicitDeny');
		expect(evaluateTrust(trust(allow('*'), {Effect: 'Deny', NotPrincipal: {Service: 'ec2.amazonaws.com'}, Action: '*'}), ec2)).toBe('Allow');
		expect(evaluateTrust(trust({Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, NotAction: 'sts:TagSession'}), ec2)).toBe('Allow');
	});

	it('honours conditions, and fails closed on anything malformed', () => {
		const conditioned = allow({Service: 'ec2.amazonaws.com'}, 'sts:AssumeRole', {Condition: {StringEquals: {'aws:SourceAccount': '123456789012'}}});
		expect(evaluateTrust(trust(conditioned), ec2)).toBe('ImplicitDeny');
		expect(evaluateTrust(trust(conditioned), {...ec2, context: {'aws:SourceAccount': '123456789012'}})).toBe('Allow');
		expect(
			evaluateTrust(
				trust(allow({Service: 'ec2.amazonaws.com'}, 'sts:AssumeRole', {Condition: {StringEquals: {'aws:PrincipalServiceName': 'ec2.amazonaws.com'}}})),
				ec2,
			),
		).toBe('Allow');
		expect(evaluateTrust('not json', ec2)).toBe('ImplicitDeny');
		expect(evaluateTrust('{}', ec2)).toBe('ImplicitDeny');
		expect(evaluateTrust(trust({Effect: 'Allow', Action: 'sts:AssumeRole'}), ec2)).toBe('ImplicitDeny');
		expect(evaluateTrust(trust(allow({Service: 42})), ec2)).toBe('ImplicitDeny');
	});
});
