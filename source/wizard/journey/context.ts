import type {AuthorizationToken, AwsApis, HostMetadata, Identity} from '../../aws/apis.js';
import type {CreatedResource, PackageOrigin, Problem, Summary} from '../events.js';
import type {WizardHost} from '../host.js';
import type {StepId} from '../steps.js';
import type {ResourceNames} from '../resource-names.js';
import {CliError} from '../../errors.js';
import type {PlanRecorder} from '../plan.js';
import type {PackedArchive} from '../../publish/archive.js';
import type {ArchiveFile} from '../../publish/publish-lines.js';

/** Effects the journey needs besides AWS, behind interfaces so the core stays testable. */
export interface JourneyTools {
	detectJava(): Promise<string | undefined>;
	/** Where mvn is on the PATH (the build prints its version). */
	locateMaven(): Promise<string | undefined>;
	runMaven(options: {
		projectDir: string;
		settingsPath: string;
		localRepository?: string;
		goals: string[];
		token: string;
		signal: AbortSignal;
		onLine: (line: string) => void;
	}): Promise<{exitCode: number; success: boolean}>;
}

export interface JourneyFiles {
	/** A file's bytes; undefined when there is none (a folder or an unreadable file throws, with its errno code). */
	readBytes(path: string): Promise<Uint8Array | undefined>;
	/** What would stop `writeSettings`: a read-only file, or a folder (the nearest existing one) we cannot write in. */
	writeBlocker(path: string): Promise<{kind: 'read-only-file' | 'read-only-folder'; path: string} | undefined>;
	/** Atomic, mode 0600, with a backup of what was there. */
	writeSettings(path: string, content: Uint8Array): Promise<{backupPath?: string}>;
	exists(path: string): Promise<boolean>;
	/** Copies the bundled demo project into `directory` (kept when it is already there). */
	prepareDemoProject(directory: string): Promise<void>;
	makeTemporaryDirectory(prefix: string): Promise<string>;
	removeDirectory(path: string): Promise<void>;
	/** A file of ca-wizard's own in the work folder (the publish step's sample), its folders made as needed. */
	writeText(path: string, text: string): Promise<void>;
	/** `source` packed as `folder/assetName` (.tar.gz), with its bytes and SHA-256 (publish/archive.ts). */
	packArchive(source: string, folder: string, assetName: string): Promise<PackedArchive>;
	/** A .tar.gz's bytes unpacked into `folder` (written first to `scratch`), and the files that landed there. */
	unpackArchive(bytes: Uint8Array, folder: string, scratch: string): Promise<ArchiveFile[]>;
}

/** The run ledger (RunLedger): what ca-wizard created here, this run and the runs before it. */
export interface ResourceRecorder {
	/** This work folder's run id: the `ca-wizard:run` tag of what it creates (ownership-tags.ts). */
	readonly runId: string;
	/** Before a create call: what is about to be made. */
	intend(resource: CreatedResource): Promise<void>;
	/** After it returned (or, `later`, when a rerun finds what a stopped run made): it exists, and is ours. */
	confirm(resource: CreatedResource, options?: {later?: boolean}): Promise<void>;
	/** An intent whose resource was never made. */
	drop(resource: CreatedResource): Promise<void>;
	/** Found and used as it was: never undone. */
	reused(resource: CreatedResource): Promise<void>;
	/** Confirmed creations, oldest first. */
	readonly resources: readonly CreatedResource[];
	/** Intents never confirmed. */
	readonly pending: readonly CreatedResource[];
}

