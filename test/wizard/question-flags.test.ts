import {cpSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {AwsApis, HostMetadata} from '../../source/aws/apis.js';
import {AwsFailure, type AwsFailureKind} from '../../source/aws/errors.js';
import {journeyFiles} from '../../source/commands/journey-deps.js';
import {checkAnswer} from '../../source/host/answers.js';
import {packageRoot} from '../../source/files/package-root.js';
import {JourneyStop, type StepContext} from '../../source/wizard/journey/context.js';
import {tokenStep} from '../../source/wizard/journey/token-step.js';
import {RunLedger} from '../../source/wizard/ledger.js';
import {flagValueProblem, questionFlags, questionIds, type QuestionFlag} from '../../source/wizard/question-flags.js';
import type {Question} from '../../source/wizard/questions.js';
import {journeyOn, noMaven} from '../helpers/journey.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';
import {seedForeignPolicy, seedTeamDomain, unrelatedPolicy} from '../helpers/team-repositories.js';
import {resourceNames} from '../../source/wizard/resource-names.js';

// Say it once: each question's flag accepts exactly what the question offers. The journey is
// walked along the paths that ask every question (on a host with a pom.xml, with every kind of
// token refusal), and what was asked is compared with question-flags.ts.

/** The token step alone, refused with `failure` on the given host: which fixes does it offer? */
async function tokenFixesFor(failure: AwsFailure, host: HostMetadata | undefined): Promise<Question[]> {
	const scripted = new ScriptedHost({'token-fix': 'stop'});
	const aws = {
		region: 'eu-west-1',
		buildHost: () => ({codeartifact: {getAuthorizationToken: () => Promise.reject(failure)}}),
		metadata: {describeHost: async () => host},
		// Off EC2 the account's instances are listed first: none here, so only this machine's fixes are offered.
		ec2: {listInstances: async () => []},
	} as unknown as AwsApis;
	const context: StepContext = {
		aws,
		host: scripted,
		tools: noMaven,
		files: journeyFiles,
		ledger: await RunLedger.open(join(temporaryDirectory(), 'run.json')),
		sleep: async () => {},
		now: () => new Date(),
		options: {
			target: 'aws',
			workDir: '',
			cwd: '',
			settingsPath: '',
			names: resourceNames(),
			credentialWaitMs: 0,
			pollIntervalMs: 0,
			signal: new AbortController().signal,
		},
		facts: {touched: [], domain: 'd', domainOwner: '123456789012', policyArn: 'arn:aws:iam::123456789012:policy/p', ...(host ? {hostMetadata: host} : {})},
		step: 'token',
	};
	await expect(tokenStep(context)).rejects.toBeInstanceOf(JourneyStop);
	return scripted.questions;
}

const refused = (kind: AwsFailureKind) => new AwsFailure(kind, 'Code', 'refused', 'codeartifact:GetAuthorizationToken');
const onEc2: HostMetadata = {
	instanceId: 'i-1',
	region: 'eu-west-1',
	availabilityZone: 'eu-west-1a',
	instanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/p',
	roleName: 'r',
};

const offered = (questions: Question[]) =>
	new Set(questions.flatMap(question => (question.kind === 'select' ? question.choices.map(choice => choice.value) : [])));
const validatorOf = (question: Question) =>
	question.kind === 'text' || question.kind === 'multiselect' ? question.validate : question.kind === 'select' ? question.custom?.validate : undefined;

describe('every question the journey asks is its flag, declared once', () => {
	const accessDeniedSandbox = useSandbox();
	const accessDenied = journeyOn(accessDeniedSandbox);
	const noProfile = journeyOn(useSandbox({scenario: 'no-profile'}));

	it('offers exactly the declared values and checks with the declared rule', {timeout: 60_000}, async () => {
		const asked: Question[] = [];
		// On AWS, in a folder with a pom.xml: "this folder" is offered too. Replacing the profile is declined once, then accepted.
		const project = temporaryDirectory('ca-wizard-project-');
		cpSync(join(packageRoot(), 'assets', 'demo-project'), project, {recursive: true});
		let declined = false;
		const everything = new ScriptedHost({
			domain: 'every-question',
			'token-fix': 'replace-association',
			'replace-profile': () => declined || !(declined = true),
		});
		expect((await accessDenied(everything, {target: 'aws', cwd: project})).result.status).toBe('completed');
		asked.push(...everything.questions);
		const associate = new ScriptedHost({domain: 'no-profile'});
		expect((await noProfile(associate)).result.status).toBe('completed');
		asked.push(...associate.questions);
		// On a laptop (no instance metadata): which of the account's instances to fix.
		const laptop = new ScriptedHost({domain: 'laptop'});
		expect((await accessDenied(laptop, {metadataEndpoint: null})).result.status).toBe('completed');
		asked.push(...laptop.questions);
		// Run again there: the sample's 1.0.0 is published, so the version to take instead is asked.
		const again = new ScriptedHost({domain: 'laptop'});
		expect((await accessDenied(again, {metadataEndpoint: null})).result.status).toBe('completed');
		asked.push(...again.questions);
		// A repository and a policy someone else made: the questions that name a change to them.
		await seedTeamDomain(accessDeniedSandbox.current, 'shared', [{name: 'team'}]);
		await seedForeignPolicy(accessDeniedSandbox.current, 'shared', unrelatedPolicy);
		const shared = new ScriptedHost({domain: 'shared', repository: 'team', 'token-fix': 'stop'});
		await accessDenied(shared);
		asked.push(...shared.questions);
		for (const [failure, host] of [
			[refused('not-found'), onEc2],
			[refused('expired-credentials'), onEc2],
			[refused('invalid-credentials'), undefined],
		] as const) {
			asked.push(...(await tokenFixesFor(failure, host)));
		}

		for (const question of asked) expect(Object.hasOwn(questionFlags, question.id), `${question.id} has no flag`).toBe(true);
		for (const id of questionIds) {
			const flag: QuestionFlag = questionFlags[id];
			const questions = asked.filter(question => question.id === id);
			expect(questions.length, `--${id}: its question was never asked`).toBeGreaterThan(0);
			for (const question of questions) expect(question.kind, id).toBe(flag.question);
			if ('values' in flag) {
				expect(offered(questions), id).toEqual(new Set(flag.values));
			} else if (flag.question !== 'confirm') {
				for (const question of questions) expect(validatorOf(question), `--${id} and its question check with one rule`).toBe(flag.validate);
			}
		}
	});

	it('a yes/no flag takes the same words its question does', () => {
		const question: Question = {kind: 'confirm', id: 'upstream', message: '?', default: true};
		for (const word of ['yes', 'Y', 'true', 'no', 'n', 'FALSE', 'maybe', '', 'oui']) {
			expect(flagValueProblem('upstream', word) === undefined, word).toBe(checkAnswer(question, word).ok);
		}
	});
});
