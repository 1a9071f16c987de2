import type {LedgerEntry} from '../wizard/ledger.js';
import {consoleLinks, type ConsoleLinks} from '../wizard/console-links.js';
import {resourceNouns, type CreatedResource, type PackageRow, type Problem, type Summary} from '../wizard/events.js';
import {mergeRow} from '../wizard/package-table.js';
import type {RunResult} from '../wizard/run-result.js';
import {steps, type StepId} from '../wizard/steps.js';
import {concepts} from './concepts.js';
import {code, codeCell, fenced, link, table, text} from './markdown.js';
import {duration, maskAccount, maskedSettingsLine, policyLines, utcTime} from './report-text.js';
import type {LoggedEvent, PublishedEvent, RunLogRecord, RunTargetKind, VerifiedEvent} from './run-log.js';

// The learner's write-up of one run, in Markdown, from its run log (and the run record for
// ARNs the events did not carry). It states only what the log shows happened: a step that did
// not run is not described, a run that stopped says where and why. Pure: no files, no AWS.

export interface ReportInput {
	/** One run's records, oldest first (lastRun() of the log). */
	records: readonly RunLogRecord[];
	/** The work folder's run record entries, when there is one. */
	ledger?: readonly LedgerEntry[];
	/** --report-account: the account id in full; masked (1234••••9012) otherwise. */
	showAccount?: boolean;
}

/** The events' problems, with AWS's own words when the event carries them. */
type ProblemWithAws = Problem & {awsError?: {code: string; message: string}};

interface StepRecord {
	id: string;
	title: string;
	status: string;
	ms: number;
	lines: string[];
}

export function renderReport({records, ledger = [], showAccount = false}: ReportInput): string {
	const events = records.flatMap(record => (record.type === 'event' ? [{time: record.time, event: record.event}] : []));
	const start = records.find(record => record.type === 'start');
	const end = records.findLast(record => record.type === 'end');
	const result: RunResult | undefined = end?.type === 'end' ? end.result : undefined;
	const target: RunTargetKind | undefined = start?.type === 'start' ? start.target : undefined;
	const facts = new Map(events.flatMap(({event}) => (event.type === 'facts' ? event.facts.map(fact => [fact.label, fact.value] as const) : [])));
	const account = facts.get('Account');
	const region = facts.get('Region');
	const summary = events.findLast(({event}) => event.type === 'summary')?.event as {summary: Summary} | undefined;
	const stepRecords = stepsOf(events);

	const out: string[] = [];
	const section = (heading: string, body: string[]) => out.push('', `## ${heading}`, '', ...body);
	out.push(`# ca-wizard run of ${records[0] ? utcTime(records[0].time) : 'an unknown time'}`, '');
	out.push(...overview({records, target, account, region, result, stepRecords}));
	section('Steps', stepSections(stepRecords));
	section(
		'Resources',
		resourceLines(
			events.map(e => e.event),
			summary?.summary,
			ledger,
			target,
			{account, region},
		),
	);
	const policy = events.findLast(({event}) => event.type === 'policy')?.event;
	if (policy?.type === 'policy')
		section('The build host policy', [
			`Policy ${code(policy.name)}, a line per statement:`,
			'',
			...fenced('json', policyLines(policy.document)),
			'',
			...policy.explanations.map(line => `- ${text(line)}`),
		]);
	const diffs = events.flatMap(({event}) => (event.type === 'diff' ? [event] : []));
	if (diffs.length > 0)
		section(
			'settings.xml',
			diffs.flatMap((diff, index) => [
				...(index > 0 ? [''] : []),
				`The change to ${code(diff.path)} (the token stays an environment reference; any password written in the file is masked):`,
				'',
				...fenced('diff', diff.lines.map(maskedSettingsLine)),
			]),
		);
	section('Packages', packageLines(events.map(e => e.event)));
	section('Access denied, and the fix', accessLines(events.map(e => e.event)));
	section('Publish and verify', publishLines(events.map(e => e.event)));
	section(
		'The concepts in plain words',
		concepts.map(({term, meaning}) => `- **${term}**: ${meaning}`),
	);
	const markdown = `${out.join('\n')}\n`;
	// The account in every ARN and link is masked too, unless asked for (--report-account).
	return account && !showAccount ? markdown.replaceAll(account, maskAccount(account)) : markdown;
}

