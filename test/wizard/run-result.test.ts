import {expect, it} from 'vitest';
import type {WizardEvent} from '../../source/wizard/events.js';
import {createRunTracker, type RunEnding} from '../../source/wizard/run-result.js';
import {exampleSummary} from '../helpers/example-summary.js';

const domain = {kind: 'domain', name: 'ca-wizard-demo', arn: 'arn:aws:codeartifact:us-east-1:111122223333:domain/ca-wizard-demo'} as const;
const role = {kind: 'iam-role', name: 'build-host-role', arn: 'arn:aws:iam::111122223333:role/build-host-role'} as const;
const refused: WizardEvent = {type: 'warning', step: 'token', problem: {code: 'denied-token', message: 'The build host may not ask for a token'}};

function resultOf(events: WizardEvent[], ending: RunEnding, failure?: {code: string; message: string}) {
	const tracker = createRunTracker();
	for (const event of events) tracker.observe(event);
	if (failure) tracker.failed(failure);
	return tracker.result(ending);
}

it('a finished run: the summary says what was created (an earlier run too) and adopted, the files and packages; a fixed refusal is a warning with its fix', () => {
	const result = resultOf(
		[
			{type: 'resource', step: 'domain', resource: domain, reused: false},
			refused,
			{type: 'fixed', step: 'token', code: 'denied-token', fix: 'Attach the policy to build-host-role'},
			{type: 'summary', summary: exampleSummary},
		],
		{outcome: 'completed', exitCode: 0},
	);
	expect(result).toEqual({
		type: 'result',
		status: 'succeeded',
		exitCode: 0,
		resources: [
			{kind: 'domain', name: 'ca-wizard-demo', arn: 'arn:aws:codeartifact:us-east-1:549480709600:domain/ca-wizard-demo', origin: 'created'},
			{kind: 'iam-role', name: 'ca-wizard-build-host', origin: 'created', earlierRun: true},
			{kind: 'repository', name: 'maven-repo', arn: 'arn:aws:codeartifact:us-east-1:549480709600:repository/ca-wizard-demo/maven-repo', origin: 'adopted'},
		],
		files: [{path: '/tmp/work/settings.xml', backupPath: '/tmp/work/settings.xml.bak'}],
		packages: 42,
		warnings: [{step: 'token', code: 'denied-token', message: 'The build host may not ask for a token', fix: 'Attach the policy to build-host-role'}],
	});
});

it('a run stopped early: what the events showed, the packages confirmed so far, and the problem that stopped it', () => {
	const row = {name: 'junit', namespace: 'junit', format: 'maven', latestVersion: '4.13.2', publish: 'BLOCK', upstream: 'ALLOW'} as const;
	const result = resultOf(
		[
			{type: 'resource', step: 'domain', resource: domain, reused: false},
			{type: 'resource', step: 'access', resource: role, reused: true},
			{type: 'resource', step: 'settings', resource: {kind: 'file', name: '/w/settings.xml', details: {path: '/w/settings.xml'}}, reused: false},
			{type: 'package', row: {...row, state: 'seen'}},
			{type: 'package', row: {...row, state: 'confirmed'}},
			{type: 'package', row: {...row, state: 'confirmed'}},
			{type: 'problem', step: 'build', problem: {code: 'BuildFailed', message: 'Maven failed.', fix: 'Read the lines above.'}},
		],
		{outcome: 'stopped', exitCode: 1},
	);
	expect(result).toMatchObject({
		status: 'stopped',
		exitCode: 1,
		resources: [
			{kind: 'domain', arn: domain.arn, origin: 'created'},
			{kind: 'iam-role', arn: role.arn, origin: 'adopted'},
			{kind: 'file', name: '/w/settings.xml', origin: 'created'},
		],
		files: [{path: '/w/settings.xml'}],
		packages: 1,
		warnings: [],
		problem: {step: 'build', code: 'BuildFailed', message: 'Maven failed.', fix: 'Read the lines above.'},
	});
});

