import {AwsFailure, type AwsFailureKind} from '../errors.js';

// SDK errors into AwsFailure: by the service's error code (the SDK's `error.name`), then by
// Node's network error codes, then by HTTP status. The service's message is kept: it names
// the denied action and the resource, which is what a user needs to fix a policy.

const kindByCode = new Map<string, AwsFailureKind>([
	...codes('access-denied', 'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation'),
	...codes('not-found', 'ResourceNotFoundException', 'NoSuchEntity', 'NoSuchEntityException', 'InvalidAssociationID.NotFound'),
	...codes('conflict', 'ConflictException', 'EntityAlreadyExists', 'EntityAlreadyExistsException', 'IncorrectState'),
	...codes(
		'validation',
		'ValidationException',
		'ValidationError',
		'InvalidParameterValue',
		'InvalidParameterCombination',
		'MissingParameter',
		'MalformedPolicyDocument',
		'MalformedPolicyDocumentException',
		'InvalidInput',
		'InvalidInputException',
	),
	...codes('throttled', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown'),
	...codes('no-credentials', 'CredentialsProviderError'),
	...codes(
		'invalid-credentials',
		'UnrecognizedClientException',
		'InvalidClientTokenId',
		'InvalidSignatureException',
		'SignatureDoesNotMatch',
		'AuthFailure',
		'IncompleteSignature',
		'IncompleteSignatureException',
		'InvalidAccessKeyId',
	),
	...codes('expired-credentials', 'ExpiredToken', 'ExpiredTokenException', 'RequestExpired'),
	...codes('network', 'TimeoutError', 'ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'),
]);

const kindByStatus = new Map<number, AwsFailureKind>([
	[403, 'access-denied'],
	[404, 'not-found'],
	[429, 'throttled'],
]);

interface SdkErrorShape {
	name?: unknown;
	code?: unknown;
	message?: unknown;
	$fault?: unknown;
	$metadata?: {httpStatusCode?: unknown};
}

/** The AwsFailure for an error thrown by `operation` (e.g. `codeartifact:GetAuthorizationToken`). */
export function classifyError(error: unknown, operation: string): AwsFailure {
	if (error instanceof AwsFailure) return error;
	const shape: SdkErrorShape = typeof error === 'object' && error !== null ? error : {};
	const name = typeof shape.name === 'string' ? shape.name : 'Error';
	const nodeCode = typeof shape.code === 'string' ? shape.code : undefined;
	const message = redactTokens(typeof shape.message === 'string' && shape.message ? shape.message : String(error));
	const status = typeof shape.$metadata?.httpStatusCode === 'number' ? shape.$metadata.httpStatusCode : undefined;
	const code = nodeCode && kindByCode.has(nodeCode) ? nodeCode : name;
	return new AwsFailure(kindOf(code, message, status, shape.$fault), code, message, operation);
}

function kindOf(code: string, message: string, status: number | undefined, fault: unknown): AwsFailureKind {
	const byCode = kindByCode.get(code);
	if (byCode) return byCode;
	if (code.startsWith('Throttling')) return 'throttled';
	if (code.endsWith('.NotFound')) return 'not-found'; // EC2's InvalidInstanceID.NotFound and kin
	if (message.includes('Could not load credentials')) return 'no-credentials';
	if (fault === 'server') return 'service';
	return (status !== undefined && kindByStatus.get(status)) || 'service';
}

/** Runs one SDK call; whatever it throws comes out as an AwsFailure naming `operation`. */
export async function attempt<T>(operation: string, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw classifyError(error, operation);
	}
}

/** Like attempt, but a not-found answer is `undefined` rather than a failure. */
export async function attemptFind<T>(operation: string, call: () => Promise<T>): Promise<T | undefined> {
	try {
		return await attempt(operation, call);
	} catch (error) {
		if (error instanceof AwsFailure && error.kind === 'not-found') return undefined;
		throw error;
	}
}

/** A member the model marks optional but a successful answer always has. */
export function present<T>(value: T | undefined, operation: string, member: string): T {
	if (value === undefined || value === null) throw new AwsFailure('service', 'IncompleteResponse', `The answer to ${operation} has no ${member}.`, operation);
	return value;
}

/** Long runs of token alphabet (base64url, JWT dots) never reach a message; ARNs and names are shorter or split by '/' and ':'. */
function redactTokens(message: string): string {
	return message.replace(/[A-Za-z0-9_=.+-]{80,}/g, '[redacted]');
}

function codes(kind: AwsFailureKind, ...names: string[]): [string, AwsFailureKind][] {
	return names.map(name => [name, kind]);
}
