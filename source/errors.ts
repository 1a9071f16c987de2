import {plainText} from './text/plain-text.js';

// One error model for the whole CLI: what the user can act on is a CliError with a stable code
// (for --json, scripts and the README), a message and the fix; anything else is a bug, shown
// with its stack only when asked (--debug or CA_WIZARD_DEBUG=1). One function renders either.
// (The sandbox's wire errors — ServiceError, CommonError, MavenHttpError — are answers to its
// clients, not failures of ca-wizard, and stay apart: the protocol layer renders them.)

/** The exit codes, as the README documents them. */
export const exitCodes = {done: 0, failed: 1, usage: 2, cancelled: 130} as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A failure the user can do something about: a stable code, what happened, and what to do. */
export class CliError extends Error {
	readonly exitCode: ExitCode;

	constructor(
		/** Stable, PascalCase, e.g. 'DataFolderInUse': safe to match on in scripts. */
		readonly code: string,
		message: string,
		/** The next step, in one or two sentences; names the flag or command where there is one. */
		readonly fix?: string,
		options: {cause?: unknown; exitCode?: ExitCode} = {},
	) {
		super(message, options.cause === undefined ? undefined : {cause: options.cause});
		this.name = new.target.name;
		this.exitCode = options.exitCode ?? exitCodes.failed;
	}
}

/** The command line itself is wrong (an unknown option, a bad value): exit 2, nothing was done. */
export class UsageError extends CliError {
	constructor(code: string, message: string, fix?: string) {
		super(code, message, fix, {exitCode: exitCodes.usage});
	}
}

/** Something that should not happen: the user cannot fix it, a bug report can. */
export class BugError extends Error {
	readonly code = 'Bug';
	constructor(message: string, options: {cause?: unknown} = {}) {
		super(message, options.cause === undefined ? undefined : {cause: options.cause});
		this.name = 'BugError';
	}
}

/** The default of a switch that covers every member of a union: a new member fails to compile until it has its case. */
export function assertNever(value: never): never {
	throw new BugError(`Unhandled case: ${JSON.stringify(value)}`);
}

/** A failure as every output shows it: the plain line, the JSON event and the Ink banner read this. */
export interface Failure {
	code: string;
	message: string;
	fix?: string;
	/** Only for bugs, and only when debugging was asked for. */
	stack?: string;
	exitCode: ExitCode;
}

export const bugFix = 'This is a bug in ca-wizard: run again with --debug for the details, and report them.';

export function describeFailure(error: unknown, debug = isDebug()): Failure {
	if (error instanceof CliError) return {code: error.code, message: error.message, ...(error.fix ? {fix: error.fix} : {}), exitCode: error.exitCode};
	const message = error instanceof Error ? error.message : String(error);
	const stack = debug && error instanceof Error ? error.stack : undefined;
	return {code: 'Bug', message: `Unexpected error: ${message}`, fix: bugFix, ...(stack ? {stack} : {}), exitCode: exitCodes.failed};
}

/** `ca-wizard: message`, an indented `fix:` line, then the stack when there is one. */
export function failureLines(failure: Failure): string {
	return plainText(`ca-wizard: ${failure.message}\n${failure.fix ? `  fix: ${failure.fix}\n` : ''}${failure.stack ? `${failure.stack}\n` : ''}`);
}

/** The `--json` stream's error event. */
export function failureEvent(failure: Failure): {type: 'error'; code: string; message: string; fix?: string} {
	return {type: 'error', code: failure.code, message: plainText(failure.message), ...(failure.fix ? {fix: plainText(failure.fix)} : {})};
}

export function isDebug(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
	return argv.includes('--debug') || env['CA_WIZARD_DEBUG'] === '1';
}
