import {existsSync} from 'node:fs';
import {join, resolve} from 'node:path';
import process from 'node:process';
import {createInterface} from 'node:readline/promises';
import type {AwsApis} from '../aws/apis.js';
import {AwsFailure} from '../aws/errors.js';
import {UsageError, exitCodes} from '../errors.js';
import {lockFolder} from '../files/folder-lock.js';
import type {TextSink} from '../host/plain-host.js';
import {readInventory} from '../wizard/destroy/account-inventory.js';
import {destroyEntries} from '../wizard/destroy/destroy-entries.js';
import {destroyPlan, type DestroyPlan} from '../wizard/destroy/destroy-plan.js';
import type {ForcedName, Scope} from '../wizard/destroy/destroy-scope.js';
import {makers} from '../wizard/destroy/made-by.js';
import {outcomeLine, planLines, resultLines} from '../wizard/destroy/destroy-lines.js';
import {removeResources, type RemovalOutcome} from '../wizard/destroy/remove-resources.js';
import {undoSettingsFile} from '../wizard/destroy/undo-settings.js';
import {ledgerFileName, RunLedger} from '../wizard/ledger.js';
import {connectTarget, type Connection, type TargetOptions} from './connect-target.js';
import {canPrompt} from './session.js';
import {workDirNameFor} from './defaults.js';

export interface DestroyCommandOptions extends TargetOptions {
	workdir?: string;
	dryRun: boolean;
	yes: boolean;
	json: boolean;
	/** Only this participant's resources (their `ca-wizard:created-by` tag). */
	participant?: string;
	/** Every participant's resources: all that ca-wizard made here. */
	allParticipants?: boolean;
	/** Only what concerns this domain. */
	domain?: string;
	/** Resources ca-wizard did not make, named one by one, to remove as well. */
	force?: ForcedName[];
}

export interface DestroyIo {
	out: TextSink;
	env?: NodeJS.ProcessEnv;
	/** Asks a person; by default a terminal question when there is a terminal. */
	confirm?: (question: string) => Promise<boolean>;
}

/**
 * Finds what ca-wizard made (the run record and the ownership tags), shows the plan, asks (or
 * --yes), removes, and ends with the table; exit 1 when anything could not be removed.
 */
export async function runDestroyCommand(options: DestroyCommandOptions, io: DestroyIo = {out: process.stdout}): Promise<number> {
	// A participant's wizard works in ./ca-wizard-work-NAME: their destroy looks there too.
	const workDir = resolve(options.workdir ?? workDirNameFor(options.participant));
	const ledgerPath = join(workDir, ledgerFileName);
	const hasRecord = existsSync(ledgerPath);
	// Without a terminal and without --yes the answer is known now: before any request.
	if (!options.yes && !options.dryRun && !io.confirm && !canPrompt({json: options.json}, io.env)) throw confirmationNeeded();
	const emit = (event: Record<string, unknown>, lines: string[]) =>
		io.out.write(options.json ? `${JSON.stringify(event)}\n` : lines.map(line => `${line}\n`).join(''));
	// One at a time: a wizard run in the same folder would write the record destroy is reading.
	const release = hasRecord ? lockFolder(workDir, {role: 'work folder', holder: 'a ca-wizard run', alternative: 'wait for it to end'}) : () => {};
	let connection: Connection | undefined;
	try {
		const ledger = hasRecord ? await RunLedger.open(ledgerPath) : undefined;
		connection = await connectTarget(options, workDir, io.env);
		const {aws} = connection;
		const scope = await scopeOf(options, ledger, aws);
		if (!ledger) emit({type: 'no-run-record', path: ledgerPath}, [`There is no run record at ${ledgerPath}: what ca-wizard made is told by its tags.`]);
		const inventory = await readInventory(aws).catch((error: unknown) => {
			// Credentials that may remove but not list: the record alone still tells what to remove.
			if (!(scope.kind === 'run' && error instanceof AwsFailure && error.kind === 'access-denied')) throw error;
			emit({type: 'tags-unreadable', message: error.message}, [`The tags cannot be read (${error.message}): the run record alone tells what to remove.`]);
			return [];
		});
		const entries = await destroyEntries(
			aws,
			inventory,
			{
				scope,
				forced: options.force ?? [],
				...(options.domain ? {domain: options.domain} : {}),
				...(options.participant ? {participant: options.participant} : {}),
			},
			ledger && {runId: ledger.runId, entries: ledger.entries},
		);
		const plan = destroyPlan(entries);
		emit(planEvent(plan), planLines(plan));
		if (plan.removals.length === 0 && scope.kind === 'created-by' && options.participant === undefined) {
			const others = makers(inventory);
			if (others.length > 0) emit({type: 'others', createdBy: others}, [`ca-wizard resources here were made by: ${others.join(', ')} (see ca-wizard list).`]);
		}
		if (options.dryRun) {
			emit({type: 'dry-run'}, ['Dry run: nothing was changed.']);
			return exitCodes.done;
		}
		if (plan.removals.length === 0) return exitCodes.done;
		const answer = await confirmed(options, io, plan.removals.length);
		if (answer !== 'yes') {
			emit({type: 'declined'}, ['Nothing was removed.']);
			return answer === 'cancelled' ? exitCodes.cancelled : exitCodes.done;
		}
		const outcomes = await removeResources(plan.removals, {
			aws,
			undoFile: undoSettingsFile,
			forget: async resource => ledger?.forget(resource),
			onOutcome: outcome => emit(outcomeEvent(outcome), [outcomeLine(outcome)]),
		});
		const failed = outcomes.filter(outcome => outcome.status === 'failed').length;
		emit({type: 'destroy-result', removed: outcomes.length - failed, failed}, resultLines(outcomes));
		return failed > 0 ? exitCodes.failed : exitCodes.done;
	} finally {
		await connection?.close();
		release();
	}
}

