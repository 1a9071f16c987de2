import {assertNever} from '../errors.js';
import type {WizardEvent} from '../wizard/events.js';
import type {WizardHost} from '../wizard/host.js';
import type {Answer, GoBack, Question} from '../wizard/questions.js';
import {stepIds, steps} from '../wizard/steps.js';
import {planText} from '../wizard/plan.js';
import {summaryText} from '../wizard/summary-lines.js';
import {plainText} from '../text/plain-text.js';
import {publishedEventLines, verifiedEventLines} from '../publish/publish-lines.js';
import {answerFromFlags, type FlagAnswers} from './answers.js';

// The host for no terminal (a pipe, CI, --yes): every event becomes plain lines, with no
// spinners, no colours and no escape codes from what it passes on (Maven's lines), and every question is answered from flags or defaults at once.

/** Where a host writes: process.stdout, or anything with a write method. */
export interface TextSink {
	write(text: string): unknown;
}

export interface PlainHostOptions extends FlagAnswers {
	out: TextSink;
}

export function createPlainHost(options: PlainHostOptions): WizardHost {
	const format = createPlainFormatter();
	const print = (lines: string[]) => {
		if (lines.length > 0) options.out.write(lines.map(line => `${plainText(line)}\n`).join(''));
	};
	return {
		notify(event) {
			print(format(event));
		},
		async ask<Q extends Question>(question: Q): Promise<Answer<Q> | GoBack> {
			const {value, from} = answerFromFlags(question, options);
			print([`? ${question.message} ${shown(question, value)} (${from === 'flag' ? `--${question.id}` : 'default'})`]);
			return value as Answer<Q>;
		},
	};
}

function shown(question: Question, value: string | boolean): string {
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (question.kind === 'multiselect') return value === '' ? 'none' : value;
	if (question.kind !== 'select') return value;
	return question.choices.find(choice => choice.value === value)?.label ?? value;
}

/** Turns events into lines; remembers just enough to skip repeats (the same progress, a package seen twice). */
export function createPlainFormatter(): (event: WizardEvent) => string[] {
	const lastProgress = new Map<string, string>();
	const packagesShown = new Set<string>();
	let counted = false;
	return event => {
		switch (event.type) {
			case 'step': {
				const label = `[${stepIds.indexOf(event.step) + 1}/${stepIds.length}] ${steps[event.step].title}`;
				if (event.status === 'active') return ['', label];
				if (event.status === 'pending') return [`${label}: back`];
				return [`${label}: ${event.status}`];
			}
			case 'note':
				if (event.happened) return [`  what just happened: ${event.message}`];
				return [`  ${event.tone === 'info' ? '' : `${event.tone}: `}${event.message}`];
			case 'facts':
				return event.facts.map(fact => `  ${fact.label}: ${fact.value}${fact.tone === 'bad' || fact.tone === 'warn' ? ' (!)' : ''}`);
			case 'resource': {
				const {kind, name, arn} = event.resource;
				return [`  ${event.reused ? 'reused' : 'created'} ${kind} ${name}${arn ? ` (${arn})` : ''}`];
			}
			case 'policy':
				return [`  policy ${event.name}:`, ...indent(event.document.split('\n')), ...event.explanations.map(line => `    - ${line}`)];
			case 'diff':
				return [`  ${event.path}:`, ...indent(event.lines)];
			case 'progress': {
				// A countdown ("up to 12 s more") is one line without a terminal, not one per tick.
				const gist = event.message.replace(/\d+/g, '#');
				if (lastProgress.get(event.step) === gist) return [];
				lastProgress.set(event.step, gist);
				return [`  ${event.message}`];
			}
			case 'maven-output':
				return [`  | ${event.line}`];
			case 'package': {
				const {row} = event;
				const key = `${row.namespace}:${row.name}:${row.latestVersion}`;
				if (row.state !== 'confirmed' || packagesShown.has(key)) return [];
				packagesShown.add(key);
				return [`  package ${row.namespace ? `${row.namespace}:` : ''}${row.name} ${row.latestVersion} is in the repository`];
			}
			case 'package-count': {
				// What the repository held before the build; the build step's progress says what it holds after.
				if (counted) return [];
				counted = true;
				return event.count > 0 ? [`  ${event.repository} already holds ${event.count} package${event.count === 1 ? '' : 's'}`] : [];
			}
			case 'problem':
			case 'warning': {
				const {code, message, fix, details, awsError} = event.problem;
				const aws = awsError ? [`${awsError.code}: ${awsError.message}`] : [];
				return [
					`${event.type === 'problem' ? 'error' : 'warning'} [${code}]: ${message}`,
					...(fix ? [`  fix: ${fix}`] : []),
					...indent([...(details ?? []), ...aws]),
				];
			}
			case 'fixed':
				return [`  fixed [${event.code}]: ${event.fix}`];
			case 'published':
				return publishedEventLines(event, 78).map(line => `  ${line}`);
			case 'verified':
				return verifiedEventLines(event).map(line => `  ${line}`);
			case 'summary':
				return ['', ...summaryText(event.summary)];
			case 'plan':
				return ['', ...planText(event.plan)];
			default:
				return assertNever(event);
		}
	};
}

function indent(lines: string[]): string[] {
	return lines.map(line => `    ${line}`);
}
