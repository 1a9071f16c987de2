import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createdByTag} from '../../source/wizard/ownership-tags.js';
import {journeyOn} from '../helpers/journey.js';
import {useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';
import {defaultVersionOf, describeAll, seedForeignPolicy, seedTeamDomain, unrelatedPolicy} from '../helpers/team-repositories.js';

// What exists is respected: a repository that already reaches Maven Central is shown and left
// as it is; one that does not, made by someone else, is changed only after a yes. ScriptedHost
// takes every default a script does not answer, as --yes does.

const sandbox = useSandbox();
const central = 'public:maven-central';

const notes = (host: ScriptedHost) => host.of('note').map(note => note.message);
const asked = (host: ScriptedHost) => host.questions.map(question => question.id);
/** The team's chain: libs → central-proxy → public:maven-central. */
const teamChain = [
	{name: 'central-proxy', connection: central},
	{name: 'libs', upstreams: ['central-proxy']},
];
const doneSteps = (host: ScriptedHost) =>
	host
		.of('step')
		.filter(step => step.status === 'done')
		.map(step => step.step);
const repositoryNames = async (domain: string) => (await describeAll(sandbox.current, domain)).map(repository => (repository as {name: string}).name);

describe('a team repository that already reaches Maven Central', () => {
	const journey = journeyOn(sandbox);

	it('is onboarded: the chain is shown, no creation question is asked and nothing shared changes', async () => {
		await seedTeamDomain(sandbox.current, 'acme', teamChain);
		const before = await describeAll(sandbox.current, 'acme');
		const host = new ScriptedHost({domain: 'acme', repository: 'libs'});
		const {result} = await journey(host);
		expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		expect(notes(host)).toContainEqual(
			expect.stringContaining(
				'acme/libs already reaches Maven Central. This host is onboarded to it as it is, via libs → central-proxy → public:maven-central',
			),
		);
		for (const id of ['description', 'upstream', 'shared-upstream']) expect(asked(host)).not.toContain(id);
		expect(await describeAll(sandbox.current, 'acme')).toEqual(before);
		expect(await repositoryNames('acme')).not.toContain('maven-central-store');
		// The build host may read the whole chain.
		expect(host.of('policy')[0]?.document).toContain(':repository/acme/central-proxy');
	});
});

describe('a repository that does not reach Maven Central', () => {
	const journey = journeyOn(sandbox);

	it('made by someone else, with every default taken (--yes): left as it is, and the journey goes on with a warning', async () => {
		await seedTeamDomain(sandbox.current, 'solo', [{name: 'team'}, {name: 'app', upstreams: ['team']}, {name: 'web', upstreams: ['team']}]);
		const before = await describeAll(sandbox.current, 'solo');
		const host = new ScriptedHost({domain: 'solo', repository: 'team'});
		const {result} = await journey(host);
		const question = host.questions.find(q => q.id === 'shared-upstream');
		expect(question).toMatchObject({kind: 'confirm', default: false, message: expect.stringContaining('team, which ca-wizard did not create')});
		expect(question?.detail).toContain('2 repositories list team as an upstream (app, web)');
		expect(question?.detail).toContain('will then fetch from Maven Central');
		expect(notes(host)).toContainEqual(expect.stringContaining('may fail to fetch public packages'));
		expect(await describeAll(sandbox.current, 'solo')).toEqual(before);
		expect(await repositoryNames('solo')).not.toContain('maven-central-store');
		expect(doneSteps(host)).toContain('access');
		expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
	});

	it('made by someone else, answered yes: maven-central-store becomes its upstream', async () => {
		await seedTeamDomain(sandbox.current, 'agreed', [{name: 'team'}]);
		const host = new ScriptedHost({domain: 'agreed', repository: 'team', 'shared-upstream': true});
		const {result, aws} = await journey(host);
		expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		expect((await aws.codeartifact.describeRepository('agreed', 'team'))?.upstreams).toEqual(['maven-central-store']);
		expect(notes(host)).toContainEqual('team → maven-central-store → public:maven-central');
	});

	it('made by ca-wizard (its tags): asked as before, default yes', async () => {
		await seedTeamDomain(sandbox.current, 'tagged', [{name: 'earlier', tags: {[createdByTag]: 'arn:aws:iam::123456789012:user/someone'}}]);
		const host = new ScriptedHost({domain: 'tagged', repository: 'earlier'});
		const {result, aws} = await journey(host);
		expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		expect(asked(host)).toContain('upstream');
		expect(asked(host)).not.toContain('shared-upstream');
		expect((await aws.codeartifact.describeRepository('tagged', 'earlier'))?.upstreams).toEqual(['maven-central-store']);
	});
});

describe('a build-host policy someone else made', () => {
	const journey = journeyOn(sandbox);

	it('is not given a new default version by default; the journey goes on with what exists', async () => {
		await seedTeamDomain(sandbox.current, 'policed', teamChain);
		const arn = await seedForeignPolicy(sandbox.current, 'policed', unrelatedPolicy);
		const version = await defaultVersionOf(sandbox.current, arn);
		const host = new ScriptedHost({domain: 'policed', repository: 'libs'});
		await journey(host);
		expect(host.questions.find(q => q.id === 'shared-policy')).toMatchObject({
			default: false,
			message: expect.stringContaining('which ca-wizard did not create'),
		});
		expect(notes(host)).toContainEqual(expect.stringMatching(/was left as it is; it does not allow: codeartifact:GetAuthorizationToken/));
		expect(await defaultVersionOf(sandbox.current, arn)).toBe(version);
		expect(doneSteps(host)).toContain('access');
	});

	it('answered yes: gets the new default version', async () => {
		await seedTeamDomain(sandbox.current, 'policed-yes', teamChain);
		const arn = await seedForeignPolicy(sandbox.current, 'policed-yes', unrelatedPolicy);
		const version = await defaultVersionOf(sandbox.current, arn);
		const host = new ScriptedHost({domain: 'policed-yes', repository: 'libs', 'shared-policy': true});
		const {result} = await journey(host);
		expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		expect(await defaultVersionOf(sandbox.current, arn)).not.toBe(version);
	});
});

describe('--domain-owner', () => {
	const journey = journeyOn(sandbox);

	it('naming the account that owns the domain: the journey runs on it', async () => {
		await seedTeamDomain(sandbox.current, 'owned', teamChain);
		const host = new ScriptedHost({domain: 'owned', repository: 'libs'});
		const {result} = await journey(host, {domainOwner: sandbox.current.accountId});
		expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		expect(host.of('policy')[0]?.document).toContain(`:${sandbox.current.accountId}:domain/owned`);
	});

	it('naming another account: stops at the domain with what AWS answered, and creates nothing', async () => {
		const host = new ScriptedHost({domain: 'owned'});
		const {result, ledger, aws} = await journey(host, {domainOwner: '210987654321'});
		expect(result).toMatchObject({status: 'stopped', step: 'domain'});
		expect(host.of('problem')[0]?.problem).toMatchObject({
			code: 'DomainNotFound',
			message: 'Account 210987654321 has no domain owned that you may see.',
			fix: expect.stringContaining('--domain-owner'),
		});
		expect(ledger.resources).toEqual([]);
		expect(ledger.pending).toEqual([]);
		expect((await aws.codeartifact.listDomains()).filter(domain => domain.owner !== sandbox.current.accountId)).toEqual([]);
	});
});

describe("ca-wizard's own repository, on a second run", () => {
	const journey = journeyOn(sandbox);

	it('says it already reaches Maven Central (a short first sentence, for the step line), not that this host is onboarded', async () => {
		const first = await journey(new ScriptedHost({domain: 'own-rerun'}));
		expect(first.result.status).toBe('completed');
		const host = new ScriptedHost({domain: 'own-rerun'});
		const {result} = await journey(host, {workDir: first.workDir});
		expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		const told = host.of('note').find(note => note.step === 'upstream' && note.tone === 'success')?.message;
		expect(told).toBe('maven-repo already reaches Maven Central. Its way there: maven-repo → maven-central-store → public:maven-central; nothing to change.');
		expect(notes(host).join('\n')).not.toContain('onboarded');
		// The demo project's path is the choice's hint (which wraps), not its label (cut at the edge).
		const project = host.questions.find(question => question.id === 'project-choice');
		expect(project?.kind === 'select' && project.choices).toEqual([
			{value: 'demo', label: 'The bundled demo project', hint: `Copied to ${join(first.workDir, 'demo-project')}, and built there.`},
		]);
	});
});
