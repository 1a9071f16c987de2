import type {ConsoleLinks} from './console-links.js';
import type {Plan} from './plan.js';
import type {StepId} from './steps.js';

// What the journey reports as it goes: the Ink screens, --json output and the Markdown
// write-up are all views of this one stream.

export type StepStatus = 'pending' | 'active' | 'done' | 'skipped' | 'failed';

/** How a finished progress line ended when not in success: a neutral finding (nothing found) or a refusal. */
export type ProgressTone = 'info' | 'failed';

/** Every kind of resource the journey makes: the ledger's check, the undo commands and the display names follow this list. */
export const resourceKinds = [
	'domain',
	'repository',
	'external-connection',
	'upstream-link',
	'iam-policy',
	'iam-role',
	'role-policy-attachment',
	'instance-profile',
	'instance-profile-role',
	'instance-profile-association',
	'file',
	'package-version',
] as const;

export type ResourceKind = (typeof resourceKinds)[number];

export function isResourceKind(value: unknown): value is ResourceKind {
	return resourceKinds.some(kind => kind === value);
}

/** A resource the journey created (or adopted), recorded the moment it exists: a resumed run and the undo commands read these. */
export interface CreatedResource {
	kind: ResourceKind;
	/** Name or path as a person would say it. */
	name: string;
	arn?: string;
	/** Whatever undoing it exactly needs (e.g. {domain, repository}). */
	details?: Record<string, string>;
}

/** What each kind is called in a sentence. */
export const resourceNouns: Record<ResourceKind, string> = {
	domain: 'domain',
	repository: 'repository',
	'external-connection': 'external connection',
	'upstream-link': 'upstream link',
	'iam-policy': 'policy',
	'iam-role': 'role',
	'role-policy-attachment': 'policy attachment',
	'instance-profile': 'instance profile',
	'instance-profile-role': 'role in profile',
	'instance-profile-association': 'profile association',
	file: 'file',
	'package-version': 'package version',
};

/** A row of the live package table, in the CodeArtifact console's columns. */
export interface PackageRow {
	name: string;
	namespace: string;
	format: string;
	latestVersion: string;
	latestPublishDate?: string; // ISO-8601; absent until confirmed against the repository
	publish: 'ALLOW' | 'BLOCK' | '';
	upstream: 'ALLOW' | 'BLOCK' | '';
	/** 'seen' when Maven reported the download; 'confirmed' once ListPackages/DescribePackage agree. */
	state: 'seen' | 'confirmed';
}

export interface Fact {
	label: string;
	value: string;
	tone?: 'ok' | 'warn' | 'bad';
}

/** A failure the user can act on: a stable code, what happened, and what to do. */
export interface Problem {
	code: string;
	message: string;
	fix?: string;
	/** Extra lines worth showing, e.g. Maven's first error lines. */
	details?: string[];
	/** The run stopped because a question it needed a yes to was answered no (the --json result's status says `declined`). */
	declined?: boolean;
	/** AWS's own answer, verbatim (secrets taken out), shown under the plain explanation: what a console or CI log will show. */
	awsError?: AwsErrorText;
}

/** An AWS error as AWS words it: its code (e.g. AccessDeniedException) and its message. */
export interface AwsErrorText {
	code: string;
	message: string;
}

/** What an automatic fix changed, and when: the times come from the journey's clock, so the wait is measured, not guessed. */
export interface FixAccount {
	/** A clause per change, in order ("attached policy P to role R"). */
	changes: string[];
	/** When the last change was made (ISO-8601). */
	changedAt: string;
	/** On this build host: when a token was first granted after the change, and how long that took. */
	grantedAt?: string;
	waitedSeconds?: number;
}

