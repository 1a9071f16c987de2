import {CliError} from '../errors.js';
// AWS errors in our own terms, so the journey and its triage never look at SDK classes.

export type AwsFailureKind =
	| 'access-denied'
	| 'not-found'
	| 'conflict'
	| 'validation'
	| 'throttled'
	| 'no-credentials'
	| 'invalid-credentials'
	| 'expired-credentials'
	| 'network'
	| 'service';

export class AwsFailure extends CliError {
	constructor(
		readonly kind: AwsFailureKind,
		/** The service's own error code, e.g. AccessDeniedException, NoSuchEntity. */
		code: string,
		message: string,
		/** The operation that failed, e.g. codeartifact:GetAuthorizationToken. */
		readonly operation: string,
	) {
		super(code, message);
	}
}
