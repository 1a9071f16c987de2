import {readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {startSandbox, type RunningSandbox} from '../../source/sandbox/index.js';
import type {Scenario} from '../../source/sandbox/state.js';
import type {CreatedResource} from '../../source/wizard/events.js';
import type {ResourceRecorder} from '../../source/wizard/journey/context.js';
import {ledgerFileName, type LedgerEntry, type LedgerFile, type RunLedger} from '../../source/wizard/ledger.js';
import {journeyOn, ledgerWith} from '../helpers/journey.js';
import {offlineMavenCentral, temporaryDirectory} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// A run killed between a create call's return and the ledger's write must not lose what it
// made: the next run, on the same sandbox and work folder, finds it, counts it as created by
// ca-wizard (not "reused"), and lists its undo command. The kill is simulated exactly there:
// the ledger write that confirms the resource throws, as if the process had died.

class Killed extends Error {
	constructor() {
		super('killed between the create call and its confirmation');
	}
}

/** The run's ledger, except that the process "dies" at the chosen moment around `victim`'s create call. */
function killedAt(when: 'before-confirm' | 'before-call', victim: (resource: CreatedResource) => boolean) {
	return (ledger: RunLedger): ResourceRecorder =>
		ledgerWith(ledger, {
			async intend(resource) {
				await ledger.intend(resource);
				if (when === 'before-call' && victim(resource)) throw new Killed();
			},
			async confirm(resource, options) {
				if (when === 'before-confirm' && victim(resource)) throw new Killed();
				await ledger.confirm(resource, options);
			},
		});
}

const sandboxes: {current: RunningSandbox; dataDir: string}[] = [];
afterEach(async () => {
	for (const sandbox of sandboxes.splice(0)) {
		await sandbox.current.stop();
		rmSync(sandbox.dataDir, {recursive: true, force: true});
	}
});

/** A fresh sandbox per case: the IAM resources are account-wide, and each case must create its own. */
async function freshJourney(scenario: Scenario = 'access-denied') {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	const holder = {current: await startSandbox({dataDir, scenario, mavenCentral: offlineMavenCentral}), dataDir};
	sandboxes.push(holder);
	return journeyOn(holder);
}

const recorded = (path: string): LedgerEntry[] => (JSON.parse(readFileSync(path, 'utf8')) as LedgerFile).resources;

interface KillCase {
	kind: CreatedResource['kind'];
	name: (domain: string) => string;
	undo: (domain: string, workDir: string) => RegExp;
	scenario?: Scenario;
	script?: Record<string, string | boolean>;
}

const cases: Record<string, KillCase> = {
	'the domain': {kind: 'domain', name: d => d, undo: d => new RegExp(`aws codeartifact delete-domain --domain ${d} `)},
	'the repository': {
		kind: 'repository',
		name: () => 'maven-repo',
		undo: d => new RegExp(`aws codeartifact delete-repository --domain ${d} --repository maven-repo `),
	},
	'the upstream repository': {
		kind: 'repository',
		name: () => 'maven-central-store',
		undo: d => new RegExp(`aws codeartifact delete-repository --domain ${d} --repository maven-central-store `),
	},
	'the external connection': {
		kind: 'external-connection',
		name: () => 'maven-central-store → public:maven-central',
		undo: d =>
			new RegExp(
				`aws codeartifact disassociate-external-connection --domain ${d} --repository maven-central-store --external-connection public:maven-central `,
			),
	},
	'the upstream link': {
		kind: 'upstream-link',
		name: () => 'maven-repo → maven-central-store',
		undo: d => new RegExp(`aws codeartifact update-repository --domain ${d} --repository maven-repo --upstreams '\\[\\]' `),
	},
	'the policy': {
		kind: 'iam-policy',
		name: d => `ca-wizard-codeartifact-read-${d}`,
		undo: d => new RegExp(`aws iam delete-policy --policy-arn arn:aws:iam::\\d+:policy/ca-wizard-codeartifact-read-${d} `),
	},
	// The wizard's own role and profile are made only for a host without a profile (the associate fix).
	'the role': {
		kind: 'iam-role',
		name: () => 'ca-wizard-build-host',
		undo: () => /aws iam delete-role --role-name ca-wizard-build-host /,
		scenario: 'no-profile',
	},
	"the policy attachment to the wizard's role": {
		kind: 'role-policy-attachment',
		name: d => `ca-wizard-codeartifact-read-${d} → ca-wizard-build-host`,
		undo: () => /aws iam detach-role-policy --role-name ca-wizard-build-host --policy-arn arn:aws:iam::\d+:policy\/ca-wizard-codeartifact-read-/,
		scenario: 'no-profile',
	},
	'the instance profile': {
		kind: 'instance-profile',
		name: () => 'ca-wizard-build-host',
		undo: () => /aws iam delete-instance-profile --instance-profile-name ca-wizard-build-host /,
		scenario: 'no-profile',
	},
	'the role in the instance profile': {
		kind: 'instance-profile-role',
		name: () => 'ca-wizard-build-host in ca-wizard-build-host',
		undo: () => /aws iam remove-role-from-instance-profile --instance-profile-name ca-wizard-build-host --role-name ca-wizard-build-host /,
		scenario: 'no-profile',
	},
	// The token fixes: on the rerun the token works at once, so only settling the intent can find them.
	"the policy attachment to the instance's role (token fix)": {
		kind: 'role-policy-attachment',
		name: d => `ca-wizard-codeartifact-read-${d} → build-host-role`,
		undo: () => /aws iam detach-role-policy --role-name build-host-role --policy-arn arn:aws:iam::\d+:policy\/ca-wizard-codeartifact-read-/,
	},
	'the instance profile association (token fix)': {
		kind: 'instance-profile-association',
		name: () => 'ca-wizard-build-host on i-',
		undo: () => /aws ec2 disassociate-iam-instance-profile --association-id iip-assoc-\w+ /,
		scenario: 'no-profile',
	},
	'the replaced instance profile association (token fix)': {
		kind: 'instance-profile-association',
		name: () => 'ca-wizard-build-host on i-',
		undo: () =>
			/aws ec2 replace-iam-instance-profile-association --association-id iip-assoc-\w+ --iam-instance-profile Arn=arn:aws:iam::\d+:instance-profile\/build-host-profile /,
		script: {'token-fix': 'replace-association', 'replace-profile': true},
	},
	'settings.xml (a new file)': {kind: 'file', name: () => 'settings.xml', undo: (_d, workDir) => new RegExp(`rm ${join(workDir, 'settings.xml')}$`, 'm')},
};

const matches = (kase: KillCase, domain: string) => (resource: CreatedResource) =>
	resource.kind === kase.kind &&
	(resource.name === kase.name(domain) || resource.name.startsWith(kase.name(domain)) || resource.name.endsWith(`/${kase.name(domain)}`));

describe('a run killed between a create call and its record', () => {
	const domain = 'killed-run';

	for (const [label, kase] of Object.entries(cases)) {
		it(`${label}: the next run counts it as created by ca-wizard and lists its undo`, async () => {
			const journey = await freshJourney(kase.scenario);
			const workDir = temporaryDirectory('ca-wizard-killed-');
			const victim = matches(kase, domain);
			const script = {domain, ...kase.script};
			await expect(journey(new ScriptedHost(script), {workDir, ledger: killedAt('before-confirm', victim)})).rejects.toThrow(Killed);
			expect(
				recorded(join(workDir, ledgerFileName))
					.filter(victim)
					.map(entry => entry.state),
			).toEqual(['intended']);

			const host = new ScriptedHost(script);
			const rerun = await journey(host, {workDir});
			expect(rerun.result.status, JSON.stringify(host.of('problem'))).toBe('completed');
			const entry = recorded(rerun.ledgerPath).find(victim);
			expect(entry).toMatchObject({state: 'created', confirmedLater: true});
			const {summary} = host.of('summary')[0]!;
			expect(
				summary.created.find(({resource}) => resource.name === entry!.name),
				JSON.stringify(summary),
			).toMatchObject({earlierRun: true});
			expect(summary.undo.join('\n')).toMatch(kase.undo(domain, workDir));
			expect(summary.reused.some(resource => resource.name === entry!.name)).toBe(false);
			expect(host.of('note').map(note => note.message)).toContainEqual(expect.stringContaining('was created by a run that stopped before recording it'));
		});
	}

	it('killed after the intent but before the call: the intent is dropped, and the next run creates it as usual', async () => {
		const journey = await freshJourney();
		const workDir = temporaryDirectory('ca-wizard-killed-');
		const victim = matches(cases['the domain']!, 'never-made');
		await expect(journey(new ScriptedHost({domain: 'never-made'}), {workDir, ledger: killedAt('before-call', victim)})).rejects.toThrow(Killed);
		const host = new ScriptedHost({domain: 'never-made'});
		const rerun = await journey(host, {workDir});
		expect(rerun.result.status).toBe('completed');
		const domains = recorded(rerun.ledgerPath).filter(victim);
		expect(domains).toEqual([expect.objectContaining({state: 'created', intendedAt: expect.any(String), createdAt: expect.any(String)})]);
		expect(domains[0]!.confirmedLater).toBeUndefined();
		expect(host.of('resource').find(event => event.resource.kind === 'domain')).toMatchObject({reused: false});
		expect(host.of('summary')[0]!.summary.created.find(({resource}) => resource.name === 'never-made')).toMatchObject({earlierRun: false});
	});

	it('what ca-wizard did not intend stays reused, and nothing undoes it', async () => {
		const journey = await freshJourney();
		const first = await journey(new ScriptedHost({domain: 'theirs'})); // another work folder: not this run's record
		expect(first.result.status).toBe('completed');
		const host = new ScriptedHost({domain: 'theirs'});
		const {result, ledgerPath} = await journey(host);
		expect(result.status).toBe('completed');
		const {summary} = host.of('summary')[0]!;
		expect(summary.reused).toContainEqual(expect.objectContaining({kind: 'domain', name: 'theirs', arn: expect.stringMatching(/^arn:aws:codeartifact:/)}));
		expect(summary.undo.join('\n')).not.toContain('delete-domain --domain theirs');
		expect(summary.undo.join('\n')).not.toContain('delete-role');
		expect(recorded(ledgerPath).find(entry => entry.kind === 'domain')).toMatchObject({name: 'theirs', state: 'reused', foundAt: expect.any(String)});
		// Only this run's own settings.xml (a new work folder) and the package version it published are its creations.
		expect(
			recorded(ledgerPath)
				.filter(entry => entry.state !== 'reused')
				.map(entry => entry.kind),
		).toEqual(['file', 'package-version']);
	});
});