/** --all-participants, --participant, --force alone (exactly what it names), the run record's run, else what the caller made. */
async function scopeOf(options: DestroyCommandOptions, ledger: RunLedger | undefined, aws: AwsApis): Promise<Scope> {
	if (options.allParticipants) return {kind: 'all'};
	if (options.participant !== undefined) return {kind: 'created-by', createdBy: options.participant};
	if (options.force && options.force.length > 0) return {kind: 'forced-only'};
	if (ledger) return {kind: 'run', runId: ledger.runId};
	return {kind: 'created-by', createdBy: (await aws.sts.getCallerIdentity()).arn};
}

async function confirmed(options: DestroyCommandOptions, io: DestroyIo, count: number): Promise<'yes' | 'no' | 'cancelled'> {
	if (options.yes) return 'yes';
	const question = `Remove these ${count}? (y/N) `;
	if (io.confirm) return (await io.confirm(question)) ? 'yes' : 'no';
	if (!canPrompt({json: options.json}, io.env)) throw confirmationNeeded();
	const terminal = createInterface({input: process.stdin, output: process.stdout});
	// Ctrl-C at the question cancels: without a listener, readline would only pause and wait.
	const cancel = new AbortController();
	terminal.on('SIGINT', () => cancel.abort());
	try {
		return /^y(es)?$/i.test((await terminal.question(question, {signal: cancel.signal})).trim()) ? 'yes' : 'no';
	} catch (error) {
		if (cancel.signal.aborted) return 'cancelled';
		throw error;
	} finally {
		terminal.close();
	}
}

function confirmationNeeded(): UsageError {
	return new UsageError(
		'ConfirmationNeeded',
		'ca-wizard destroy asks before it removes anything, and there is no terminal to ask at. Nothing was removed.',
		'Pass --yes to remove what the plan shows, or --dry-run to see the plan only.',
	);
}

function planEvent({removals, leftAlone}: DestroyPlan): Record<string, unknown> {
	return {
		type: 'destroy-plan',
		removals: removals.map(({entry, restoreVersion}) => ({kind: entry.kind, name: entry.name, ...(restoreVersion ? {restoreVersion} : {})})),
		leftAlone: leftAlone.map(({entry, reason}) => ({kind: entry.kind, name: entry.name, reason})),
	};
}

function outcomeEvent(outcome: RemovalOutcome): Record<string, unknown> {
	const {entry, ...rest} = outcome;
	return {type: 'removal', kind: entry.kind, name: entry.name, ...rest};
}
