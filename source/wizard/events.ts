import type {StepId} from './steps.js';

// What the journey reports as it goes: the Ink screens, --json output and the Markdown
// write-up are all views of this one stream.

export type StepStatus = 'pending' | 'active' | 'done' | 'skipped' | 'failed';

/** A resource the journey created (or adopted), recorded the moment it exists: resume and destroy read these. */
export interface CreatedResource {
	kind: 'domain' | 'repository' | 'external-connection' | 'upstream-link' | 'iam-policy' | 'iam-role' | 'role-policy-attachment' | 'instance-profile' | 'instance-profile-role' | 'instance-profile-association' | 'file';
	/** Name or path as a person would say it. */
	name: string;
	arn?: string;
	/** Whatever destroy needs to undo it exactly (e.g. {domain, repository}). */
	details?: Record<string, string>;
}

/** What each kind is called in a sentence. */
export const resourceNouns: Record<CreatedResource['kind'], string> = {
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
}

export type WizardEvent =
	| {type: 'step'; step: StepId; status: StepStatus}
	| {type: 'note'; step: StepId; tone: 'info' | 'success' | 'warning'; message: string}
	| {type: 'facts'; step: StepId; facts: Fact[]}
	| {type: 'resource'; step: StepId; resource: CreatedResource; reused: boolean}
	| {type: 'policy'; step: StepId; name: string; document: string; explanations: string[]}
	| {type: 'diff'; step: StepId; path: string; lines: string[]}
	| {type: 'progress'; step: StepId; message: string; done?: boolean}
	| {type: 'maven-output'; line: string}
	| {type: 'package'; row: PackageRow}
	| {type: 'problem'; step: StepId; problem: Problem}
	| {type: 'summary'; lines: string[]};
