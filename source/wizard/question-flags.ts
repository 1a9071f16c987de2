// Every question the journey may ask, declared once by id: its flag (`--ID VALUE`), the kind
// of question and the values it accepts. The steps' questions are typed against this
// declaration (a choice it does not list does not compile), the command line checks every
// flag value against it before the first AWS call, and a test checks that the questions the
// journey really asks offer exactly the values declared here.

import {descriptionProblem, domainNameProblem, repositoryChoiceProblem} from './name-rules.js';
import {instanceListProblem} from './instance-choice.js';
import {yesOrNo, type ConfirmQuestion, type MultiSelectQuestion, type SelectQuestion, type TextQuestion} from './questions.js';
import {fixIds} from './triage-fixes.js';
import {versionProblem} from '../publish/names.js';

type Rule = (value: string) => string | undefined;

export type QuestionFlag =
	/** yes or no (also y/n, true/false). */
	| {question: 'confirm'; help: string}
	/** One of a fixed list; `placeholder` stands for a list too long for the usage line. */
	| {question: 'select'; values: readonly string[]; placeholder?: string; help: string}
	/** An existing name from a list, or a new one: any value `validate` accepts. */
	| {question: 'select'; placeholder: string; validate: Rule; help: string}
	| {question: 'text'; placeholder: string; validate: Rule; help: string}
	/** Several values, comma-separated, or `none`: each checked by `validate` here, against the choices when asked. */
	| {question: 'multiselect'; placeholder: string; validate: Rule; help: string};

export const questionFlags = {
	'project-choice': {question: 'select', values: ['current', 'demo'], help: "build this folder's pom.xml, or the bundled demo project"},
	domain: {question: 'select', placeholder: 'NAME', validate: domainNameProblem, help: 'CodeArtifact domain to use or create'},
	repository: {question: 'select', placeholder: 'NAME', validate: repositoryChoiceProblem, help: 'repository to use or create'},
	description: {question: 'text', placeholder: 'TEXT', validate: descriptionProblem, help: 'description of a new repository'},
	upstream: {question: 'confirm', help: 'connect the repository to Maven Central through maven-central-store'},
	'shared-upstream': {
		question: 'confirm',
		help: 'add maven-central-store as an upstream of a repository ca-wizard did not create (default no)',
	},
	'create-access': {
		question: 'confirm',
		help: "create the build host's access: its policy (the role and instance profile only when the chosen fix needs them)",
	},
	'shared-policy': {question: 'confirm', help: 'give a policy ca-wizard did not create a new default version (default no)'},
	'token-fix': {question: 'select', values: [...fixIds, 'stop'], placeholder: 'FIX', help: 'how to fix a refused token'},
	instances: {
		question: 'multiselect',
		placeholder: 'ID,ID|none',
		validate: instanceListProblem,
		help: "off EC2: the account's EC2 instances whose access to fix (default none)",
	},
	'replace-profile': {question: 'confirm', help: "replace the instance's current instance profile"},
	'write-settings': {question: 'confirm', help: 'write the settings.xml change'},
	'local-repository': {question: 'select', values: ['throwaway', 'user'], help: 'local Maven repository for the build'},
	publish: {question: 'confirm', help: 'after the build, publish a sample generic package, download it back and check it'},
	'publish-version': {
		question: 'text',
		placeholder: 'VERSION',
		validate: versionProblem,
		help: 'the version to publish when 1.0.0 is taken (default: the next free one)',
	},
	'host-publish': {
		question: 'confirm',
		help: "give the build host's policy the right to publish generic packages, as a separate statement (default no)",
	},
} as const satisfies Record<string, QuestionFlag>;

export type QuestionId = keyof typeof questionFlags;

export const questionIds = Object.keys(questionFlags) as QuestionId[];

type Declared = typeof questionFlags;

/**
 * What a step may ask under each id: a declared id, of the declared kind; a fixed list offers
 * no value of one's own. (That its choices are declared values is checked by a test: a type
 * would not survive choices built conditionally.)
 */
export type JourneyQuestion = {
	[I in QuestionId]: Declared[I] extends {question: 'confirm'}
		? ConfirmQuestion<I>
		: Declared[I] extends {question: 'text'}
			? TextQuestion<I>
			: Declared[I] extends {question: 'multiselect'}
				? MultiSelectQuestion<I>
				: Declared[I] extends {values: readonly string[]}
					? SelectQuestion<I> & {custom?: undefined}
					: SelectQuestion<I> & {custom: NonNullable<SelectQuestion['custom']>};
}[QuestionId];

/** The flag's line in --help: how its value is written, and what it does. */
export function flagUsage(id: QuestionId): {value: string; help: string} {
	const flag: QuestionFlag = questionFlags[id];
	if (flag.question === 'confirm') return {value: 'yes|no', help: flag.help};
	if (!('values' in flag)) return {value: flag.placeholder, help: flag.help};
	if (flag.placeholder === undefined) return {value: flag.values.join('|'), help: flag.help};
	return {value: flag.placeholder, help: `${flag.help}: ${flag.values.join(', ')}`};
}

/** Why `raw` is not a value the flag accepts, naming what it does accept; undefined when it is. */
export function flagValueProblem(id: QuestionId, raw: string): string | undefined {
	const flag: QuestionFlag = questionFlags[id];
	if (flag.question === 'confirm') return yesOrNo(raw) === undefined ? 'answer yes or no' : undefined;
	if ('values' in flag) return flag.values.includes(raw) ? undefined : `choose one of ${flag.values.join(', ')}`;
	return flag.validate(raw);
}
