import {describe, expect, it} from 'vitest';
import {buildHostPolicy, type AccessTarget} from '../../../source/wizard/access-policy.js';
import {checkPermissions} from '../../../source/wizard/doctor/permissions-check.js';
import type {TriageContext} from '../../../source/wizard/triage-fixes.js';

const target: AccessTarget = {region: 'eu-west-1', account: '111122223333', domain: 'acme', repositories: ['libs']};
const triage: TriageContext = {
	domain: 'acme',
	domainOwner: '111122223333',
	region: 'eu-west-1',
	instanceProfile: 'ca-wizard-build-host',
	host: {onEc2: true, roleName: 'ci'},
};
const granted = buildHostPolicy(target).text;
const policy = (...statements: unknown[]) => JSON.stringify({Version: '2012-10-17', Statement: statements});
const everything = policy({Effect: 'Allow', Action: '*', Resource: '*'});

describe('checkPermissions', () => {
	it("passes the wizard's policy, and a broader grant", () => {
		expect(checkPermissions({roleName: 'ci', documents: [granted]}, target, triage, 'ca-wizard --domain acme').status).toBe('ok');
		expect(checkPermissions({roleName: 'ci', documents: [everything]}, target, triage, 'ca-wizard --domain acme').status).toBe('ok');
	});

	it('names each missing permission and offers to attach the policy to the role', () => {
		const result = checkPermissions({roleName: 'ci', documents: []}, target, triage, 'ca-wizard --domain acme');
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			'codeartifact:GetAuthorizationToken on arn:aws:codeartifact:eu-west-1:111122223333:domain/acme (no policy of the role allows it)',
		);
		expect(result.message).toContain('codeartifact:ReadFromRepository on arn:aws:codeartifact:eu-west-1:111122223333:repository/acme/libs');
		expect(result.message).toContain('sts:GetServiceBearerToken on * for codeartifact.amazonaws.com');
		expect(result.message).not.toContain('GetRepositoryEndpoint'); // the wizard grants it; Maven does not need it
		expect(result.fix).toMatch(/^Attach the CodeArtifact read policy to role ci \(recommended\)\..*`ca-wizard --domain acme`/);
	});

	it('judges within the permissions boundary: what it leaves out is missing, and the fix names the boundary', () => {
		const boundary = {arn: 'arn:aws:iam::111122223333:policy/ci-boundary', document: policy({Effect: 'Allow', Action: 'codeartifact:*', Resource: '*'})};
		const result = checkPermissions({roleName: 'ci', documents: [everything], boundary}, target, triage, 'ca-wizard --domain acme');
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			'role ci may not:\n  sts:GetServiceBearerToken on * for codeartifact.amazonaws.com (its permissions boundary ci-boundary does not allow it)',
		);
		expect(result.fix).toContain('permissions boundary ci-boundary of role ci');
		expect(
			checkPermissions({roleName: 'ci', documents: [granted], boundary: {...boundary, document: everything}}, target, triage, 'ca-wizard --domain acme').status,
		).toBe('ok');
	});

	it('says a Deny cannot be lifted by attaching more', () => {
		const deny = policy({Effect: 'Deny', Action: 'codeartifact:ReadFromRepository', Resource: '*'});
		const result = checkPermissions({roleName: 'ci', documents: [granted, deny]}, target, triage, 'ca-wizard --domain acme');
		expect(result.message).toContain('(a policy of the role denies it)');
		expect(result.fix).toMatch(/^Remove the Deny/);
	});
});