function overview(input: {
	records: readonly RunLogRecord[];
	target: RunTargetKind | undefined;
	account: string | undefined;
	region: string | undefined;
	result: RunResult | undefined;
	stepRecords: StepRecord[];
}): string[] {
	const {records, target, account, region, result, stepRecords} = input;
	const first = records[0];
	const last = records.at(-1);
	const took = first && last ? duration(Date.parse(last.time) - Date.parse(first.time)) : undefined;
	const where = target === 'sandbox' ? 'the embedded sandbox (offline, no AWS account)' : target === 'sandbox-url' ? 'a running ca-wizard sandbox' : 'AWS';
	return [
		`- **Date:** ${first ? utcTime(first.time) : 'unknown'}${took ? ` (the run took ${took})` : ''}`,
		`- **Where:** ${where}`,
		`- **Account:** ${account ? code(account) : 'not reached'}`,
		`- **Region:** ${region ? code(region) : 'not reached'}`,
		`- **Outcome:** ${outcome(result, stepRecords)}`,
	];
}

function outcome(result: RunResult | undefined, stepRecords: StepRecord[]): string {
	const reached = stepRecords.at(-1);
	const at = (step: string | undefined) => {
		const found = stepRecords.find(record => record.id === step) ?? reached;
		return found ? `step ${stepNumber(found.id)}, ${found.title}` : 'the start';
	};
	if (!result) return `the log ends at ${at(undefined)} without saying how the run ended (it was killed, or is still running).`;
	const why = result.problem ? ` ${sentence(result.problem.message)}${result.problem.fix ? ` Fix: ${sentence(result.problem.fix)}` : ''}` : '';
	switch (result.status) {
		case 'succeeded':
			return `completed: every step ran${result.packages > 0 ? `, and the build fetched ${result.packages} packages through CodeArtifact` : ''}.`;
		case 'declined':
			return `stopped at ${at(result.problem?.step)}, because a change it needed was declined.${why}`;
		case 'cancelled':
			return `cancelled (q, Ctrl-C or a signal) at ${at(undefined)}.`;
		case 'stopped':
		case 'failed':
			return `stopped at ${at(result.problem?.step)}.${why}`;
	}
}

/** Text as a sentence that ends with its stop, so the next one can follow. */
function sentence(value: string): string {
	const escaped = text(value.trim());
	return /[.!?]$/.test(escaped) ? escaped : `${escaped}.`;
}

function stepNumber(id: string): string {
	const index = Object.keys(steps).indexOf(id);
	return index === -1 ? '' : String(index + 1);
}

/** Each step the run entered, in order, with the time it was active and what it did. */
function stepsOf(events: readonly {time: string; event: LoggedEvent}[]): StepRecord[] {
	const byId = new Map<string, StepRecord>();
	let activeSince: {id: string; at: number} | undefined;
	const stepOf = (id: string) => {
		let record = byId.get(id);
		if (!record) {
			record = {id, title: (steps as Record<string, {title: string} | undefined>)[id]?.title ?? id, status: 'active', ms: 0, lines: []};
			byId.set(id, record);
		}
		return record;
	};
	for (const {time, event} of events) {
		const at = Date.parse(time);
		if (event.type === 'step') {
			if (activeSince) stepOf(activeSince.id).ms += at - activeSince.at;
			activeSince = event.status === 'active' ? {id: event.step, at} : undefined;
			stepOf(event.step).status = event.status;
			continue;
		}
		const step = 'step' in event ? event.step : activeSince?.id;
		if (!step) continue;
		stepOf(step).lines.push(...stepLines(event));
	}
	const lastTime = events.at(-1)?.time;
	if (activeSince && lastTime) stepOf(activeSince.id).ms += Date.parse(lastTime) - activeSince.at;
	return [...byId.values()].filter(record => record.status !== 'pending' || record.lines.length > 0);
}

/** What one event says about its step, as lines of the step's list; none for what only the other sections tell. */
function stepLines(event: LoggedEvent): string[] {
	if (event.type === 'facts') return event.facts.map(fact => `${text(fact.label)}: ${text(fact.value)}`);
	if (event.type === 'summary')
		return [
			...event.summary.next.filter(next => next.purpose === 'build').map(next => `Build again, with a fresh token: ${code(next.command)}`),
			`Undo what ca-wizard created: ${code(event.summary.destroy)}`,
		];
	const line = stepLine(event);
	return line === undefined ? [] : [line];
}