export interface JourneyOptions {
	target: 'aws' | 'sandbox';
	/** The names of what this run makes (a workshop participant's carry their prefix). */
	names: ResourceNames;
	/** Working folder: the demo project's copy and, in sandbox mode, settings.xml. */
	workDir: string;
	/** Current directory, where a pom.xml may already be. */
	cwd: string;
	/** An explicit --project folder. */
	projectDir?: string;
	settingsPath: string;
	/** --domain-owner: the domain belongs to this account (the AWS APIs name it in every call); none is created there. */
	domainOwner?: string;
	/** How long to wait for new credentials to reach the build host. */
	credentialWaitMs: number;
	pollIntervalMs: number;
	/**
	 * How long the build step waits, after the build, for CodeArtifact to list every package Maven
	 * fetched (AWS lists one fetched from an upstream a while later); none when not given.
	 */
	listingWaitMs?: number;
	signal: AbortSignal;
	/** An embedded sandbox stops with the wizard: the commands that bring it back (start it, then point a shell at it), for the summary. */
	sandboxRestart?: string[];
	/** `ca-wizard destroy` with this run's --workdir and target: every way a run ends names it when something was created. */
	destroyCommand?: string;
	/** The summary's destroy line: as exec and token reach the target (an embedded sandbox restarted as the summary says). */
	summaryDestroyCommand?: string;
	/** How the printed commands start: `ca-wizard`, or `npx ca-wizard` where it is not installed (commands/invocation-name.ts). */
	cliName?: string;
	/** What the printed aws CLI commands need to reach where this run's calls went, e.g. ` --profile dev --region eu-west-1`. */
	awsCliFlags?: string;
	/** What `ca-wizard token` and `exec` need to find this run (its --workdir and target), e.g. ` --profile dev`. */
	hostCommandFlags?: string;
	/** --dry-run: the plan the dry-run adapters fill; nothing is created or written, and the build is skipped. */
	dryRun?: PlanRecorder;
	/** An embedded sandbox: what serves its public:maven-central (asked once the build is over, when its source is known). */
	mavenCentralSource?: () => string;
}

export interface JourneyDeps {
	aws: AwsApis;
	host: WizardHost;
	tools: JourneyTools;
	files: JourneyFiles;
	ledger: ResourceRecorder;
	sleep(ms: number, signal: AbortSignal): Promise<void>;
	/** The journey's clock: deadlines, and the times a fix's account reports (a test moves it on instead of waiting). */
	now(): Date;
}

/** What the steps learn and decide, in order; a later step takes what it reads with needs() (step-helpers.ts). */
export interface JourneyFacts {
	identity?: Identity;
	hostMetadata?: HostMetadata;
	projectDir?: string;
	domain?: string;
	domainOwner?: string;
	repository?: string;
	/** The repository that holds public:maven-central, which the build fetches through (none: left without one). */
	upstream?: string;
	/** The repositories from the chosen one to `upstream`, in order: all of them are read by the build. */
	upstreamChain?: string[];
	policyArn?: string;
	roleName?: string;
	instanceProfileName?: string;
	token?: AuthorizationToken;
	endpoint?: string;
	settingsWritten?: {path: string; backupPath?: string};
	/** `origins`: where the repository's packages entered the domain (see PackageOrigin). */
	build?: {success: boolean; packages: number; origins?: PackageOrigin[]};
	/** The publish step's package version, once published and checked. */
	published?: NonNullable<Summary['published']>;
	/** Created by this run, or found and reused: both go in the summary. */
	touched: {resource: CreatedResource; reused: boolean}[];
	/** "What just happened" after each automatic fix, in order: the summary repeats them. */
	fixAccounts?: string[];
	/** Once the summary step made it (the CLI prints it again after the screens, ready to copy). */
	summary?: Summary;
}

export interface StepContext extends JourneyDeps {
	options: JourneyOptions;
	facts: JourneyFacts;
	step: StepId;
}

/** Stops the journey at a step with a problem the user can act on. */
export class JourneyStop extends CliError {
	/** `cause`: the failure behind the problem, when there is one (an AWS answer, a file that could not be written). */
	constructor(
		readonly problem: Problem,
		options: {cause?: unknown} = {},
	) {
		super(problem.code, problem.message, problem.fix, options);
	}
}

export type StepOutcome = 'next' | 'back';
