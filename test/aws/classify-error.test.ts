import {describe, expect, it} from 'vitest';
import {AwsFailure, type AwsFailureKind} from '../../source/aws/errors.js';
import {attemptFind, classifyError} from '../../source/aws/sdk/classify-error.js';

// The mapping itself, on errors shaped as the SDK and Node raise them (service exceptions carry
// the error code as `name`, plus $fault and $metadata; Node's network errors carry `code`).
// The adapter tests show the same mapping on real answers from the sandbox.

function serviceError(name: string, status: number, message = `${name} happened`) {
	return Object.assign(new Error(message), {name, $fault: status >= 500 ? 'server' : 'client', $metadata: {httpStatusCode: status}});
}

const cases: [string, unknown, AwsFailureKind][] = [
	['AccessDenied', serviceError('AccessDenied', 403), 'access-denied'],
	['AccessDeniedException', serviceError('AccessDeniedException', 403), 'access-denied'],
	['UnauthorizedOperation', serviceError('UnauthorizedOperation', 403), 'access-denied'],
	['ResourceNotFoundException', serviceError('ResourceNotFoundException', 404), 'not-found'],
	['NoSuchEntity', serviceError('NoSuchEntity', 404), 'not-found'],
	['NoSuchEntityException', serviceError('NoSuchEntityException', 404), 'not-found'],
	['InvalidAssociationID.NotFound', serviceError('InvalidAssociationID.NotFound', 400), 'not-found'],
	['InvalidInstanceID.NotFound', serviceError('InvalidInstanceID.NotFound', 400), 'not-found'],
	['ConflictException', serviceError('ConflictException', 409), 'conflict'],
	['EntityAlreadyExists', serviceError('EntityAlreadyExists', 409), 'conflict'],
	['EntityAlreadyExistsException', serviceError('EntityAlreadyExistsException', 409), 'conflict'],
	['ValidationException', serviceError('ValidationException', 400), 'validation'],
	['ValidationError', serviceError('ValidationError', 400), 'validation'],
	['InvalidParameterValue', serviceError('InvalidParameterValue', 400), 'validation'],
	['MalformedPolicyDocument', serviceError('MalformedPolicyDocument', 400), 'validation'],
	['MalformedPolicyDocumentException', serviceError('MalformedPolicyDocumentException', 400), 'validation'],
	['ThrottlingException', serviceError('ThrottlingException', 429), 'throttled'],
	['Throttling', serviceError('Throttling', 400), 'throttled'],
	['RequestLimitExceeded', serviceError('RequestLimitExceeded', 503), 'throttled'],
	['CredentialsProviderError', Object.assign(new Error('Could not load credentials from any providers'), {name: 'CredentialsProviderError'}), 'no-credentials'],
	['"Could not load credentials"', new Error('Could not load credentials from any providers'), 'no-credentials'],
	['UnrecognizedClientException', serviceError('UnrecognizedClientException', 403), 'invalid-credentials'],
	['InvalidClientTokenId', serviceError('InvalidClientTokenId', 403), 'invalid-credentials'],
	['InvalidSignatureException', serviceError('InvalidSignatureException', 403), 'invalid-credentials'],
	['SignatureDoesNotMatch', serviceError('SignatureDoesNotMatch', 403), 'invalid-credentials'],
	['AuthFailure', serviceError('AuthFailure', 401), 'invalid-credentials'],
	['ExpiredToken', serviceError('ExpiredToken', 403), 'expired-credentials'],
	['ExpiredTokenException', serviceError('ExpiredTokenException', 403), 'expired-credentials'],
	['RequestExpired', serviceError('RequestExpired', 400), 'expired-credentials'],
	['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {code: 'ECONNREFUSED'}), 'network'],
	['ENOTFOUND', Object.assign(new Error('getaddrinfo ENOTFOUND sts.example'), {code: 'ENOTFOUND'}), 'network'],
	['TimeoutError', Object.assign(new Error('Connection timed out after 1000 ms'), {name: 'TimeoutError'}), 'network'],
	['an unknown 403', serviceError('SomethingNew', 403), 'access-denied'],
	['a server fault', serviceError('InternalFailure', 500), 'service'],
	['an unknown client error', serviceError('SomethingElse', 400), 'service'],
	['not an Error at all', 'boom', 'service'],
];

describe('classifyError', () => {
	it.each(cases)('maps %s', (_label, error, kind) => {
		const failure = classifyError(error, 'codeartifact:GetAuthorizationToken');
		expect(failure).toBeInstanceOf(AwsFailure);
		expect(failure.kind).toBe(kind);
		expect(failure.operation).toBe('codeartifact:GetAuthorizationToken');
	});

	it("keeps the service's code and message, which name the denied action", () => {
		const message =
			'User: arn:aws:sts::123456789012:assumed-role/build-host-role/i-0abc is not authorized to perform: codeartifact:GetAuthorizationToken on resource: arn:aws:codeartifact:us-east-1:123456789012:domain/acme';
		expect(classifyError(serviceError('AccessDeniedException', 403, message), 'codeartifact:GetAuthorizationToken')).toMatchObject({
			code: 'AccessDeniedException',
			message,
		});
		expect(classifyError(Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'}), 'sts:GetCallerIdentity').code).toBe('ECONNREFUSED');
	});

	it('never lets a token through in a message', () => {
		const token = 'eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMCwiZW5jIjoiQTEyOEdDTSIsInRhZyI6IjEyMzQ1Njc4OTAiLCJleHAiOjE3MDAwMDM2MDB9.c2lnbmF0dXJlLWJ5dGVzLWJhc2U2NHVybA';
		const failure = classifyError(serviceError('ValidationException', 400, `Bad request with ${token} in it`), 'codeartifact:GetAuthorizationToken');
		expect(failure.message).not.toContain(token);
		expect(failure.message).toBe('Bad request with [redacted] in it');
	});

	it('passes an AwsFailure through unchanged', () => {
		const failure = new AwsFailure('conflict', 'ConflictException', 'exists', 'codeartifact:CreateDomain');
		expect(classifyError(failure, 'other:Operation')).toBe(failure);
	});

	it('turns not-found into undefined for look-ups, and nothing else', async () => {
		expect(await attemptFind('iam:GetRole', () => Promise.reject(serviceError('NoSuchEntityException', 404)))).toBeUndefined();
		await expect(attemptFind('iam:GetRole', () => Promise.reject(serviceError('AccessDenied', 403)))).rejects.toMatchObject({
			kind: 'access-denied',
			operation: 'iam:GetRole',
		});
	});
});