function stepLine(event: LoggedEvent): string | undefined {
	switch (event.type) {
		case 'note':
			return `${event.tone === 'warning' ? 'Warning: ' : ''}${text(event.message)}`;
		case 'progress':
			return event.done ? text(event.message) : undefined;
		case 'resource':
			return `${event.reused ? 'Used the existing' : 'Created the'} ${resourceNouns[event.resource.kind]} ${code(event.resource.name)}`;
		case 'policy':
			return `Showed the policy ${code(event.name)} (below)`;
		case 'diff':
			return `Showed the change to ${code(event.path)} (below)`;
		case 'warning':
			return `Met: ${text(event.problem.message)} (${code(event.problem.code)})`;
		case 'fixed':
			return `Fixed: ${text(event.fix)}`;
		case 'problem':
			return `Stopped: ${text(event.problem.message)}`;
		case 'published':
			return `Published ${code(`${event.package}@${event.version}`)} to ${code(event.repository)}`;
		case 'verified':
			return `Downloaded it back: SHA-256 ${event.matches ? 'matches' : 'does NOT match'}`;
		default:
			return undefined;
	}
}

function stepSections(records: StepRecord[]): string[] {
	if (records.length === 0) return ['No step started.'];
	return records.flatMap((record, index) => {
		const status = record.status === 'done' ? '' : record.status === 'failed' ? ', stopped here' : record.status === 'skipped' ? ', skipped' : ', not finished';
		const unique = [...new Set(record.lines)];
		return [
			...(index > 0 ? [''] : []),
			`### ${stepNumber(record.id) ? `${stepNumber(record.id)}. ` : ''}${record.title} (${duration(record.ms)}${status})`,
			'',
			...(unique.length > 0 ? unique.map(line => `- ${line}`) : ['- Nothing to report.']),
		];
	});
}

function resourceLines(
	events: LoggedEvent[],
	summary: Summary | undefined,
	ledger: readonly LedgerEntry[],
	target: RunTargetKind | undefined,
	place: {account: string | undefined; region: string | undefined},
): string[] {
	const seen = new Map<string, {resource: CreatedResource; origin: string}>();
	const key = (resource: CreatedResource) => `${resource.kind}\u0000${resource.name}\u0000${resource.details?.['domain'] ?? ''}`;
	for (const {resource, earlierRun} of summary?.created ?? []) seen.set(key(resource), {resource, origin: earlierRun ? 'created (an earlier run)' : 'created'});
	for (const event of events)
		if (event.type === 'resource' && !seen.has(key(event.resource)))
			seen.set(key(event.resource), {resource: event.resource, origin: event.reused ? 'reused' : 'created'});
	for (const resource of summary?.reused ?? []) if (!seen.has(key(resource))) seen.set(key(resource), {resource, origin: 'reused'});
	if (seen.size === 0) return ['The run created and used no resource.'];
	const arnOf = (resource: CreatedResource) =>
		resource.arn ??
		ledger.find(entry => entry.kind === resource.kind && entry.name === resource.name && entry.details?.['domain'] === resource.details?.['domain'])?.arn;
	const rows = [...seen.values()].map(({resource, origin}) => {
		const arn = arnOf(resource);
		return [text(resourceNouns[resource.kind]), codeCell(resource.name), arn ? codeCell(arn) : '—', origin];
	});
	const lines = table(['What', 'Name', 'ARN', 'How'], rows);
	const links =
		summary?.console ??
		(target === 'aws'
			? linksFrom(
					[...seen.values()].map(({resource}) => resource),
					place,
				)
			: undefined);
	if (links)
		lines.push(
			'',
			'In the AWS console:',
			'',
			`- ${link('the domain', links.domain)}`,
			`- ${link('the repository', links.repository)}`,
			`- ${link('its packages', links.packages)}`,
			...(links.role ? [`- ${link("the build host's role", links.role)}`] : []),
		);
	return lines;
}

/** A real-AWS run that stopped before its summary: the console links of what it got to. */
function linksFrom(resources: CreatedResource[], {account, region}: {account: string | undefined; region: string | undefined}): ConsoleLinks | undefined {
	const repository = resources.find(resource => resource.kind === 'repository' && resource.details?.['domain']);
	const domain = repository?.details?.['domain'];
	if (!account || !region || !repository || !domain) return undefined;
	return consoleLinks({account, region, domain, repository: repository.name});
}

