import {describe, expect, it} from 'vitest';
import {evaluateResourcePolicies, type PolicyPrincipal} from '../../source/iam-policy/evaluate.js';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const request = {action: 'codeartifact:ReadFromRepository', resource: `arn:aws:codeartifact:us-east-1:${ACCOUNT}:repository/d/r`};
const session: PolicyPrincipal = {
	arn: `arn:aws:sts::${ACCOUNT}:assumed-role/builder/i-0abc`,
	account: ACCOUNT,
	roleArn: `arn:aws:iam::${ACCOUNT}:role/builder`,
};
const user: PolicyPrincipal = {arn: `arn:aws:iam::${OTHER}:user/partner-admin`, account: OTHER};
const allowing = (principal: unknown, key: 'Principal' | 'NotPrincipal' = 'Principal') => [
	{Version: '2012-10-17', Statement: [{Effect: 'Allow', [key]: principal, Action: 'codeartifact:ReadFromRepository', Resource: '*'}]},
];

describe('evaluateResourcePolicies: whom a Principal element names', () => {
	it('an account, as its id or its root ARN, names everyone in it and nobody else', () => {
		for (const name of [OTHER, `arn:aws:iam::${OTHER}:root`]) {
			expect(evaluateResourcePolicies(allowing({AWS: name}), request, user)).toBe('Allow');
			expect(evaluateResourcePolicies(allowing({AWS: name}), request, session)).toBe('ImplicitDeny');
		}
	});

	it("a role's ARN names each of its sessions; a session's ARN that session; a user's ARN that user", () => {
		expect(evaluateResourcePolicies(allowing({AWS: session.roleArn}), request, session)).toBe('Allow');
		expect(evaluateResourcePolicies(allowing({AWS: [session.arn]}), request, session)).toBe('Allow');
		expect(evaluateResourcePolicies(allowing({AWS: user.arn}), request, user)).toBe('Allow');
		expect(evaluateResourcePolicies(allowing({AWS: `arn:aws:iam::${OTHER}:user/someone-else`}), request, user)).toBe('ImplicitDeny');
	});

	it('"*" names everyone; a service principal names none of these callers', () => {
		expect(evaluateResourcePolicies(allowing('*'), request, user)).toBe('Allow');
		expect(evaluateResourcePolicies(allowing({AWS: '*'}), request, session)).toBe('Allow');
		expect(evaluateResourcePolicies(allowing({Service: 'codebuild.amazonaws.com'}), request, session)).toBe('ImplicitDeny');
	});

	it('NotPrincipal applies to everyone it does not name', () => {
		expect(evaluateResourcePolicies(allowing({AWS: OTHER}, 'NotPrincipal'), request, session)).toBe('Allow');
		expect(evaluateResourcePolicies(allowing({AWS: OTHER}, 'NotPrincipal'), request, user)).toBe('ImplicitDeny');
	});

	it('a statement without a principal never applies, and a Deny naming the caller wins', () => {
		const noPrincipal = [{Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]}];
		expect(evaluateResourcePolicies(noPrincipal, request, user)).toBe('ImplicitDeny');
		const denied = [
			{
				Version: '2012-10-17',
				Statement: [
					{Effect: 'Allow', Principal: '*', Action: '*', Resource: '*'},
					{Effect: 'Deny', Principal: {AWS: OTHER}, Action: 'codeartifact:Read*', Resource: '*'},
				],
			},
		];
		expect(evaluateResourcePolicies(denied, request, user)).toBe('ExplicitDeny');
		expect(evaluateResourcePolicies(denied, request, session)).toBe('Allow');
	});
});
