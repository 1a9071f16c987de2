import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {dryRunDeps} from '../../source/commands/dry-run-deps.js';
import {awsCliFlags} from '../../source/commands/host-invocation.js';
import {journeyFiles, now, sleep} from '../../source/commands/journey-deps.js';
import type {RunningSandbox} from '../../source/sandbox/index.js';
import type {JourneyTools, ResourceRecorder} from '../../source/wizard/journey/context.js';
import {runJourney} from '../../source/wizard/journey/run-journey.js';
import {ledgerFileName, RunLedger} from '../../source/wizard/ledger.js';
import {temporaryDirectory} from './sandbox.js';
import type {ScriptedHost} from './scripted-host.js';
import {resourceNames, type ResourceNames} from '../../source/wizard/resource-names.js';

// The journey against a real sandbox; Maven is replaced where the build itself is not the
// point (the build path has its own tests with real mvn).
export const noMaven: JourneyTools = {
	detectJava: async () => 'java 17',
	locateMaven: async () => '/usr/bin/mvn',
	runMaven: async () => ({exitCode: 0, success: true}),
};

export interface JourneyRun {
	tools?: JourneyTools;
	/** settings.xml's content before the run (text, or bytes in another encoding). */
	settings?: string | Uint8Array;
	/** Another settings path than WORKDIR/settings.xml. */
	settingsPath?: string;
	abort?: AbortController;
	/** The work folder of an earlier run, to run again where it stopped. */
	workDir?: string;
	target?: 'aws' | 'sandbox';
	cwd?: string;
	/** The build host's instance metadata: the sandbox's first instance unless given; null for none (the wizard on a laptop). */
	metadataEndpoint?: string | null;
	/** --domain-owner: named in every CodeArtifact call on the domain. */
	domainOwner?: string;
	/** The names of what it makes (a participant's: resourceNames('p1')). */
	names?: ResourceNames;
	/** Stands between the journey and the run's ledger (e.g. to stop the run at a chosen write). */
	ledger?: (ledger: RunLedger) => ResourceRecorder;
	/** Where the AWS calls go (a proxy in front of the sandbox); the sandbox itself by default. */
	endpoint?: string;
	/** --dry-run: reads only, with the wizard's own dry-run adapters; the result carries the plan. */
	dryRun?: boolean;
	/** The journey's clock: the real one unless given. */
	now?: () => Date;
	/** The journey's waits: real ones unless given (a test moves a sandbox's clock on instead). */
	sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
	/** How long the journey waits for new credentials and for the listing (2 s and none unless given). */
	waits?: {credentialWaitMs?: number; listingWaitMs?: number};
	/** Tell the journey what serves the sandbox's public:maven-central, as an embedded sandbox does. */
	mavenCentralSource?: boolean;
}

/** Runs the whole journey against the sandbox with real files, in a fresh working folder unless told otherwise. */
export function journeyOn(sandbox: {readonly current: RunningSandbox}) {
	return async function journey(host: ScriptedHost, options: JourneyRun = {}) {
		const workDir = options.workDir ?? temporaryDirectory('ca-wizard-steps-');
		const settingsPath = options.settingsPath ?? join(workDir, 'settings.xml');
		if (options.settings !== undefined) writeFileSync(settingsPath, options.settings);
		const endpoint = options.endpoint ?? sandbox.current.endpoint;
		const owner = options.domainOwner ? {domainOwner: options.domainOwner} : {};
		const aws = await createAwsApis({
			kind: 'sandbox',
			endpoint,
			region: sandbox.current.region,
			admin: sandbox.current.admin,
			...(options.metadataEndpoint === undefined ? {} : {metadataEndpoint: options.metadataEndpoint}),
			...owner,
		});
		const ledgerPath = join(workDir, ledgerFileName);
		const ledger = await RunLedger.open(ledgerPath);
		const real = {aws, host, files: journeyFiles, ledger};
		const connection = {aws, kind: 'sandbox' as const, settingsPath, sandboxEndpoint: sandbox.current.endpoint, close: async () => {}};
		const dryRun = options.dryRun ? await dryRunDeps(connection, real) : undefined;
		const result = await runJourney(
			{
				...real,
				ledger: options.ledger?.(ledger) ?? ledger,
				...dryRun?.deps,
				tools: options.tools ?? noMaven,
				sleep: options.sleep ?? sleep,
				now: options.now ?? now,
			},
			{
				target: options.target ?? 'sandbox',
				workDir,
				cwd: options.cwd ?? workDir,
				settingsPath,
				names: options.names ?? resourceNames(),
				...owner,
				// The aws CLI undo lines as the CLI prints them for an embedded sandbox.
				awsCliFlags: awsCliFlags({kind: 'sandbox'}, sandbox.current.region),
				credentialWaitMs: options.waits?.credentialWaitMs ?? 2_000,
				...(options.waits?.listingWaitMs === undefined ? {} : {listingWaitMs: options.waits.listingWaitMs}),
				pollIntervalMs: 100,
				signal: (options.abort ?? new AbortController()).signal,
				...(dryRun ? {dryRun: dryRun.recorder} : {}),
				...(options.mavenCentralSource ? {mavenCentralSource: () => sandbox.current.mavenCentralSource()} : {}),
			},
		);
		return {result, settingsPath, ledger, ledgerPath, workDir, aws, plan: dryRun?.recorder.plan};
	};
}

/** The run's ledger with some of its writes intercepted (a kill, a concurrent creation); the rest go straight through. */
export function ledgerWith(ledger: RunLedger, own: Partial<Pick<ResourceRecorder, 'intend' | 'confirm'>>): ResourceRecorder {
	return {
		runId: ledger.runId,
		intend: own.intend ?? (resource => ledger.intend(resource)),
		confirm: own.confirm ?? ((resource, options) => ledger.confirm(resource, options)),
		drop: resource => ledger.drop(resource),
		reused: resource => ledger.reused(resource),
		get resources() {
			return ledger.resources;
		},
		get pending() {
			return ledger.pending;
		},
	};
}
