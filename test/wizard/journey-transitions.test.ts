import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import type {JourneyTools} from '../../source/wizard/journey/context.js';
import {goBack, type Question} from '../../source/wizard/questions.js';
import {journeyOn, noMaven} from '../helpers/journey.js';
import {useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

describe('journey transitions', () => {
	const sandbox = useSandbox();
	const journey = journeyOn(sandbox);

	it('Esc at the repository goes back to the domain, which is asked again', async () => {
		let backs = 0;
		const host = new ScriptedHost({repository: (q: Question) => (backs++ === 0 ? (goBack as never) : (q.default as string)), domain: 'transitions'});
		const {result} = await journey(host);
		expect(result.status).toBe('completed');
		const order = host.questions.map(q => q.id);
		expect(order.slice(0, 4)).toEqual(['project-choice', 'domain', 'repository', 'domain']);
		const steps = host.of('step').map(e => `${e.step}:${e.status}`);
		expect(steps).toContain('repository:pending');
		expect(steps.indexOf('domain:active', steps.indexOf('repository:pending'))).toBeGreaterThan(-1);
	});

	it('stops in preflight at settings.xml that does not parse, before creating anything, and leaves the file byte for byte', async () => {
		const broken = '<settings>\r\n  <servers>\r\n    <server><id>x</id>\r\n  </servers>\r\n</settings>\r\n';
		const host = new ScriptedHost({domain: 'broken-settings'});
		const {result, settingsPath, ledger} = await journey(host, {settings: broken});
		expect(result).toMatchObject({status: 'stopped', step: 'preflight'});
		expect(ledger.resources).toEqual([]);
		const problem = host.of('problem').at(-1)!.problem;
		expect(problem.code).toBe('SettingsUnreadable');
		expect(problem.message).toMatch(/line \d+, column \d+/);
		expect(problem.fix).toContain('--settings PATH');
		expect(readFileSync(settingsPath, 'utf8')).toBe(broken);
	});

	it("a failed build shows Maven's first error lines and the next step", async () => {
		const failing: JourneyTools = {
			...noMaven,
			async runMaven({onLine}) {
				for (const line of [
					'[INFO] Scanning for projects...',
					'[ERROR] COMPILATION ERROR :',
					'[ERROR] App.java:[3,1] class, interface, enum, or record expected',
					'[INFO] BUILD FAILURE',
				])
					onLine(line);
				return {exitCode: 1, success: false};
			},
		};
		const host = new ScriptedHost({domain: 'failing-build'});
		const {result} = await journey(host, {tools: failing});
		expect(result).toMatchObject({status: 'stopped', step: 'build'});
		const problem = host.of('problem').at(-1)!.problem;
		expect(problem.code).toBe('BuildFailed');
		expect(problem.details?.join('\n')).toContain('class, interface, enum, or record expected');
		expect(problem.fix).toContain('run ca-wizard again');
	});

	it('stops in preflight, before creating anything, when Maven is missing', async () => {
		const host = new ScriptedHost({domain: 'no-maven'});
		const {result, ledger} = await journey(host, {tools: {...noMaven, locateMaven: async () => undefined}});
		expect(result).toMatchObject({status: 'stopped', step: 'preflight'});
		expect(host.of('problem').at(-1)!.problem).toMatchObject({code: 'MavenMissing', fix: expect.stringContaining('apt-get install maven')});
		expect(ledger.resources).toEqual([]);
	});

	it('a run resumed after Ctrl-C lists, and undoes, what the stopped run created too', async () => {
		const abort = new AbortController();
		const first = await journey(new ScriptedHost({domain: 'resumed-run', 'create-access': () => (abort.abort(), true)}), {abort});
		expect(first.result.status).toBe('cancelled');
		const host = new ScriptedHost({domain: 'resumed-run'});
		const second = await journey(host, {workDir: first.workDir});
		expect(second.result.status).toBe('completed');
		const {summary} = host.of('summary')[0]!;
		expect(summary.created).toContainEqual({resource: expect.objectContaining({kind: 'domain', name: 'resumed-run'}), earlierRun: true});
		expect(summary.undo).toContainEqual(expect.stringContaining('aws codeartifact delete-domain --domain resumed-run'));
		expect(summary.reused.map(resource => resource.name)).not.toContain('resumed-run');
	});

	it("keeps the first domain's access when a second run sets up another domain", async () => {
		const aws = await createAwsApis({kind: 'sandbox', endpoint: sandbox.current.endpoint, region: sandbox.current.region, admin: sandbox.current.admin});
		await journey(new ScriptedHost({domain: 'first-team'}));
		await journey(new ScriptedHost({domain: 'second-team'}));
		const token = await aws.buildHost().codeartifact.getAuthorizationToken('first-team');
		expect(token.expiration.getTime()).toBeGreaterThan(Date.now());
	});

	it('Ctrl-C (an abort) mid-journey ends as cancelled, with what was created already in the ledger', async () => {
		const abort = new AbortController();
		const host = new ScriptedHost({
			domain: 'cancelled-run',
			'create-access': () => {
				abort.abort();
				return true;
			},
		});
		const {result, ledger} = await journey(host, {abort});
		expect(result.status).toBe('cancelled');
		expect(ledger.resources.map(r => r.kind)).toEqual(expect.arrayContaining(['domain', 'repository']));
	});
});

describe('journey transitions on a build host that was never fixed', () => {
	const journey = journeyOn(useSandbox());

	it('declining the token fix stops at the token step with the diagnosis', async () => {
		const host = new ScriptedHost({domain: 'declined-fix', 'token-fix': 'stop'});
		const {result} = await journey(host);
		expect(result).toMatchObject({status: 'stopped', step: 'token'});
		// The refusal is a warning while a fix may follow; declining every fix makes it the error that stops the run.
		expect(host.of('warning')[0]!.problem.code).toBe('denied-token');
		expect(host.of('problem').map(event => event.problem)).toEqual([expect.objectContaining({code: 'TokenRefused', declined: true})]);
		expect(host.of('fixed')).toEqual([]);
	});

	it('declining to replace the instance profile brings the choice back; replacing is undone by putting the old profile back', async () => {
		const fixes = ['replace-association', 'replace-association'];
		let asked = 0;
		const host = new ScriptedHost({
			domain: 'replace-choice',
			'token-fix': () => fixes.shift() ?? 'stop',
			'replace-profile': () => asked++ > 0, // No the first time (the default), yes the second
		});
		const {result} = await journey(host);
		expect(result.status).toBe('completed');
		expect(host.questions.filter(q => q.id === 'token-fix')).toHaveLength(2);
		const undo = host.of('summary')[0]!.summary.undo.join('\n');
		expect(undo).toMatch(
			/aws ec2 replace-iam-instance-profile-association --association-id iip-assoc-\w+ --iam-instance-profile Arn=arn:aws:iam::\d+:instance-profile\/build-host-profile/,
		);
		expect(undo).not.toContain('disassociate-iam-instance-profile');
	});
});
