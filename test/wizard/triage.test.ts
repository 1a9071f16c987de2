import {describe, expect, it} from 'vitest';
import {AwsFailure, type AwsFailureKind} from '../../source/aws/errors.js';
import {parseDenial, triageTokenFailure, type TokenDiagnosis, type TriageContext} from '../../source/wizard/triage.js';

const ACCOUNT = '123456789012';
const OP = 'codeartifact:GetAuthorizationToken';
const ROLE_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/web-server/i-0abc`;
const DOMAIN_ARN = `arn:aws:codeartifact:eu-west-1:${ACCOUNT}:domain/d`;
const OTHER_PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/web-server-profile`;
const OUR_PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/ca-wizard-build-host`;

const failure = (kind: AwsFailureKind, message = 'failed', code = 'Code') => new AwsFailure(kind, code, message, OP);
const denial = (action: string, principal = ROLE_ARN, resource = DOMAIN_ARN, because = `because no identity-based policy allows the ${action} action`) =>
	failure('access-denied', `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} ${because}`, 'AccessDeniedException');

type Host = TriageContext['host'];
const withRole: Host = {onEc2: true, roleName: 'web-server', instanceProfileArn: OTHER_PROFILE};
const noProfile: Host = {onEc2: true};
const emptyProfile: Host = {onEc2: true, instanceProfileArn: OTHER_PROFILE};
const offEc2: Host = {onEc2: false};

const triage = (error: unknown, host: Host): TokenDiagnosis =>
	triageTokenFailure(error, {domain: 'd', domainOwner: ACCOUNT, region: 'eu-west-1', instanceProfile: 'ca-wizard-build-host', host});
const fixIds = (diagnosis: TokenDiagnosis) => diagnosis.fixes.map(fix => fix.id);

describe('parseDenial', () => {
	it("reads principal, action, resource and reason from AWS's message", () => {
		expect(
			parseDenial(`User: ${ROLE_ARN} is not authorized to perform: ${OP} on resource: ${DOMAIN_ARN} because no identity-based policy allows the ${OP} action`),
		).toEqual({
			principalArn: ROLE_ARN,
			action: OP,
			resource: DOMAIN_ARN,
			reason: `no identity-based policy allows the ${OP} action`,
		});
	});

	it('handles "with an explicit deny" and a missing resource', () => {
		expect(parseDenial(`User: ${ROLE_ARN} is not authorized to perform: sts:GetServiceBearerToken with an explicit deny in a service control policy`)).toEqual({
			principalArn: ROLE_ARN,
			action: 'sts:GetServiceBearerToken',
			resource: undefined,
			reason: 'with an explicit deny in a service control policy',
		});
		expect(parseDenial(`User: ${ROLE_ARN} is not authorized to perform: ${OP}.`)).toMatchObject({action: OP, reason: undefined});
	});

	it('falls back to finding a known action anywhere, or nothing', () => {
		expect(parseDenial('Not allowed: sts:GetServiceBearerToken')).toEqual({action: 'sts:GetServiceBearerToken'});
		expect(parseDenial('Access denied')).toEqual({});
	});
});

describe('triageTokenFailure', () => {
	describe('no credentials', () => {
		it('off EC2: explains how to configure credentials', () => {
			const diagnosis = triage(failure('no-credentials', 'Could not load credentials from any providers'), offEc2);
			expect(diagnosis.kind).toBe('no-credentials');
			expect(fixIds(diagnosis)).toEqual(['refresh-credentials']);
			expect(diagnosis.fixes[0]?.label).toBe('Configure credentials, then retry');
			expect(diagnosis.explanation.join(' ')).toMatch(/aws configure|aws sso login/);
		});

		it('on EC2 without an instance profile: associate one', () => {
			const diagnosis = triage(failure('no-credentials'), noProfile);
			expect(fixIds(diagnosis)).toEqual(['associate-profile']);
			expect(diagnosis.fixes[0]?.label).toContain('ca-wizard-build-host');
			expect(diagnosis.fixes[0]?.detail).toMatch(/nothing is replaced/);
		});

		it('on EC2 with a profile that holds no role: replacing loses nothing', () => {
			const diagnosis = triage(failure('no-credentials'), emptyProfile);
			expect(fixIds(diagnosis)).toEqual(['replace-association']);
			expect(diagnosis.fixes[0]?.detail).toMatch(/nothing is lost/);
		});

		it('on EC2 with a role whose credentials are not there yet: wait', () => {
			expect(fixIds(triage(failure('no-credentials'), withRole))).toEqual(['wait-and-retry']);
		});

		it("recognises the SDK's own error when it is not an AwsFailure", () => {
			expect(triage(new Error('Could not load credentials from any providers'), offEc2).kind).toBe('no-credentials');
			const providerError = Object.assign(new Error('no luck'), {name: 'CredentialsProviderError'});
			expect(triage(providerError, offEc2).kind).toBe('no-credentials');
			// An AwsFailure of another kind whose message says so is still a credentials problem.
			expect(triage(failure('service', 'Unable to locate credentials'), offEc2).kind).toBe('no-credentials');
		});
	});

	describe('access denied', () => {
		it('GetAuthorizationToken denied to a role: attach first, replace second and say what is lost', () => {
			const diagnosis = triage(denial(OP), withRole);
			expect(diagnosis.kind).toBe('denied-token');
			expect(diagnosis.deniedAction).toBe(OP);
			expect(diagnosis.principalArn).toBe(ROLE_ARN);
			expect(fixIds(diagnosis)).toEqual(['attach-to-current-role', 'replace-association']);
			expect(diagnosis.fixes[0]?.label).toContain('web-server');
			expect(diagnosis.fixes[0]?.detail).toMatch(/stays as it is/);
			expect(diagnosis.fixes[1]?.label).toBe('Replace instance profile web-server-profile with ca-wizard-build-host');
			expect(diagnosis.fixes[1]?.detail).toMatch(/lose every permission it grants/);
			expect(diagnosis.explanation[0]).toBe(`Role web-server may not call ${OP}.`);
			// The resource is in AWS's own words, which come with the explanation, verbatim.
			expect(diagnosis.awsError).toEqual({
				code: 'AccessDeniedException',
				message: `User: ${ROLE_ARN} is not authorized to perform: ${OP} on resource: ${DOMAIN_ARN} because no identity-based policy allows the ${OP} action`,
			});
		});

		it('GetServiceBearerToken denied: denied-bearer, explained', () => {
			const diagnosis = triage(denial('sts:GetServiceBearerToken', ROLE_ARN, '*'), withRole);
			expect(diagnosis.kind).toBe('denied-bearer');
			expect(diagnosis.deniedAction).toBe('sts:GetServiceBearerToken');
			expect(fixIds(diagnosis)).toEqual(['attach-to-current-role', 'replace-association']);
			expect(diagnosis.explanation[0]).toBe('Role web-server may not call sts:GetServiceBearerToken.');
			expect(diagnosis.explanation[1]).toMatch(/bearer token/);
		});

		it("on EC2 already wearing the wizard's profile: only attaching helps", () => {
			expect(fixIds(triage(denial(OP), {onEc2: true, roleName: 'ca-wizard-build-host', instanceProfileArn: OUR_PROFILE}))).toEqual(['attach-to-current-role']);
		});

		it('without a role on EC2: associate a profile, or replace an empty one', () => {
			expect(fixIds(triage(denial(OP), noProfile))).toEqual(['associate-profile']);
			expect(fixIds(triage(denial(OP), emptyProfile))).toEqual(['replace-association']);
		});

		it('off EC2: attach to the role named in the message; an IAM user gets no automatic fix', () => {
			const role = triage(denial(OP), offEc2);
			expect(fixIds(role)).toEqual(['attach-to-current-role']);
			expect(role.fixes[0]?.label).toContain('web-server');
			const user = triage(denial(OP, `arn:aws:iam::${ACCOUNT}:user/dev/alice`), offEc2);
			expect(user.kind).toBe('denied-token');
			expect(user.fixes).toEqual([]);
			expect(user.explanation[0]).toMatch(/^User alice may not call /);
		});

		it('a bare AccessDenied is taken as the token permission, without claiming which action', () => {
			const diagnosis = triage(failure('access-denied', 'Access denied'), withRole);
			expect(diagnosis.kind).toBe('denied-token');
			expect(diagnosis.deniedAction).toBeUndefined();
			expect(diagnosis.explanation[0]).toBe(`The build host may not call ${OP}.`);
		});

		it('an explicit deny: attaching cannot help, wearing a clean role can', () => {
			const diagnosis = triage(denial(OP, ROLE_ARN, DOMAIN_ARN, 'with an explicit deny in an identity-based policy'), withRole);
			expect(diagnosis.kind).toBe('denied-token');
			expect(fixIds(diagnosis)).toEqual(['replace-association']);
			expect(diagnosis.explanation[1]).toMatch(/explicit Deny/);
			const boundary = triage(denial(OP, ROLE_ARN, DOMAIN_ARN, 'because no permissions boundary allows the action'), withRole);
			expect(boundary.explanation[1]).toMatch(/permissions boundary/);
			expect(fixIds(triage(denial(OP, ROLE_ARN, DOMAIN_ARN, 'with an explicit deny in a session policy'), offEc2))).toEqual([]);
		});

		it('a service control policy: nothing the wizard can do', () => {
			const diagnosis = triage(denial('sts:GetServiceBearerToken', ROLE_ARN, '*', 'with an explicit deny in a service control policy'), withRole);
			expect(diagnosis.kind).toBe('denied-bearer');
			expect(diagnosis.fixes).toEqual([]);
			expect(diagnosis.explanation.join(' ')).toMatch(/administrator/);
		});

		it('a missing domain-policy grant is pointed out', () => {
			const diagnosis = triage(denial(OP, ROLE_ARN, DOMAIN_ARN, 'because no resource-based policy allows the action'), withRole);
			expect(diagnosis.explanation.at(-1)).toBe(`The domain's resource policy in account ${ACCOUNT} must allow this too.`);
		});

		it('another action is not ours to fix', () => {
			const diagnosis = triage(denial('kms:Decrypt', ROLE_ARN, 'arn:aws:kms:eu-west-1:123456789012:key/k'), withRole);
			expect(diagnosis.kind).toBe('other');
			expect(diagnosis.deniedAction).toBe('kms:Decrypt');
			expect(diagnosis.fixes).toEqual([]);
		});
	});

	it('not found: wrong domain owner or region', () => {
		const diagnosis = triage(failure('not-found', 'Domain d not found', 'ResourceNotFoundException'), withRole);
		expect(diagnosis.kind).toBe('wrong-owner-or-region');
		expect(fixIds(diagnosis)).toEqual(['check-domain-and-region']);
		expect(diagnosis.explanation[0]).toBe(`CodeArtifact found no domain d owned by account ${ACCOUNT} in eu-west-1.`);
		expect(diagnosis.fixes[0]?.detail).toContain('--region eu-west-1');
	});

	it('expired credentials: waiting first on EC2 (they renew), refreshing first elsewhere', () => {
		const onEc2 = triage(failure('expired-credentials', 'The security token included in the request is expired'), withRole);
		expect(onEc2.kind).toBe('expired-credentials');
		expect(fixIds(onEc2)).toEqual(['wait-and-retry', 'refresh-credentials']);
		expect(fixIds(triage(failure('expired-credentials'), offEc2))).toEqual(['refresh-credentials', 'wait-and-retry']);
	});

	it('invalid credentials: most likely a profile just replaced, so wait', () => {
		const onEc2 = triage(failure('invalid-credentials', 'The security token included in the request is invalid'), withRole);
		expect(onEc2.kind).toBe('invalid-credentials');
		expect(fixIds(onEc2)).toEqual(['wait-and-retry']);
		expect(onEc2.explanation.join(' ')).toMatch(/instance profile is replaced/);
		expect(fixIds(triage(failure('invalid-credentials'), offEc2))).toEqual(['refresh-credentials', 'wait-and-retry']);
	});

	it('network trouble and throttling: wait and retry', () => {
		expect(triage(failure('network', 'connect ECONNREFUSED'), withRole)).toMatchObject({kind: 'network', fixes: [{id: 'wait-and-retry'}]});
		const nodeError = Object.assign(new Error('getaddrinfo ENOTFOUND codeartifact.eu-west-1.amazonaws.com'), {code: 'ENOTFOUND'});
		expect(triage(nodeError, withRole).kind).toBe('network');
		expect(triage(Object.assign(new Error('timed out'), {name: 'TimeoutError'}), withRole).kind).toBe('network');
		expect(triage(failure('throttled', 'Rate exceeded', 'ThrottlingException'), withRole)).toMatchObject({kind: 'throttled', fixes: [{id: 'wait-and-retry'}]});
	});

	it("anything else: other, with AWS's words and a fix where one makes sense", () => {
		expect(triage(failure('service', 'Internal error'), withRole)).toMatchObject({kind: 'other', fixes: [{id: 'wait-and-retry'}]});
		expect(fixIds(triage(failure('validation', 'Invalid domain owner'), withRole))).toEqual(['check-domain-and-region']);
		expect(triage(failure('conflict', 'Busy'), withRole).fixes).toEqual([]);
		expect(triage(failure('conflict', 'Busy', 'ConflictException'), withRole)).toMatchObject({
			explanation: ['AWS answered with an error the wizard does not recognise.', 'Its own words are below, as they came.'],
			awsError: {code: 'ConflictException', message: 'Busy'},
		});
		expect(triage(new Error('boom'), withRole).explanation[0]).toBe('The request failed with: boom');
		expect(triage(new Error('boom'), withRole).awsError).toBeUndefined();
		expect(triage('a string', withRole).explanation[0]).toBe('The request failed with: a string');
		expect(triage(42, withRole).explanation[0]).toBe('The request failed with: (no message)');
	});

	it("AWS's own words take out a token or an access key too", () => {
		const token = `eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMH0.${'A'.repeat(400)}.signature`;
		const diagnosis = triage(failure('service', `Unexpected reply with token ${token} for key ASIAABCDEFGHIJKLMNOP`, 'InternalServerException'), withRole);
		expect(diagnosis.awsError?.message).toBe('Unexpected reply with token [redacted] for key [redacted]');
	});

	it('never repeats a token or an access key from a message', () => {
		const token = `eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMH0.${'A'.repeat(400)}.signature`;
		const diagnosis = triage(new Error(`Unexpected reply with token ${token} for key ASIAABCDEFGHIJKLMNOP`), withRole);
		const shown = JSON.stringify(diagnosis);
		expect(shown).not.toContain('A'.repeat(100));
		expect(shown).not.toContain('ASIAABCDEFGHIJKLMNOP');
		expect(shown).toContain('[redacted]');
	});

	it('explains every case in 2–4 lines and offers distinct fixes', () => {
		const failures: unknown[] = [
			...(
				[
					'access-denied',
					'not-found',
					'conflict',
					'validation',
					'throttled',
					'no-credentials',
					'invalid-credentials',
					'expired-credentials',
					'network',
					'service',
				] as const
			).map(kind => failure(kind)),
			denial(OP),
			denial('sts:GetServiceBearerToken'),
			denial(OP, ROLE_ARN, DOMAIN_ARN, 'with an explicit deny in a service control policy'),
			denial(OP, ROLE_ARN, DOMAIN_ARN, 'because no resource-based policy allows the action'),
			undefined,
		];
		for (const host of [withRole, noProfile, emptyProfile, offEc2]) {
			for (const error of failures) {
				const diagnosis = triage(error, host);
				expect(diagnosis.explanation.length).toBeGreaterThanOrEqual(2);
				expect(diagnosis.explanation.length).toBeLessThanOrEqual(4);
				expect(new Set(fixIds(diagnosis)).size).toBe(diagnosis.fixes.length);
				expect(diagnosis.title).not.toBe('');
			}
		}
	});
});
