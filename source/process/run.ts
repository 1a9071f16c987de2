import {existsSync} from 'node:fs';
import {constants} from 'node:os';
import {stripVTControlCharacters} from 'node:util';
import {execa} from 'execa';
import {splitLines} from './line-splitter.js';
import {ProcessError} from './process-error.js';
import {ownStopSignals} from './stop-signals.js';

// The one module that starts processes: every command goes through runProcess, so streaming,
// capped output, cancellation and "command not found" behave the same everywhere.

export type OutputStream = 'stdout' | 'stderr';

export interface RunOptions {
	cwd?: string;
	/** Added to process.env, or the whole environment with `replaceEnv`. */
	env?: Record<string, string>;
	replaceEnv?: boolean;
	/** Aborting kills the process and everything it started, then rejects with ProcessError('Aborted'). */
	signal?: AbortSignal;
	/** Each line of output as it comes, without its line terminator. */
	onLine?: (line: string, stream: OutputStream) => void;
	/** Like an abort, then rejects with ProcessError('TimedOut'). */
	timeoutMs?: number;
	/** What to tell the user when the command is missing, e.g. how to install it. */
	missingCommandFix?: string;
	/**
	 * In a process group of its own (the default), so that an abort or a timeout stops the whole
	 * tree. false: in ours, as a shell runs a command; an abort then stops the process itself.
	 * A group of its own is a session of its own (Node can only setsid), and Linux schedules each
	 * session as one group (autogroup): a JVM there got at most one core of two whenever this
	 * process was busy too.
	 */
	ownGroup?: boolean;
}

export interface RunResult {
	/** 128 + the signal number when the process was killed by a signal we did not send. */
	exitCode: number;
	/** The last ~200 KB of each stream. */
	stdout: string;
	stderr: string;
}

export {ProcessError, type ProcessErrorCode} from './process-error.js';

const outputCap = 200 * 1024;
/** Time between SIGTERM and SIGKILL when stopping a process tree. */
const forceKillDelayMs = 3000;

/**
 * Run a command to completion. Output is streamed line by line and kept (capped); a non-zero
 * exit is a result, not an error: the caller decides. The process runs in its own process
 * group, so an abort or timeout stops the whole tree (mvn → java → forks), not just the parent.
 */
export async function runProcess(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
	if (options.signal?.aborted) throw new ProcessError('Aborted', command, `${command} was cancelled before it started.`);
	const output = {stdout: new OutputTail(outputCap), stderr: new OutputTail(outputCap)};
	// A throwing onLine must not break the pipe to a running build: remember it, raise it at the end.
	let callbackError: {error: unknown} | undefined;
	const lineTo = (stream: OutputStream) => (line: string) => {
		output[stream].push(line);
		try {
			options.onLine?.(line, stream);
		} catch (error) {
			callbackError ??= {error};
		}
	};
	const timeout = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
	const stop = [options.signal, timeout].filter(signal => signal !== undefined);
	const cancelSignal = stop.length > 0 ? AbortSignal.any(stop) : undefined;
	const ownGroup = options.ownGroup !== false && process.platform !== 'win32';

	const subprocess = execa(command, args, {
		...(options.cwd !== undefined && {cwd: options.cwd}),
		env: options.env ?? {},
		extendEnv: !options.replaceEnv,
		stdin: 'ignore',
		// The lines are ours to split and keep (capped): execa's per-line transform cost the wizard
		// twice the CPU of the plain stream for each of a build's hundreds of lines.
		buffer: false,
		reject: false,
		...(cancelSignal && {cancelSignal}),
		forceKillAfterDelay: forceKillDelayMs,
		detached: ownGroup,
	});

	splitLines(subprocess.stdout, lineTo('stdout'));
	splitLines(subprocess.stderr, lineTo('stderr'));

	const killTree = (): void => {
		if (!ownGroup || subprocess.pid === undefined) return;
		signalGroup(subprocess.pid, 'SIGTERM');
		setTimeout(() => signalGroup(subprocess.pid!, 'SIGKILL'), forceKillDelayMs).unref();
	};
	// Detached processes are not killed by execa when we exit: do it ourselves.
	const killOnExit = (): void => {
		if (subprocess.pid !== undefined && ownGroup) signalGroup(subprocess.pid, 'SIGKILL');
	};
	cancelSignal?.addEventListener('abort', killTree, {once: true});
	process.once('exit', killOnExit);
	const result = await subprocess.finally(() => {
		cancelSignal?.removeEventListener('abort', killTree);
		process.off('exit', killOnExit);
	});

	if (callbackError) throw callbackError.error;
	if (result.isCanceled || result.timedOut) {
		if (timeout?.aborted && !options.signal?.aborted) {
			throw new ProcessError('TimedOut', command, `${command} did not finish within ${formatDuration(options.timeoutMs!)} and was stopped.`);
		}
		throw new ProcessError('Aborted', command, `${command} was cancelled.`);
	}
	if (result.failed && result.exitCode === undefined && result.signal === undefined) throw spawnError(command, result.code, result.shortMessage, options);
	const exitCode = result.exitCode ?? 128 + (result.signal ? constants.signals[result.signal] : 0);
	return {exitCode, stdout: output.stdout.text(), stderr: output.stderr.text()};
}

