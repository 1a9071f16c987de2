import type {Consistency} from '../sandbox/consistency.js';
import {upstreamSpecProblem} from '../sandbox/maven/upstream-spec.js';
import {scenarios} from '../sandbox/state.js';
import {flagUsage, flagValueProblem, questionIds, type QuestionId} from '../wizard/question-flags.js';
import {participantProblem} from '../wizard/resource-names.js';
import type {WizardCommandOptions} from './wizard-options.js';
import type {Target} from './connect-target.js';
import {defineCommand, type OptionDefinition, type OptionValues} from './command.js';
import {defaultSandboxPort} from './defaults.js';
import {configOption} from './options-file.js';
import {consistencyOption, iamDelayOption, listingLagOption} from './sandbox.js';
import {openSession} from './session.js';

export const targetOptions = {
	sandbox: {type: 'boolean', help: 'the whole journey offline, on an embedded sandbox (no AWS account)'},
	'sandbox-url': {
		type: 'string',
		value: 'URL',
		help: 'a sandbox already running; its admin credentials from the environment (eval "$(ca-wizard sandbox env)" sets them)',
		check: url =>
			/^https?:\/\/[^/]+\/?$/.test(url) ? undefined : `takes the endpoint \`ca-wizard sandbox\` printed, e.g. http://127.0.0.1:${defaultSandboxPort}`,
	},
	scenario: {
		type: 'string',
		value: 'S',
		help: `with --sandbox: ${scenarios.join(' (default) or ')}`,
		check: value => ((scenarios as readonly string[]).includes(value) ? undefined : `use ${scenarios.join(' or ')}`),
	},
	'maven-central': {type: 'string', value: 'URL|DIR', help: 'with --sandbox: where public:maven-central fetches from', check: upstreamSpecProblem},
	consistency: {...consistencyOption, help: `with --sandbox: ${consistencyOption.help}`},
	'iam-delay': {...iamDelayOption, help: `with --sandbox: ${iamDelayOption.help}`},
	'listing-lag': {...listingLagOption, help: `with --sandbox: ${listingLagOption.help}`},
	profile: {type: 'string', value: 'NAME', help: "AWS profile (default: the SDK's default credential chain)"},
	region: {type: 'string', value: 'R', help: 'AWS region'},
	settings: {
		type: 'string',
		value: 'PATH',
		help: 'settings.xml to merge into (default ~/.m2/settings.xml; with a sandbox, WORKDIR/settings.xml — your own ~/.m2 is never touched)',
	},
	'domain-owner': {
		type: 'string',
		value: 'ACCOUNT',
		help: 'the account that owns the domain, when it is not yours (a domain shared across accounts)',
		check: account => (/^\d{12}$/.test(account) ? undefined : 'takes the 12-digit id of the AWS account that owns the domain, e.g. 123456789012'),
	},
	project: {type: 'string', value: 'DIR', help: "the Maven project to build (default: this folder's pom.xml, or the demo)"},
	workdir: {type: 'string', value: 'DIR', help: 'working folder (default ./ca-wizard-work; with --participant, ./ca-wizard-work-NAME)'},
	participant: {
		type: 'string',
		value: 'NAME',
		help: "a workshop participant's name: prefixes every name ca-wizard makes (NAME-ca-wizard-demo, …) and tags them with it",
		check: participantProblem,
	},
	yes: {type: 'boolean', short: 'y', help: 'take the default wherever no flag answers a question'},
	json: {type: 'boolean', help: 'print events as JSON lines instead of the interactive screens'},
} as const satisfies Record<string, OptionDefinition>;

/** Every question the wizard asks is also a flag, checked against the question's own declaration. */
const answerOptions = Object.fromEntries(
	questionIds.map(id => {
		const {value, help} = flagUsage(id);
		return [
			id,
			{
				type: 'string',
				value,
				help,
				group: 'Answers (every question the wizard asks has its flag)',
				check: (raw: string) => flagValueProblem(id, raw),
			} satisfies OptionDefinition,
		];
	}),
) as Record<QuestionId, OptionDefinition & {type: 'string'}>;

const options = {
	...targetOptions,
	config: configOption,
	report: {
		type: 'string',
		value: 'FILE.md',
		help: 'write a Markdown write-up of the run there when it ends (also when it stops); `ca-wizard report` writes it later',
		check: path => (/\.md$/i.test(path) ? undefined : 'takes the name of a Markdown file, ending in .md'),
	},
	'report-account': {type: 'boolean', help: 'with --report: the account id in full in the write-up (masked, 1234••••9012, otherwise)'},
	'dry-run': {
		type: 'boolean',
		help: 'walk the journey, making only reads: print every AWS call that would change something, and the settings.xml diff; create and write nothing',
	},
	...answerOptions,
} as const satisfies Record<string, OptionDefinition>;

