import {resolve} from 'node:path';
import process from 'node:process';
import {describeFailure, exitCodes, failureLines} from '../errors.js';
import {reportFromLog, reportPathProblem, runLogPath, writeReport} from '../files/report-file.js';
import {defaultWorkDirName} from './defaults.js';

export interface ReportOptions {
	/** A work folder, or a run log; ./ca-wizard-work by default. */
	run?: string;
	/** Where to write it; stdout when absent. */
	out?: string;
	showAccount: boolean;
}

export async function runReportCommand(options: ReportOptions): Promise<number> {
	try {
		const problem = options.out ? reportPathProblem(options.out) : undefined;
		if (problem) throw problem;
		const markdown = await reportFromLog(runLogPath(options.run ?? defaultWorkDirName), {showAccount: options.showAccount});
		if (!options.out) {
			process.stdout.write(markdown);
			return exitCodes.done;
		}
		writeReport(options.out, markdown);
		process.stdout.write(`The write-up: ${resolve(options.out)}\n`);
		return exitCodes.done;
	} catch (error) {
		const failure = describeFailure(error);
		process.stderr.write(failureLines(failure));
		return failure.exitCode;
	}
}
