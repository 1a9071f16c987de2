import type {ConsoleLinks} from './console-links.js';
import type {CreatedResource, Problem, Summary, WizardEvent} from './events.js';
import type {StepId} from './steps.js';

// How a run ended, as one record: the --json stream's last event. It is read off the events the
// run sent (whatever way it ended), plus what only the command knows: how it ended and the exit
// code the process exits with.

/** succeeded; stopped at a problem; declined (a needed yes was answered no); cancelled (q, Ctrl-C, SIGTERM); failed (an error outside the journey's own stops). */
export type RunStatus = 'succeeded' | 'stopped' | 'declined' | 'cancelled' | 'failed';

export interface ResultResource {
	kind: CreatedResource['kind'];
	name: string;
	arn?: string;
	/** created: ca-wizard made it (undone by destroy); adopted: found and used as it was (never undone). */
	origin: 'created' | 'adopted';
	/** Made by an earlier run in this work folder that stopped, and taken over by this one. */
	earlierRun?: true;
}

export interface ResultWarning {
	step: StepId;
	code: string;
	message: string;
	/** The fix that was made and worked; none when the run ended before one did. */
	fix?: string;
}

export interface RunResult {
	type: 'result';
	status: RunStatus;
	/** The code the process exits with. */
	exitCode: number;
	resources: ResultResource[];
	/** Files written (a dry run writes none). */
	files: {path: string; backupPath?: string}[];
	/** Packages the build fetched into the repository. */
	packages: number;
	warnings: ResultWarning[];
	/** What ended a run that did not succeed. */
	problem?: {step?: StepId; code: string; message: string; fix?: string};
	/** Real AWS only. */
	console?: ConsoleLinks;
	/** A dry run: nothing was created or written; `plannedCalls` changes were planned. */
	dryRun?: {plannedCalls: number};
	/** The package the publish step published, and whether the copy fetched back matched its SHA-256. */
	published?: {domain: string; repository: string; namespace: string; package: string; version: string; sha256: string; verified?: boolean};
}

/** How the command ended the run: the journey's outcome (a failure outside it is reported with failed()) and its exit code. */
export interface RunEnding {
	outcome: 'completed' | 'stopped' | 'cancelled';
	exitCode: number;
}

export interface RunTracker {
	observe(event: WizardEvent): void;
	/** A failure outside the journey's own stops (no credentials, the folder in use, a bug). */
	failed(problem: {code: string; message: string; fix?: string}): void;
	result(ending: RunEnding): RunResult;
}

const key = (resource: CreatedResource) => `${resource.kind}\u0000${resource.name}`;

export function createRunTracker(): RunTracker {
	const touched = new Map<string, {resource: CreatedResource; reused: boolean}>();
	const packages = new Set<string>();
	const warnings: ResultWarning[] = [];
	let summary: Summary | undefined;
	let plannedCalls: number | undefined;
	let stop: {step?: StepId; problem: Problem} | undefined;
	let failure = false;
	let published: RunResult['published'];

	return {
		observe(event) {
			switch (event.type) {
				case 'resource':
					touched.set(key(event.resource), {resource: event.resource, reused: event.reused});
					break;
				case 'package':
					if (event.row.state === 'confirmed') packages.add(`${event.row.namespace}:${event.row.name}`);
					break;
				case 'warning':
					warnings.push({step: event.step, code: event.problem.code, message: event.problem.message});
					break;
				case 'fixed': {
					const warning = warnings.findLast(w => w.code === event.code && w.fix === undefined);
					if (warning) warning.fix = event.fix;
					break;
				}
				case 'problem':
					stop = {step: event.step, problem: event.problem};
					break;
				case 'summary':
					summary = event.summary;
					break;
				case 'published': {
					const {domain, repository, namespace, version, asset} = event;
					published = {domain, repository, namespace, package: event.package, version, sha256: asset.sha256};
					break;
				}
				case 'verified':
					if (published?.package === event.package && published.version === event.version) published.verified = event.matches;
					break;
				case 'plan':
					plannedCalls = event.plan.calls.length;
					break;
				default:
					break; // the rest says how the run went, not how it ended
			}
		},
		failed(problem) {
			failure = true;
			stop = {problem};
		},
		result({outcome, exitCode}) {
			const status: RunStatus =
				outcome === 'cancelled' ? 'cancelled' : failure ? 'failed' : outcome === 'completed' ? 'succeeded' : stop?.problem.declined ? 'declined' : 'stopped';
			const dryRun = plannedCalls !== undefined ? {plannedCalls} : undefined;
			return {
				type: 'result',
				status,
				exitCode,
				// A dry run made nothing: only what it found and would use is a resource.
				resources: resources(summary, [...touched.values()]).filter(resource => !dryRun || resource.origin === 'adopted'),
				files: dryRun ? [] : (summary?.files ?? filesWritten([...touched.values()])),
				packages: summary?.build.packages ?? packages.size,
				warnings: warnings.map(warning => ({...warning})),
				...(status !== 'succeeded' && stop ? {problem: problemOf(stop)} : {}),
				...(summary?.console ? {console: summary.console} : {}),
				...(dryRun ? {dryRun} : {}),
				...(published ? {published: {...published}} : {}),
			};
		},
	};
}

/** The summary's account (which knows earlier runs' resources) when the run got that far; else what the events showed. */
function resources(summary: Summary | undefined, touched: {resource: CreatedResource; reused: boolean}[]): ResultResource[] {
	if (!summary) return touched.map(({resource, reused}) => described(resource, reused ? 'adopted' : 'created'));
	return [
		...summary.created.map(({resource, earlierRun}) => ({...described(resource, 'created'), ...(earlierRun ? {earlierRun: true as const} : {})})),
		...summary.reused.map(resource => described(resource, 'adopted')),
	];
}

function described({kind, name, arn}: CreatedResource, origin: ResultResource['origin']): ResultResource {
	return {kind, name, ...(arn ? {arn} : {}), origin};
}

function filesWritten(touched: {resource: CreatedResource; reused: boolean}[]): {path: string}[] {
	return touched.filter(({resource, reused}) => resource.kind === 'file' && !reused).map(({resource}) => ({path: resource.details?.['path'] ?? resource.name}));
}

function problemOf({step, problem}: {step?: StepId; problem: Problem}): NonNullable<RunResult['problem']> {
	return {...(step ? {step} : {}), code: problem.code, message: problem.message, ...(problem.fix ? {fix: problem.fix} : {})};
}

/** The result of a run refused before it began (a bad flag, no session yet): nothing made, nothing written. */
export function failedRunResult(failure: {code: string; message: string; fix?: string; exitCode: number}): RunResult {
	const tracker = createRunTracker();
	tracker.failed({code: failure.code, message: failure.message, ...(failure.fix ? {fix: failure.fix} : {})});
	return tracker.result({outcome: 'stopped', exitCode: failure.exitCode});
}
