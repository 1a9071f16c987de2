// Apart from the runner, so that code which only needs to recognise the error does not load execa.
import {CliError} from '../errors.js';

export type ProcessErrorCode = 'CommandNotFound' | 'Aborted' | 'TimedOut' | 'SpawnFailed';

export class ProcessError extends CliError {
	declare readonly code: ProcessErrorCode;
	constructor(
		code: ProcessErrorCode,
		/** The command as it was asked for, e.g. `mvn`. */
		readonly command: string,
		message: string,
		fix?: string,
	) {
		super(code, message, fix);
	}
}