/** The signals a wrapper passes on to the command it runs, so it stops the way it was asked to. */
const forwardedSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/** Signals a terminal sends from the keyboard (Ctrl-C, Ctrl-\) to its whole foreground process group. */
const keyboardSignals: ReadonlySet<NodeJS.Signals> = new Set(['SIGINT', 'SIGQUIT']);

/**
 * Runs a command in the foreground, as a shell would (`ca-wizard exec`): it shares our terminal
 * and process group (so it may read the keyboard, and Ctrl-C reaches it directly), every signal
 * we are sent is passed on, and its exit status is returned — 128 + N when signal N ended it.
 * At a terminal, Ctrl-C and Ctrl-\ already reached the command with us (one process group):
 * passing them on too would deliver one key press twice, which many tools read as "force quit".
 */
export async function runForeground(command: string, args: readonly string[], options: Pick<RunOptions, 'env' | 'missingCommandFix'> = {}): Promise<number> {
	const atTerminal = process.stdin.isTTY === true;
	// Listening before the command starts: a signal sent as soon as it shows signs of life (the
	// command may print before execa returns) must reach it, not end us with the default action.
	const forward = (signal: NodeJS.Signals) => () => {
		if (!(atTerminal && keyboardSignals.has(signal))) subprocess.kill(signal);
	};
	const handlers = forwardedSignals.map(signal => [signal, forward(signal)] as const);
	const disown = ownStopSignals(forwardedSignals); // we end when the command does, with its status
	for (const [signal, handler] of handlers) process.on(signal, handler);
	// Signal callbacks run on a later turn of the event loop, by when the subprocess is assigned.
	const subprocess = execa(command, args, {env: options.env ?? {}, stdio: 'inherit', reject: false});
	const result = await subprocess.finally(() => {
		for (const [signal, handler] of handlers) process.off(signal, handler);
		disown();
	});
	if (result.failed && result.exitCode === undefined && result.signal === undefined) throw spawnError(command, result.code, result.shortMessage, options);
	return result.exitCode ?? 128 + (result.signal ? constants.signals[result.signal] : 0);
}

/**
 * The first line a version command prints, on stdout or else stderr (`java -version` writes to
 * stderr), or undefined when the command is missing or fails.
 */
export async function commandVersion(command: string, args: readonly string[]): Promise<string | undefined> {
	try {
		const result = await runProcess(command, args, {timeoutMs: 30_000});
		if (result.exitCode !== 0) return undefined;
		// JVMs announce JAVA_TOOL_OPTIONS / _JAVA_OPTIONS before anything else.
		const meaningful = (text: string): string | undefined =>
			stripVTControlCharacters(text)
				.split(/\r?\n/)
				.map(line => line.trim())
				.find(line => line !== '' && !line.startsWith('Picked up '));
		return meaningful(result.stdout) ?? meaningful(result.stderr);
	} catch (error) {
		if (error instanceof ProcessError) return undefined;
		throw error;
	}
}

function spawnError(command: string, code: string | undefined, detail: string | undefined, options: RunOptions): ProcessError {
	if (code === 'ENOENT' && options.cwd !== undefined && !existsSync(options.cwd)) {
		return new ProcessError('SpawnFailed', command, `Cannot run "${command}": the folder ${options.cwd} does not exist.`);
	}
	if (code === 'ENOENT') {
		const fix = options.missingCommandFix ?? `Install it, or add the folder that contains it to PATH.`;
		return new ProcessError('CommandNotFound', command, `The command "${command}" was not found.`, fix);
	}
	if (code === 'EACCES') {
		return new ProcessError('SpawnFailed', command, `The command "${command}" is not executable.`, `Check its permissions (chmod +x ${command}).`);
	}
	return new ProcessError('SpawnFailed', command, `The command "${command}" could not be started: ${detail ?? code ?? 'unknown error'}.`);
}

function formatDuration(milliseconds: number): string {
	return milliseconds < 1000 ? `${milliseconds} ms` : `${Math.round(milliseconds / 1000)} s`;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// ESRCH: the group is already gone.
	}
}

/** The last `cap` characters' worth of lines. */
class OutputTail {
	private lines: string[] = [];
	private first = 0;
	private size = 0;

	constructor(private readonly cap: number) {}

	push(line: string): void {
		this.lines.push(line);
		this.size += line.length + 1;
		while (this.size > this.cap && this.first < this.lines.length - 1) {
			this.size -= this.lines[this.first]!.length + 1;
			this.first++;
		}
		if (this.first > 1024 && this.first * 2 > this.lines.length) {
			this.lines = this.lines.slice(this.first);
			this.first = 0;
		}
	}

	text(): string {
		return this.lines.slice(this.first).join('\n');
	}
}
