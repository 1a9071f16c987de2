import {readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {withRunLog} from '../../source/commands/run-log-host.js';
import {journeyFiles, journeyTools, sleep} from '../../source/commands/journey-deps.js';
import {exitCodes} from '../../source/errors.js';
import {reportFromLog} from '../../source/files/report-file.js';
import {openRunLog} from '../../source/files/run-log-file.js';
import {maskAccount} from '../../source/report/report-text.js';
import {runLogFileName} from '../../source/report/run-log.js';
import {startSandbox, type RunningSandbox} from '../../source/sandbox/index.js';
import type {PackageRow} from '../../source/wizard/events.js';
import type {JourneyTools} from '../../source/wizard/journey/context.js';
import {runJourney} from '../../source/wizard/journey/run-journey.js';
import {RunLedger} from '../../source/wizard/ledger.js';
import {mergeRow} from '../../source/wizard/package-table.js';
import {resourceNames} from '../../source/wizard/resource-names.js';
import {canarySettings} from '../helpers/canary-settings.js';
import {noMaven} from '../helpers/journey.js';
import {markdownProblems} from '../helpers/markdown-lint.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {offlineMavenCentral, temporaryDirectory} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// The write-up of real runs against a sandbox, made as the wizard makes it: the journey's events
// go through the run log into the work folder, and the report is rendered from that file.

const unavailable = mavenUnavailable();
const inCi = process.env['CI'] === 'true';
const sandboxes: RunningSandbox[] = [];
afterAll(async () => {
	for (const sandbox of sandboxes) await sandbox.stop();
});

async function loggedRun(options: {tools: JourneyTools; script?: Record<string, string>}) {
	const workDir = temporaryDirectory('ca-wizard-report-');
	const sandbox = await startSandbox({dataDir: join(workDir, 'sandbox-data'), scenario: 'access-denied', mavenCentral: offlineMavenCentral});
	sandboxes.push(sandbox);
	const aws = await createAwsApis({kind: 'sandbox', endpoint: sandbox.endpoint, region: sandbox.region, admin: sandbox.admin});
	const scripted = new ScriptedHost(options.script);
	const logged = withRunLog(scripted, openRunLog(join(workDir, runLogFileName)), 'sandbox');
	const ledger = await RunLedger.open(join(workDir, 'ca-wizard-run.json'));
	writeFileSync(join(workDir, 'settings.xml'), canarySettings); // the user's own secrets, each with "canary" in it
	const result = await runJourney(
		{aws, host: logged.host, tools: options.tools, files: journeyFiles, ledger, sleep, now: () => new Date()},
		{
			target: 'sandbox',
			workDir,
			cwd: workDir,
			settingsPath: join(workDir, 'settings.xml'),
			names: resourceNames(),
			credentialWaitMs: 15_000,
			pollIntervalMs: 250,
			signal: new AbortController().signal,
		},
	);
	logged.end({outcome: result.status, exitCode: result.status === 'completed' ? exitCodes.done : exitCodes.failed});
	const logPath = join(workDir, runLogFileName);
	return {workDir, logPath, scripted, result, ledger, account: (await aws.sts.getCallerIdentity()).account};
}

describe.skipIf(unavailable !== undefined && !inCi)('the write-up of a whole sandbox run, every default taken', () => {
	it('names every resource the run created with its ARN, the package table, the refusal and its fix; no token, no password', {timeout: 180_000}, async () => {
		const {logPath, scripted, result, ledger, account} = await loggedRun({tools: journeyTools()});
		expect(result.status).toBe('completed');
		const report = await reportFromLog(logPath, {showAccount: false});
		const full = await reportFromLog(logPath, {showAccount: true});

		// Every ARN in the run record, masked by default and in full with --report-account.
		const arns = ledger.resources.flatMap(resource => (resource.arn ? [resource.arn] : []));
		expect(arns.length).toBeGreaterThanOrEqual(4);
		for (const arn of arns) {
			expect(full).toContain(`\`${arn}\``);
			expect(report).toContain(`\`${arn.replaceAll(account, maskAccount(account))}\``);
		}
		expect(report).not.toContain(account);

		// The package table: a row per package the run confirmed, with its version.
		let rows: PackageRow[] = [];
		for (const event of scripted.of('package')) rows = mergeRow(rows, event.row);
		expect(rows.length).toBeGreaterThan(10);
		for (const row of rows) expect(report).toContain(`| \`${row.name}\` | \`${row.namespace}\` | ${row.format} | \`${row.latestVersion}\` |`);

		// The refusal and the fix that cured it.
		const [refusal] = scripted.of('warning');
		const [fixed] = scripted.of('fixed');
		expect(refusal?.problem.code).toBe('denied-token');
		const access = report.slice(report.indexOf('## Access denied, and the fix'), report.indexOf('## Publish and verify'));
		expect(fixed).toBeDefined();
		expect(access).toContain(`**${refusal?.problem.message}** (\`denied-token\``);
		expect(access).toContain(`Fixed: ${fixed?.fix}`);
		// The publish step, taken by default: what was published, its hash, its origin and the check of the download.
		const [published] = scripted.of('published');
		const publish = report.slice(report.indexOf('## Publish and verify'));
		expect(publish).toContain('- Published `ca-wizard/hello-ca-wizard@1.0.0` (generic)');
		expect(publish).toContain(`SHA-256 \`${published?.asset.sha256}\``);
		expect(publish).toContain('- Origin INTERNAL; publish ALLOW, upstream BLOCK');
		expect(publish).toContain('- Downloaded back: SHA-256 matches; the archive holds `hello-ca-wizard.txt`');
		expect(report).toContain('completed: every step ran');

		// Canary: the token the run got is in neither the log nor the report; nor is any password of the user's settings.xml.
		const token = result.facts.token?.token ?? '';
		expect(token.length).toBeGreaterThan(20);
		const log = readFileSync(logPath, 'utf8');
		for (const text of [log, report, full]) {
			expect(text).not.toContain(token);
			expect(text).not.toMatch(/canary/i);
		}
		expect(report).toContain('${env.CODEARTIFACT_AUTH_TOKEN}');
		expect(statSync(logPath).mode & 0o777).toBe(0o600);
		expect(await markdownProblems(report)).toEqual([]);
	});
});

it('a run stopped at the token step (its fix declined) says where and why', {timeout: 60_000}, async () => {
	const {logPath, result} = await loggedRun({tools: noMaven, script: {'token-fix': 'stop'}});
	expect(result).toMatchObject({status: 'stopped', step: 'token'});
	const report = await reportFromLog(logPath, {showAccount: false});
	expect(report).toContain('- **Outcome:** stopped at step 6, Token check, because a change it needed was declined.');
	expect(report).toContain('### 6. Token check (');
	expect(report).toMatch(/### 6\. Token check \([^)]*, stopped here\)/);
	expect(report).toContain('Not fixed: the fix offered was declined, and the run stopped here.');
	// Only what happened: no step after the stop, no build, no packages.
	expect(report).not.toContain('### 7.');
	expect(report).toContain('No package was fetched in this run.');
	expect(await markdownProblems(report)).toEqual([]);
});
