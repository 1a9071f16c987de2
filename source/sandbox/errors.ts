import {CliError} from '../errors.js';
/** An error a service answers with: the protocol layer renders code, status and message on the wire. */
export class ServiceError extends Error {
	constructor(
		readonly code: string,
		readonly status: number,
		message: string,
		/** Extra members of the error body, e.g. resourceId/resourceType on ConflictException. */
		readonly fields: Record<string, string> = {},
		readonly headers: Record<string, string> = {},
	) {
		super(message);
		this.name = code;
	}
}

/** Failures every service shares; each protocol names them in its own words (see protocols/). */
export type CommonFailure =
	| 'MissingAuthentication'
	| 'UnknownAccessKey'
	| 'BadSignature'
	| 'ExpiredToken'
	| 'AccessDenied'
	| 'Throttling'
	| 'Internal'
	| 'UnknownOperation'
	/** A real operation, action, format or path the sandbox does not emulate: not the caller's mistake, so not a ValidationException. */
	| 'NotEmulated'
	| 'MalformedBody'
	| 'TooLarge';

export class CommonError extends Error {
	constructor(
		readonly failure: CommonFailure,
		message: string,
	) {
		super(message);
		this.name = failure;
	}
}

/** A problem starting the sandbox itself (bad option, folder in use): shown to the user with its fix. */
export class SandboxError extends CliError {}