function packageLines(events: LoggedEvent[]): string[] {
	let rows: PackageRow[] = [];
	for (const event of events) if (event.type === 'package') rows = mergeRow(rows, event.row);
	if (rows.length === 0) return ['No package was fetched in this run.'];
	const sorted = [...rows].sort((a, b) => `${a.namespace}:${a.name}`.localeCompare(`${b.namespace}:${b.name}`));
	const confirmed = sorted.filter(row => row.state === 'confirmed').length;
	return [
		`${sorted.length} packages, ${confirmed} of them confirmed against the repository (the console's columns):`,
		'',
		...table(
			['Package', 'Namespace', 'Format', 'Latest version', 'Published', 'Publish', 'Upstream'],
			sorted.map(row => [
				codeCell(row.name),
				codeCell(row.namespace),
				row.format,
				codeCell(row.latestVersion),
				row.latestPublishDate ? utcTime(row.latestPublishDate) : '—',
				row.publish || '—',
				row.upstream || '—',
			]),
		),
	];
}

/**
 * The refusals the run met (the token step's warnings, and a stop there), each with what came
 * of it: the fix that worked, or the stop. A stop that follows its warning is told with it.
 */
function accessLines(events: LoggedEvent[]): string[] {
	const refusals = events.flatMap((event, at) => (event.type === 'warning' || event.type === 'problem' ? [{event, at}] : []));
	const met = refusals.filter(
		({event, at}) =>
			(event.step === 'token' || /denied/i.test(event.problem.code)) &&
			!(event.type === 'problem' && refusals.some(other => other.at < at && other.event.type === 'warning' && other.event.step === event.step)),
	);
	if (met.length === 0) return ['The run met no access refusal: the build host got its token at the first ask.'];
	return met.flatMap(({event, at}, index) => {
		const problem = event.problem as ProblemWithAws;
		const fixed = events.slice(at).find(e => e.type === 'fixed' && e.code === problem.code);
		const stop = events.slice(at).find((e): e is Extract<LoggedEvent, {type: 'problem'}> => e.type === 'problem' && e.step === event.step);
		const answer =
			fixed?.type === 'fixed'
				? `Fixed: ${sentence(fixed.fix)} The build host then got a token.`
				: stop
					? `Not fixed: ${stop.problem.declined ? 'the fix offered was declined, and ' : ''}the run stopped here.${stop.problem.fix ? ` ${sentence(stop.problem.fix)}` : ''}`
					: 'No fix was made in this run.';
		return [
			...(index > 0 ? [''] : []),
			`**${text(problem.message)}** (${code(problem.code)}, step ${text(steps[event.step as StepId]?.title ?? event.step)})`,
			'',
			...(problem.details ?? []).map(line => `> ${text(line)}`),
			...(problem.awsError ? ['', "AWS's own words:", '', ...fenced('text', [`${problem.awsError.code}: ${problem.awsError.message}`])] : []),
			'',
			answer,
		];
	});
}

function publishLines(events: LoggedEvent[]): string[] {
	const published = events.filter((event): event is PublishedEvent => event.type === 'published');
	const verified = events.filter((event): event is VerifiedEvent => event.type === 'verified');
	if (published.length === 0) return ['Not published in this run.'];
	return published.flatMap((event, index) => {
		const check = verified.find(v => v.package === event.package && v.version === event.version);
		return [
			...(index > 0 ? [''] : []),
			`- Published ${code(`${event.namespace}/${event.package}@${event.version}`)} (${text(event.format)}) to ${code(`${event.domain}/${event.repository}`)}`,
			`- Asset ${code(event.asset.name)}, ${event.asset.bytes} bytes, SHA-256 ${code(event.asset.sha256)}`,
			...(event.origin || event.publish || event.upstream
				? [`- Origin ${text(event.origin ?? '—')}; publish ${event.publish ?? '—'}, upstream ${event.upstream ?? '—'}`]
				: []),
			...(event.arn ? [`- ARN ${code(event.arn)}`] : []),
			check
				? `- Downloaded back: SHA-256 ${check.matches ? 'matches' : 'does NOT match'}${check.files.length > 0 ? `; the archive holds ${check.files.map(code).join(', ')}` : ''}`
				: '- Not downloaded back in this run.',
		];
	});
}
