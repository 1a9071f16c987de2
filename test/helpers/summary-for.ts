import {join} from 'node:path';
import type {AwsApis} from '../../source/aws/apis.js';
import type {Target} from '../../source/commands/connect-target.js';
import {journeyFiles, now, sleep} from '../../source/commands/journey-deps.js';
import {printedCommandOptions} from '../../source/commands/printed-commands.js';
import type {CreatedResource, Summary} from '../../source/wizard/events.js';
import type {StepContext} from '../../source/wizard/journey/context.js';
import {summaryStep} from '../../source/wizard/journey/summary-step.js';
import {RunLedger} from '../../source/wizard/ledger.js';
import {resourceNames} from '../../source/wizard/resource-names.js';
import {noMaven} from './journey.js';
import {temporaryDirectory} from './sandbox.js';
import {ScriptedHost} from './scripted-host.js';

/** The summary a run with this target and name for ca-wizard prints, from the summary step itself, as the CLI sets it up. */
export async function summaryFor(target: Target, cliName: string): Promise<Summary> {
	const workDir = join(temporaryDirectory(), 'my work');
	const ledger = await RunLedger.open(join(workDir, 'run.json'));
	const made: CreatedResource[] = [
		{kind: 'domain', name: 'demo', details: {domain: 'demo'}},
		{kind: 'iam-role', name: 'ca-wizard-build-host'},
		{kind: 'role-policy-attachment', name: 'p → r', details: {role: 'r', policyArn: 'arn:aws:iam::111122223333:policy/p'}},
		{kind: 'file', name: 'settings.xml', details: {path: join(workDir, 'settings.xml')}},
	];
	for (const resource of made) await ledger.confirm(resource);
	const host = new ScriptedHost();
	const context: StepContext = {
		aws: {region: 'eu-west-1'} as AwsApis,
		host,
		tools: noMaven,
		files: journeyFiles,
		ledger,
		sleep,
		now,
		step: 'summary',
		options: {
			target: target.kind === 'aws' ? 'aws' : 'sandbox',
			workDir,
			cwd: temporaryDirectory(),
			settingsPath: join(workDir, 'settings.xml'),
			names: resourceNames(),
			credentialWaitMs: 0,
			pollIntervalMs: 0,
			signal: new AbortController().signal,
			...printedCommandOptions(target, {workDir, region: 'eu-west-1', cliName}),
		},
		facts: {
			touched: [],
			domain: 'demo',
			domainOwner: '111122223333',
			repository: 'maven-repo',
			settingsWritten: {path: join(workDir, 'settings.xml')},
			build: {success: true, packages: 3},
			projectDir: join(workDir, 'demo-project'),
		},
	};
	await summaryStep(context);
	const summary = host.of('summary')[0]?.summary;
	if (!summary) throw new Error('no summary');
	return summary;
}
