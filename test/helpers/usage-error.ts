import {expect} from 'vitest';
import {UsageError} from '../../source/errors.js';

/** The usage error `call` throws (exit code 2), or a failure naming `what` when it is accepted. */
export function usageErrorOf(call: () => unknown, what: string): UsageError {
	try {
		call();
	} catch (error) {
		expect(error).toBeInstanceOf(UsageError);
		expect((error as UsageError).exitCode).toBe(2);
		return error as UsageError;
	}
	throw new Error(`accepted: ${what}`);
}
