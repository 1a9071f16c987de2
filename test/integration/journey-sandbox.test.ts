import {readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {journeyFiles, journeyTools, now, sleep} from '../../source/commands/journey-deps.js';
import {startSandbox, type RunningSandbox} from '../../source/sandbox/index.js';
import type {Scenario} from '../../source/sandbox/state.js';
import type {PackageRow} from '../../source/wizard/events.js';
import {RunLedger} from '../../source/wizard/ledger.js';
import {runJourney} from '../../source/wizard/journey/run-journey.js';
import {mergeRow, packageKey} from '../../source/wizard/package-table.js';
import {questionFlags} from '../../source/wizard/question-flags.js';
import {canarySettings} from '../helpers/canary-settings.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {offlineMavenCentral, temporaryDirectory} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';
import {resourceNames} from '../../source/wizard/resource-names.js';

const unavailable = mavenUnavailable();
const inCi = process.env['CI'] === 'true';
const sandboxes: RunningSandbox[] = [];
afterAll(async () => {
	for (const sandbox of sandboxes) await sandbox.stop();
});

/** Every file below a folder, for the token canary. */
function allFiles(directory: string): string[] {
	return readdirSync(directory).flatMap(name => {
		const path = join(directory, name);
		return statSync(path).isDirectory() ? allFiles(path) : [path];
	});
}

async function walk(scenario: Scenario) {
	const workDir = temporaryDirectory('ca-wizard-journey-');
	const sandbox = await startSandbox({dataDir: join(workDir, 'sandbox-data'), scenario, mavenCentral: offlineMavenCentral});
	sandboxes.push(sandbox);
	const aws = await createAwsApis({kind: 'sandbox', endpoint: sandbox.endpoint, region: sandbox.region, admin: sandbox.admin});
	const host = new ScriptedHost(); // Enter on every screen: the defaults
	const ledger = await RunLedger.open(join(workDir, 'ca-wizard-run.json'));
	const controller = new AbortController();
	writeFileSync(join(workDir, 'settings.xml'), canarySettings);
	const result = await runJourney(
		{aws, host, tools: journeyTools(), files: journeyFiles, ledger, sleep, now},
		{
			target: 'sandbox',
			workDir,
			cwd: workDir,
			settingsPath: join(workDir, 'settings.xml'),
			names: resourceNames(),
			credentialWaitMs: 15_000,
			pollIntervalMs: 250,
			signal: controller.signal,
		},
	);
	let rows: PackageRow[] = [];
	for (const event of host.of('package')) rows = mergeRow(rows, event.row);
	return {workDir, sandbox, aws, host, result, rows, ledger};
}

describe.skipIf(unavailable !== undefined && !inCi)('the whole journey against the sandbox, taking every default', () => {
	it('has Maven and the offline Maven Central (required in CI)', () => {
		expect(unavailable).toBeUndefined();
	});

	for (const scenario of ['access-denied', 'no-profile'] as const) {
		it(`${scenario}: detects the refusal, fixes it, builds green, and the table matches ListPackages`, {timeout: 180_000}, async () => {
			const {workDir, aws, host, result, rows, ledger} = await walk(scenario);
			expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
			// A refusal that was then fixed is a warning with its fix, never an error.
			expect(host.of('problem')).toEqual([]);

			// The refusal was told apart, and the default fix fits the scenario.
			const refusal = host.of('warning')[0]!.problem;
			expect(host.of('fixed')).toEqual([expect.objectContaining({code: refusal.code, fix: expect.any(String)})]);
			const fix = host.questions.find(q => q.id === 'token-fix');
			if (scenario === 'access-denied') {
				expect(refusal.code).toBe('denied-token');
				expect(fix?.default).toBe('attach-to-current-role');
				expect(ledger.resources.some(r => r.kind === 'role-policy-attachment' && r.details?.['role'] === 'build-host-role')).toBe(true);
			} else {
				expect(refusal.code).toBe('no-credentials');
				expect(fix?.default).toBe('associate-profile');
				expect(ledger.resources.some(r => r.kind === 'instance-profile-association')).toBe(true);
			}

			// Green build, and a table that is exactly what the repository lists.
			expect(result.facts.build?.success).toBe(true);
			const listed = await aws.codeartifact.listPackages(result.facts.domain!, result.facts.repository!);
			expect(listed.length).toBeGreaterThan(20);
			// The build's packages: the sample the publish step then published (generic) is not Maven's.
			const built = listed.filter(p => p.format === 'maven');
			expect(listed.filter(p => p.format === 'generic').map(p => p.name)).toEqual(['hello-ca-wizard']);
			expect(rows.map(packageKey).sort()).toEqual(built.map(p => packageKey({format: p.format, namespace: p.namespace ?? '', name: p.name})).sort());
			for (const row of rows) {
				expect(row).toMatchObject({state: 'confirmed', format: 'maven', publish: 'BLOCK', upstream: 'ALLOW'});
				expect(row.latestVersion).not.toBe('');
				expect(row.latestPublishDate).toBeDefined();
			}
			expect(host.of('maven-output').some(e => e.line.includes('BUILD SUCCESS'))).toBe(true);

			// Every question asked has a flag; the summary says how to undo.
			for (const question of host.questions) expect(Object.hasOwn(questionFlags, question.id), question.id).toBe(true);
			expect(host.of('summary')[0]!.summary.undo).toContainEqual(expect.stringContaining('aws codeartifact delete-domain --domain ca-wizard-demo'));

			// Token canary: the token appears in no event and in no file the run wrote.
			const token = result.facts.token!.token;
			expect(token.length).toBeGreaterThan(20);
			expect(JSON.stringify(host.events)).not.toContain(token);
			for (const file of allFiles(workDir)) expect(readFileSync(file).includes(token), file).toBe(false);
			// Password canary: what the user's settings.xml already held is in no event and no other file.
			expect(JSON.stringify(host.events)).not.toMatch(/canary/i);
			for (const file of allFiles(workDir).filter(path => !/\/settings\.xml(\.bak-\d+)?$/.test(path)))
				expect(readFileSync(file).includes('canary'), file).toBe(false);
			const settings = readFileSync(join(workDir, 'settings.xml'), 'utf8');
			expect(settings).toContain(canarySettings.slice(canarySettings.indexOf('  <proxies>'), canarySettings.indexOf('  </servers>')));
			expect(settings).toContain('<password>${env.CODEARTIFACT_AUTH_TOKEN}</password>');
			expect(statSync(join(workDir, 'settings.xml')).mode & 0o777).toBe(0o600);
		});
	}

	it('a second run reuses everything and creates nothing', {timeout: 180_000}, async () => {
		const first = await walk('access-denied');
		// No publish: each one is a new version, the one thing a second run would make.
		const host = new ScriptedHost({'local-repository': 'throwaway', publish: false});
		const again = await runJourney(
			{aws: first.aws, host, tools: journeyTools(), files: journeyFiles, ledger: first.ledger, sleep, now},
			{
				target: 'sandbox',
				workDir: first.workDir,
				cwd: first.workDir,
				settingsPath: join(first.workDir, 'settings.xml'),
				names: resourceNames(),
				credentialWaitMs: 5_000,
				pollIntervalMs: 250,
				signal: new AbortController().signal,
			},
		);
		expect(again.status).toBe('completed');
		expect(host.of('resource').filter(r => !r.reused)).toEqual([]);
		expect(host.of('problem')).toEqual([]);
	});
});
