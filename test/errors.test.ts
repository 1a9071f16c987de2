import {describe, expect, it} from 'vitest';
import {BugError, CliError, UsageError, describeFailure, exitCodes, failureEvent, failureLines} from '../source/errors.js';

describe('one error model', () => {
	it('a CliError carries its code, message and fix, and exits 1', () => {
		const failure = describeFailure(new CliError('DataFolderInUse', 'The folder is in use by pid 42.', 'Stop it, or pass --data DIR.'));
		expect(failure).toEqual({code: 'DataFolderInUse', message: 'The folder is in use by pid 42.', fix: 'Stop it, or pass --data DIR.', exitCode: 1});
		expect(failureLines(failure)).toBe('ca-wizard: The folder is in use by pid 42.\n  fix: Stop it, or pass --data DIR.\n');
		expect(failureEvent(failure)).toEqual({
			type: 'error',
			code: 'DataFolderInUse',
			message: 'The folder is in use by pid 42.',
			fix: 'Stop it, or pass --data DIR.',
		});
	});

	it('a usage error exits 2', () => {
		const failure = describeFailure(new UsageError('UnknownOption', 'unknown option --prfile; did you mean --profile? See ca-wizard --help.'));
		expect(failure.exitCode).toBe(exitCodes.usage);
		expect(failureLines(failure)).toBe('ca-wizard: unknown option --prfile; did you mean --profile? See ca-wizard --help.\n');
	});

	it('anything else is a bug: its stack only when debugging', () => {
		const error = new TypeError('x is undefined');
		expect(describeFailure(error, false)).toEqual({
			code: 'Bug',
			message: 'Unexpected error: x is undefined',
			fix: expect.stringMatching(/--debug/),
			exitCode: 1,
		});
		expect(describeFailure(error, true).stack).toMatch(/TypeError: x is undefined\n\s+at /);
		expect(describeFailure(new BugError('impossible state'), false).code).toBe('Bug');
		expect(describeFailure('a string thrown', false).message).toBe('Unexpected error: a string thrown');
	});

	it('subclasses keep their own name, for stacks and logs', () => {
		class TargetError extends CliError {}
		expect(new TargetError('NoCredentials', 'm').name).toBe('TargetError');
	});
});