export const wizardCommand = defineCommand({
	name: '',
	summary: 'walk from an empty AWS account to a Maven build through CodeArtifact',
	usage: '[options]',
	options,
	examples: [
		{command: 'npx ca-wizard --sandbox', about: 'the whole journey offline, on an embedded sandbox'},
		{command: 'ca-wizard --profile dev --region eu-west-1', about: 'in a real AWS account'},
		{command: 'ca-wizard --sandbox --yes --json', about: 'every default taken, as JSON lines (CI)'},
		{command: 'ca-wizard --profile dev --yes --dry-run', about: 'what a run would create and change, changing nothing'},
		{command: 'ca-wizard --domain acme --repository libs --yes', about: "onboard another build host to a team's repository (changes nothing shared)"},
		{command: 'ca-wizard --sandbox-url http://10.0.0.5:7717 --participant p7', about: "a workshop participant, on the presenter's sandbox"},
	],
	validate: conflicts,
	async run(values) {
		const options = wizardOptions(values);
		// The first frame comes first: the screens (or the line host) open before the journey's own code loads.
		const session = await openSession({json: options.json, flags: {answers: options.answers, yes: options.yes}});
		const {runWizardCommand} = await import('./wizard-command.js');
		return runWizardCommand(options, session);
	},
});

function conflicts(values: OptionValues<typeof options>): string | undefined {
	const target = targetConflict(values);
	if (target) return target;
	if ((values.scenario || values['maven-central'] || values.consistency || values['iam-delay'] || values['listing-lag']) && !values.sandbox)
		return '--scenario, --maven-central, --consistency, --iam-delay and --listing-lag go with --sandbox';
	if (values['report-account'] && !values.report) return '--report-account goes with --report FILE.md';
	if (values.report && values['dry-run']) return '--report writes up what a run did; a dry run does nothing to write up (it prints its plan)';
	if (values['project-choice'] !== undefined && values.project !== undefined)
		return '--project DIR already chooses the project to build; --project-choice is for a run without it. Pass one of the two';
	return undefined;
}

/** The targets exclude each other: one sandbox or the other, or real AWS with its profile and region. */
export function targetConflict(values: OptionValues<Pick<typeof targetOptions, 'sandbox' | 'sandbox-url' | 'profile' | 'region'>>): string | undefined {
	if (values.sandbox && values['sandbox-url']) return 'use either --sandbox (start one here) or --sandbox-url URL (use a running one), not both';
	if ((values.profile || values.region) && (values.sandbox || values['sandbox-url']))
		return '--profile and --region are for real AWS; a sandbox has its own credentials and region';
	return undefined;
}

/** Where the AWS calls go, from the target flags. */
export function targetOf(
	values: OptionValues<
		Pick<typeof targetOptions, 'sandbox' | 'sandbox-url' | 'profile' | 'region' | 'scenario' | 'maven-central' | 'consistency' | 'iam-delay' | 'listing-lag'>
	>,
): Target {
	const url = values['sandbox-url'];
	return values.sandbox
		? {
				kind: 'sandbox',
				...(values.scenario ? {scenario: values.scenario} : {}),
				...(values['maven-central'] ? {mavenCentral: values['maven-central']} : {}),
				...(values.consistency ? {consistency: values.consistency as Consistency} : {}),
				...(values['iam-delay'] ? {iamDelaySeconds: Number(values['iam-delay'])} : {}),
				...(values['listing-lag'] ? {listingLagSeconds: Number(values['listing-lag'])} : {}),
			}
		: url
			? {kind: 'sandbox-url', url: url.replace(/\/$/, '')}
			: {kind: 'aws', ...(values.profile ? {profile: values.profile} : {}), ...(values.region ? {region: values.region} : {})};
}

export function wizardOptions(values: OptionValues<typeof options>): WizardCommandOptions {
	const target = targetOf(values);
	const answers: WizardCommandOptions['answers'] = {};
	for (const id of questionIds) if (values[id] !== undefined) answers[id] = values[id];
	return {
		target,
		...(values.settings ? {settings: values.settings} : {}),
		...(values['domain-owner'] ? {domainOwner: values['domain-owner']} : {}),
		...(values.project ? {project: values.project} : {}),
		...(values.workdir ? {workdir: values.workdir} : {}),
		...(values.participant ? {participant: values.participant} : {}),
		yes: values.yes === true,
		json: values.json === true,
		dryRun: values['dry-run'] === true,
		...(values.report ? {report: {path: values.report, showAccount: values['report-account'] === true}} : {}),
		answers,
	};
}
