import {accessSync, constants, readFileSync, statSync} from 'node:fs';
import {basename, dirname, join, resolve} from 'node:path';
import {UsageError} from '../errors.js';
import {lastRun, parseRunLog, runLogFileName} from '../report/run-log.js';
import {renderReport} from '../report/render-report.js';
import {ledgerFileName, RunLedger} from '../wizard/ledger.js';
import {writeFileAtomic} from './atomic-file.js';

// The write-up's files: where its run log is found, checking where it goes before a run
// starts, and writing it whole (a reader never sees half a report).

/** Refuses a report path the run could not write at its end: checked before any AWS call. */
export function reportPathProblem(path: string): UsageError | undefined {
	const full = resolve(path);
	if (!/\.md$/i.test(full))
		return new UsageError(
			'ReportNotMarkdown',
			`--report ${path}: the write-up is Markdown, its name ends in .md.`,
			`Pass a name like ${basename(full).replace(/\.[^.]*$/, '')}.md.`,
		);
	const folder = dirname(full);
	try {
		if (!statSync(folder).isDirectory()) throw new Error('not a folder');
		accessSync(folder, constants.W_OK);
	} catch {
		return new UsageError(
			'ReportFolderNotWritable',
			`--report ${path}: ca-wizard cannot write in ${folder}.`,
			'Pass a path in a folder that exists and that you may write in.',
		);
	}
	if (isFolder(full)) return new UsageError('ReportIsFolder', `--report ${path} is a folder.`, 'Pass the path of a file ending in .md.');
	return undefined;
}

/** The run log a path names: the log itself, or the work folder (or its run record) that holds it. */
export function runLogPath(path: string): string {
	const full = resolve(path);
	if (isFolder(full)) return join(full, runLogFileName);
	return basename(full) === ledgerFileName ? join(dirname(full), runLogFileName) : full;
}

/** The last run's write-up, from the log at `logPath` and the run record beside it. */
export async function reportFromLog(logPath: string, options: {showAccount: boolean}): Promise<string> {
	let text: string;
	try {
		text = readFileSync(logPath, 'utf8');
	} catch (error) {
		const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
		throw new UsageError(
			'RunLogMissing',
			missing ? `No run log at ${logPath}: no wizard run was recorded there.` : `The run log ${logPath} cannot be read: ${(error as Error).message}.`,
			missing
				? 'Name the work folder of a run with --run DIR (the wizard writes its log there since this version; a dry run writes none).'
				: 'Check its permissions, then try again.',
		);
	}
	const ledger = await RunLedger.open(join(dirname(logPath), ledgerFileName)).catch(() => undefined);
	return renderReport({records: lastRun(parseRunLog(text)), ...(ledger ? {ledger: ledger.entries} : {}), showAccount: options.showAccount});
}

/** Writes the report whole, or leaves what was there. */
export function writeReport(path: string, markdown: string): void {
	writeFileAtomic(resolve(path), markdown, {mode: 0o644});
}

function isFolder(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}
