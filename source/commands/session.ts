import process from 'node:process';
import type {Failure} from '../errors.js';
import type {FlagAnswers} from '../host/answers.js';
import type {WizardHost} from '../wizard/host.js';
import type {RunEnding} from '../wizard/run-result.js';
import type {Left} from '../wizard/view-state.js';
import type * as InkSession from './ink-session.js';

// What any command that talks to the user opens: the Ink screens at a terminal, plain or JSON
// lines otherwise; the signals that cancel; and the one way a failure is shown in each.

export interface SessionOptions {
	json: boolean;
	/** Flag answers and --yes: they answer questions on every host, the interactive one included. */
	flags: FlagAnswers;
}

export interface Session {
	host: WizardHost;
	/** Aborted by q or Ctrl-C (without a terminal, SIGTERM ends the process at once). */
	signal: AbortSignal;
	/** Shows a failure that happened outside the host's own events, with its fix; returns it. */
	fail(error: unknown): Failure;
	/**
	 * Ends the session, however the run ended: with --json the stream's last line is the `result`
	 * event (exactly one). `after` (the summary, or a dry run's plan) is printed as plain lines
	 * once the screens are gone, ready to copy.
	 */
	close(ending: RunEnding, after?: string[], left?: Left): Promise<void>;
}

/** Interactive only with a person at a terminal: pipes, CI and --json never wait for keys. */
export function canPrompt(options: Pick<SessionOptions, 'json'>, env: NodeJS.ProcessEnv = process.env): boolean {
	return !options.json && Boolean(process.stdin.isTTY && process.stdout.isTTY) && env['CI'] !== 'true' && env['CI'] !== '1';
}

/** The screens main.ts drew before the command line was read, until a run takes them or they are dismissed. */
let early: Promise<{screens: InkSession.Screens; module: typeof InkSession} | undefined> | undefined;

/**
 * Draws the wizard's first frame before anything else loads, when the wizard is about to open its
 * screens: at a terminal, no command named, no help asked for. The command line, the commands and
 * the journey load while it shows; openSession hands these screens to the run.
 */
export async function openScreensFirst(argv: readonly string[]): Promise<void> {
	const wizard = argv[0] === undefined || argv[0].startsWith('-');
	if (!wizard || argv.includes('--help') || argv.includes('-h') || !canPrompt({json: argv.includes('--json')})) return;
	// A failure to load them shows where openSession imports them.
	early = import('./ink-session.js').then(
		module => ({screens: module.mountScreens(), module}),
		() => undefined,
	);
	await early;
}

/** Takes the early screens away (the command line asked for help, or was refused): what is printed next stands alone. */
export async function dismissEarlyScreens(): Promise<void> {
	const drawn = await early;
	early = undefined;
	drawn?.module.dismissScreens(drawn.screens);
}

/** Mounts the screens (interactive) or a line host, before anything slow happens: the first frame comes first. */
export async function openSession(options: SessionOptions): Promise<Session> {
	if (!canPrompt(options)) {
		await dismissEarlyScreens();
		return (await import('./line-session.js')).openLineSession(options);
	}
	const drawn = await early;
	early = undefined;
	const {mountScreens, sessionOnScreens} = drawn?.module ?? (await import('./ink-session.js'));
	return sessionOnScreens(drawn?.screens ?? mountScreens(), options);
}