it('tells declined, cancelled and failed apart; a refusal never fixed stays a warning without a fix', () => {
	const declined = resultOf([refused, {type: 'problem', step: 'token', problem: {code: 'TokenRefused', message: 'Refused.', declined: true}}], {
		outcome: 'stopped',
		exitCode: 1,
	});
	expect(declined).toMatchObject({status: 'declined', problem: {code: 'TokenRefused'}, warnings: [{code: 'denied-token'}]});
	expect(declined.warnings[0]).not.toHaveProperty('fix');
	const cancelled = resultOf([{type: 'resource', step: 'domain', resource: domain, reused: false}], {outcome: 'cancelled', exitCode: 130});
	expect(cancelled).toMatchObject({status: 'cancelled', exitCode: 130, resources: [{kind: 'domain', origin: 'created'}]});
	expect(cancelled).not.toHaveProperty('problem');
	const failed = resultOf([], {outcome: 'stopped', exitCode: 2}, {code: 'NoTerminal', message: 'No terminal to ask.'});
	expect(failed).toMatchObject({status: 'failed', exitCode: 2, problem: {code: 'NoTerminal', message: 'No terminal to ask.'}});
});

it('a dry run created and wrote nothing: only what it would adopt, and how many changes it planned', () => {
	const result = resultOf(
		[
			{type: 'resource', step: 'domain', resource: domain, reused: false},
			{type: 'resource', step: 'access', resource: role, reused: true},
			{type: 'resource', step: 'settings', resource: {kind: 'file', name: '/w/settings.xml'}, reused: false},
			{type: 'plan', plan: {calls: [{service: 'codeartifact', operation: 'CreateDomain', parameters: {domain: 'ca-wizard-demo'}}], files: []}},
		],
		{outcome: 'completed', exitCode: 0},
	);
	expect(result).toMatchObject({status: 'succeeded', resources: [{kind: 'iam-role', origin: 'adopted'}], files: [], dryRun: {plannedCalls: 1}});
});

it('carries the console links of a real-AWS summary, and none without them', () => {
	const console = {domain: 'https://d', repository: 'https://r', packages: 'https://p'};
	expect(resultOf([{type: 'summary', summary: {...exampleSummary, console}}], {outcome: 'completed', exitCode: 0}).console).toEqual(console);
	expect(resultOf([{type: 'summary', summary: exampleSummary}], {outcome: 'completed', exitCode: 0})).not.toHaveProperty('console');
});

it('a run that published: the result names the package, its SHA-256 and whether the copy fetched back matched', () => {
	const published: WizardEvent = {
		type: 'published',
		step: 'publish',
		domain: 'ca-wizard-demo',
		repository: 'maven-repo',
		format: 'generic',
		namespace: 'ca-wizard',
		package: 'hello-ca-wizard',
		version: '1.0.0',
		asset: {name: 'hello-ca-wizard-1.0.0.tar.gz', bytes: 180, sha256: 'ab'.repeat(32)},
	};
	const verified: WizardEvent = {
		type: 'verified',
		step: 'publish',
		package: 'hello-ca-wizard',
		version: '1.0.0',
		sha256: 'ab'.repeat(32),
		matches: true,
		files: ['hello.txt'],
	};
	expect(resultOf([published, verified, {type: 'summary', summary: exampleSummary}], {outcome: 'completed', exitCode: 0}).published).toEqual({
		domain: 'ca-wizard-demo',
		repository: 'maven-repo',
		namespace: 'ca-wizard',
		package: 'hello-ca-wizard',
		version: '1.0.0',
		sha256: 'ab'.repeat(32),
		verified: true,
	});
	expect(resultOf([published], {outcome: 'stopped', exitCode: 1}).published).not.toHaveProperty('verified');
	expect(resultOf([], {outcome: 'completed', exitCode: 0})).not.toHaveProperty('published');
});
