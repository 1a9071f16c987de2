import {AwsFailure} from '../../aws/errors.js';
import {assertNever, bugFix} from '../../errors.js';
import {FileWriteError} from '../../files/file-write-error.js';
import type {CreatedResource, FixAccount, Problem, ProgressTone} from '../events.js';
import type {JourneyQuestion} from '../question-flags.js';
import {goBack, type Answer, type GoBack} from '../questions.js';
import {JourneyStop, type JourneyFacts, type StepContext} from './context.js';

/**
 * Makes a resource with its intent on record first: `planned` (kind, name, what it will be)
 * goes into the ledger before `call`, and the confirmation with what `call` returned (ARN,
 * details) after it. A run killed in between leaves the intent, and the next run settles it
 * (settleUnfinished): the resource is then still known to be ours, and undone with the rest.
 */
export async function create<T>(context: StepContext, planned: CreatedResource, call: () => Promise<T>, made: (result: T) => Learned = () => ({})): Promise<T> {
	await context.ledger.intend(planned);
	let result: T;
	try {
		result = await call();
	} catch (error) {
		// A definite refusal made nothing: forget the intent, or a later run would claim whatever
		// then exists under that name. An unknown outcome (network, a 5xx, a kill) keeps it to settle.
		if (nothingMade(error)) await context.ledger.drop(planned);
		throw error;
	}
	await recordMade(context, asMade(planned, made(result)));
	return result;
}

/** Confirms `resource` as ours in the ledger and shows it; `later`: found after the call (create-or-adopt.ts). */
export async function recordMade(context: StepContext, resource: CreatedResource, options: {later?: boolean} = {}): Promise<void> {
	await context.ledger.confirm(resource, options);
	context.facts.touched.push({resource, reused: false});
	context.host.notify({type: 'resource', step: context.step, resource, reused: false});
}

function nothingMade(error: unknown): boolean {
	const cause = error instanceof JourneyStop ? error.cause : error;
	if (cause instanceof AwsFailure) return cause.kind !== 'network' && cause.kind !== 'service';
	// A file that could not be written keeps its old content (files/write-file-safely.ts).
	return cause instanceof FileWriteError;
}

/** What only the create call (or a later look-up) tells: the ARN, and details such as an association id. */
export type Learned = {arn?: string; details?: Record<string, string>};

/** The planned resource as it turned out. */
export function asMade(planned: CreatedResource, learned: Learned): CreatedResource {
	const details = planned.details || learned.details ? {details: {...planned.details, ...learned.details}} : {};
	return {...planned, ...(learned.arn === undefined ? {} : {arn: learned.arn}), ...details};
}

/** Found and used as it is: shown, and noted in the ledger as not ours (unless an earlier run made it). */
export async function reused(context: StepContext, resource: CreatedResource): Promise<void> {
	await context.ledger.reused(resource);
	context.facts.touched.push({resource, reused: true});
	context.host.notify({type: 'resource', step: context.step, resource, reused: true});
}

export function note(context: StepContext, message: string, tone: 'info' | 'success' | 'warning' = 'info'): void {
	context.host.notify({type: 'note', step: context.step, tone, message});
}

/** "What just happened" after an automatic fix: a note carrying the account as data, kept for the summary too. */
export function tellWhatHappened(context: StepContext, account: {message: string; happened: FixAccount}, tone: 'info' | 'success' = 'success'): void {
	(context.facts.fixAccounts ??= []).push(account.message);
	context.host.notify({type: 'note', step: context.step, tone, ...account});
}

/** What the step does now; `done` with a `tone` when it ended in a neutral finding or a refusal rather than a success. */
export function progress(context: StepContext, message: string, done = false, tone?: ProgressTone): void {
	context.host.notify({type: 'progress', step: context.step, message, done, ...(tone ? {tone} : {})});
}

/** Every question has its flag: its id and kind must be the ones declared in question-flags.ts. */
export async function ask<Q extends JourneyQuestion>(context: StepContext, question: Q): Promise<Answer<Q> | GoBack> {
	context.options.signal.throwIfAborted();
	return context.host.ask(question);
}

/** For questions where going back is not offered: a stray goBack means "stay". */
export async function answer<Q extends JourneyQuestion>(context: StepContext, question: Q): Promise<Answer<Q>> {
	for (;;) {
		const value = await ask(context, {...question, canGoBack: false});
		if (value !== goBack) return value;
	}
}

export function stop(problem: Problem, cause?: unknown): never {
	throw new JourneyStop(problem, cause === undefined ? {} : {cause});
}

/** The facts with `K` as earlier steps established them: present, whatever their type says. */
export type Established<K extends keyof JourneyFacts> = JourneyFacts & {[P in K]-?: NonNullable<JourneyFacts[P]>};

/**
 * What a step takes from the steps before it: the facts, with `keys` established. The steps
 * run in order, so one missing is a bug; it stops the run with MissingFact rather than
 * failing later on undefined.
 */
export function needs<K extends keyof JourneyFacts>(context: StepContext, ...keys: K[]): Established<K> {
	const {facts} = context;
	if (!established(facts, keys)) {
		const missing = keys.filter(key => facts[key] === undefined);
		stop({code: 'MissingFact', message: `The ${context.step} step started without ${missing.join(', ')}, which an earlier step establishes.`, fix: bugFix});
	}
	return facts;
}

function established<K extends keyof JourneyFacts>(facts: JourneyFacts, keys: readonly K[]): facts is Established<K> {
	return keys.every(key => facts[key] !== undefined);
}

/** Turns an AWS failure into a stop that says what happened and what to do. */
export function stopOnAws(error: unknown, code: string, doing: string, fix?: string): never {
	if (error instanceof JourneyStop) throw error;
	if (error instanceof AwsFailure) {
		const problem: Problem = {code, message: `${doing} failed: ${error.message}`, fix: fix ?? fixFor(error)};
		throw new JourneyStop(problem, {cause: error});
	}
	throw error;
}

function fixFor(error: AwsFailure): string {
	switch (error.kind) {
		case 'access-denied':
			return `Your credentials may not call ${error.operation}. Use a role or user with CodeArtifact and IAM administration rights (--profile NAME), or try --sandbox.`;
		case 'no-credentials':
		case 'invalid-credentials':
		case 'expired-credentials':
			return 'Configure AWS credentials (aws configure, AWS_PROFILE, or --profile NAME), or try the offline journey with --sandbox.';
		case 'network':
			return 'Check the network and the region (--region), then run ca-wizard again: it resumes where it stopped.';
		case 'throttled':
			return 'AWS is throttling requests; wait a minute and run ca-wizard again.';
		case 'not-found':
		case 'conflict':
		case 'validation':
		case 'service':
			return 'Run ca-wizard again; what was created so far is kept and reused.';
		default:
			return assertNever(error.kind);
	}
}

/** The suggestion for "Create a new …": the usual name, or the first numbered one not yet taken. */
export function unusedName(base: string, taken: readonly string[]): string {
	if (!taken.includes(base)) return base;
	for (let index = 2; ; index++) if (!taken.includes(`${base}-${index}`)) return `${base}-${index}`;
}
