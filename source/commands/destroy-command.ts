import {existsSync} from 'node:fs';
import {join, resolve} from 'node:path';
import process from 'node:process';
import {createInterface} from 'node:readline/promises';
import {CliError, UsageError, exitCodes} from '../errors.js';
import {lockFolder} from '../files/folder-lock.js';
import type {TextSink} from '../host/plain-host.js';
import {destroyPlan, type DestroyPlan} from '../wizard/destroy/destroy-plan.js';
import {outcomeLine, planLines, resultLines} from '../wizard/destroy/destroy-lines.js';
import {removeResources, type RemovalOutcome} from '../wizard/destroy/remove-resources.js';
import {undoSettingsFile} from '../wizard/destroy/undo-settings.js';
import {ledgerFileName, RunLedger} from '../wizard/ledger.js';
import {connectTarget, type Connection, type TargetOptions} from './connect-target.js';
import {canPrompt} from './session.js';
import {defaultWorkDirName} from './defaults.js';

export interface DestroyCommandOptions extends TargetOptions {
	workdir?: string;
	dryRun: boolean;
	yes: boolean;
	json: boolean;
}

export interface DestroyIo {
	out: TextSink;
	env?: NodeJS.ProcessEnv;
	/** Asks a person; by default a terminal question when there is a terminal. */
	confirm?: (question: string) => Promise<boolean>;
}

/** Reads the run record, shows the plan, asks (or --yes), removes, and ends with the table; exit 1 when anything could not be removed. */
export async function runDestroyCommand(options: DestroyCommandOptions, io: DestroyIo = {out: process.stdout}): Promise<number> {
	const workDir = resolve(options.workdir ?? defaultWorkDirName);
	const ledgerPath = join(workDir, ledgerFileName);
	if (!existsSync(ledgerPath)) {
		throw new CliError(
			'RunRecordMissing',
			`There is no run record at ${ledgerPath}: nothing tells what ca-wizard created here.`,
			"Pass the wizard's own work folder with --workdir DIR (the folder that holds ca-wizard-run.json).",
		);
	}
	const emit = (event: Record<string, unknown>, lines: string[]) =>
		io.out.write(options.json ? `${JSON.stringify(event)}\n` : lines.map(line => `${line}\n`).join(''));
	// One at a time: a wizard run in the same folder would write the record destroy is reading.
	const release = lockFolder(workDir, {role: 'work folder', holder: 'a ca-wizard run', alternative: 'wait for it to end'});
	let connection: Connection | undefined;
	try {
		const ledger = await RunLedger.open(ledgerPath);
		const plan = destroyPlan(ledger.entries);
		emit(planEvent(plan), planLines(plan));
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
		connection = await connectTarget(options, workDir, io.env);
		const outcomes = await removeResources(plan.removals, {
			aws: connection.aws,
			undoFile: undoSettingsFile,
			forget: resource => ledger.forget(resource),
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

async function confirmed(options: DestroyCommandOptions, io: DestroyIo, count: number): Promise<'yes' | 'no' | 'cancelled'> {
	if (options.yes) return 'yes';
	const question = `Remove these ${count}? (y/N) `;
	if (io.confirm) return (await io.confirm(question)) ? 'yes' : 'no';
	if (!canPrompt({json: options.json}, io.env)) {
		throw new UsageError(
			'ConfirmationNeeded',
			'ca-wizard destroy asks before it removes anything, and there is no terminal to ask at. Nothing was removed.',
			'Pass --yes to remove what the plan shows, or --dry-run to see the plan only.',
		);
	}
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
