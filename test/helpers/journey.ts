import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {journeyFiles, sleep} from '../../source/commands/journey-deps.js';
import type {JourneyTools} from '../../source/wizard/journey/context.js';
import {runJourney} from '../../source/wizard/journey/run-journey.js';
import {RunLedger} from '../../source/wizard/ledger.js';
import type {RunningSandbox} from '../../source/sandbox/index.js';
import {temporaryDirectory} from './sandbox.js';
import type {ScriptedHost} from './scripted-host.js';

// Step transitions of the journey against a real sandbox; Maven is replaced where the build
// itself is not the point (the build path has its own tests with real mvn).
export const noMaven: JourneyTools = {
	detectJava: async () => 'java 17',
	detectMaven: async () => 'Apache Maven 3.8.7',
	runMaven: async () => ({exitCode: 0, success: true}),
};

export interface JourneyTestOptions {
	tools?: JourneyTools;
	/** Written to settings.xml first. */
	settings?: string | Uint8Array;
	/** Another settings path than WORKDIR/settings.xml. */
	settingsPath?: string;
	abort?: AbortController;
	workDir?: string;
}

/** Runs the whole journey against the sandbox with real files, in a fresh working folder unless told otherwise. */
export function journeyOn(sandbox: {readonly current: RunningSandbox}) {
	return async function journey(host: ScriptedHost, options: JourneyTestOptions = {}) {
		const workDir = options.workDir ?? temporaryDirectory('ca-wizard-steps-');
		const settingsPath = options.settingsPath ?? join(workDir, 'settings.xml');
		if (options.settings !== undefined) writeFileSync(settingsPath, options.settings);
		const aws = await createAwsApis({kind: 'sandbox', endpoint: sandbox.current.endpoint, region: sandbox.current.region, admin: sandbox.current.admin});
		const ledger = await RunLedger.open(join(workDir, 'run.json'));
		const result = await runJourney(
			{aws, host, tools: options.tools ?? noMaven, files: journeyFiles, ledger, sleep},
			{target: 'sandbox', workDir, cwd: workDir, settingsPath, credentialWaitMs: 2_000, pollIntervalMs: 100, signal: (options.abort ?? new AbortController()).signal},
		);
		return {result, settingsPath, ledger, workDir, aws};
	};
}