export type WizardEvent =
	| {type: 'step'; step: StepId; status: StepStatus}
	/** `happened`: set on the note that tells what an automatic fix just did (fix-account.ts). */
	| {type: 'note'; step: StepId; tone: 'info' | 'success' | 'warning'; message: string; happened?: FixAccount}
	| {type: 'facts'; step: StepId; facts: Fact[]}
	| {type: 'resource'; step: StepId; resource: CreatedResource; reused: boolean}
	| {type: 'policy'; step: StepId; name: string; document: string; explanations: string[]}
	| {type: 'diff'; step: StepId; path: string; lines: string[]}
	/** `done`: finished, a success unless `tone` says it found nothing (info) or was refused (failed). */
	| {type: 'progress'; step: StepId; message: string; done?: boolean; tone?: ProgressTone}
	| {type: 'maven-output'; line: string}
	| {type: 'package'; row: PackageRow}
	/** How many packages the repository holds now, as ListPackages counts them (not only those this build fetched). */
	| {type: 'package-count'; repository: string; count: number}
	/** What stopped the run: an error. */
	| {type: 'problem'; step: StepId; problem: Problem}
	/** A problem the run goes on from, with a fix to choose (a refused token): an error only if the run then stops on it. */
	| {type: 'warning'; step: StepId; problem: Problem}
	/** The warning with this code is behind the run: `fix` (as the question's choice names it) was made and worked. */
	| {type: 'fixed'; step: StepId; code: string; fix: string}
	| PublishedEvent
	| VerifiedEvent
	| {type: 'summary'; summary: Summary}
	/** A dry run's last event, instead of the summary: what a run would change. */
	| {type: 'plan'; plan: Plan};

/** A package version the run published (PublishPackageVersion), as CodeArtifact then described it: the report's publish section reads it. */
export interface PublishedEvent {
	type: 'published';
	step: string;
	domain: string;
	repository: string;
	format: string;
	namespace: string;
	package: string;
	version: string;
	/** The asset's file name and size, and the SHA-256 sent for AWS to check. */
	asset: {name: string; bytes: number; sha256: string};
	/** As DescribePackageVersion / the package's origin configuration report them, when read. */
	origin?: string;
	publish?: 'ALLOW' | 'BLOCK';
	upstream?: 'ALLOW' | 'BLOCK';
	/** When the repository says it was published (ISO-8601), when it says. */
	publishedTime?: string;
	arn?: string;
}

/** The published asset brought back (GetPackageVersionAsset), its SHA-256 checked and the archive unpacked. */
export interface VerifiedEvent {
	type: 'verified';
	step: string;
	package: string;
	version: string;
	sha256: string;
	/** True when the downloaded bytes' SHA-256 equals the one published. */
	matches: boolean;
	/** The unpacked archive's file list (relative, `/`-separated). */
	files: string[];
	/** The temporary folder it was unpacked into. */
	unpackedInto?: string;
}

/**
 * What a completed run leaves behind, as data: the summary screen, the plain and JSON outputs
 * (and a report) each render it. No text is formatted here but the commands themselves.
 */
export interface Summary {
	/**
	 * `upstream`: the repository holding public:maven-central; none when the run left the repository without one.
	 * `origins`: where the repository's packages entered the domain, as CodeArtifact records it; `mavenCentralSource`:
	 * what really stands behind public:maven-central when it is not Maven Central (a sandbox's offline folder).
	 */
	build: {success: boolean; packages: number; repository: string; upstream?: string; origins?: PackageOrigin[]; mavenCentralSource?: string};
	/** The package version the publish step published and checked, when it ran. */
	published?: {namespace: string; package: string; version: string; repository: string; verified: boolean};
	/** What ca-wizard made here, oldest first: this run, or an earlier one that stopped (undo takes both). */
	created: {resource: CreatedResource; earlierRun: boolean}[];
	/** Found and used as they were: never undone. */
	reused: CreatedResource[];
	files: {path: string; backupPath?: string}[];
	/** What each automatic fix did and how long its change took to reach the build host (fix-account.ts), when there was one. */
	happened?: string[];
	/** What to run next, in order, each with what it is for. */
	next: {purpose: NextPurpose; command: string}[];
	/** The commands that undo `created`, newest first: the manual alternative to `destroy`. */
	undo: string[];
	/** The one command that removes `created` (ca-wizard destroy, with this run's work folder and target). */
	destroy: string;
	/** In real AWS only (a sandbox's would point at nothing): where to see the result in the AWS console. */
	console?: ConsoleLinks;
}

/** How many of a repository's packages entered the domain through an external connection, or were published to a repository. */
export interface PackageOrigin {
	kind: 'external-connection' | 'repository';
	name: string;
	packages: number;
}

/** restart-sandbox: bring the embedded sandbox back; build: Maven again, with a fresh token (ca-wizard exec); export-token: a token in this shell. */
export type NextPurpose = 'restart-sandbox' | 'build' | 'export-token';
