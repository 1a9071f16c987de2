import {resolve} from 'node:path';
import {shellQuote} from '../text/shell-quote.js';
import {defineCommand} from './command.js';
import type {Target} from './connect-target.js';
import {targetWords} from './host-invocation.js';
import {ownName} from './invocation-name.js';
import {participantProblem} from '../wizard/resource-names.js';
import {targetConflict, targetOf, targetOptions} from './wizard.js';
import {BugError} from '../errors.js';
import {parseForced, type ForcedName} from '../wizard/destroy/destroy-scope.js';
import {domainNameProblem} from '../wizard/name-rules.js';

/** Where a run's resources are: the targets of the wizard, with the embedded sandbox started from a work folder's data. */
export const accountOptions = {
	sandbox: {type: 'boolean', help: 'the embedded sandbox the wizard ran with --sandbox (its data is in WORKDIR/sandbox-data)'},
	'sandbox-url': targetOptions['sandbox-url'],
	profile: targetOptions.profile,
	region: targetOptions.region,
} as const;

const options = {
	workdir: {
		...targetOptions.workdir,
		help: "the wizard's working folder, where its run record is (default ./ca-wizard-work, or ./ca-wizard-work-NAME with --participant NAME)",
	},
	...accountOptions,
	participant: {
		type: 'string',
		value: 'NAME',
		help: "only this workshop participant's resources (from the ca-wizard:created-by tag)",
		check: participantProblem,
	},
	'all-participants': {type: 'boolean', help: 'what every participant (and every principal) made with ca-wizard here'},
	domain: {type: 'string', value: 'DOMAIN', help: 'only what concerns this domain: it, its repositories, its build-host policy', check: domainNameProblem},
	force: {
		type: 'string',
		value: 'KIND:NAME,…',
		help: 'also remove these, which ca-wizard did not create: domain:D, repository:D/R, role:R, policy:P, instance-profile:P',
		check: forceProblem,
	},
	'dry-run': {type: 'boolean', help: 'show what would be removed, and change nothing'},
	yes: {type: 'boolean', short: 'y', help: 'remove without asking (needed without a terminal)'},
	json: {type: 'boolean', help: 'print the plan and each removal as JSON lines'},
} as const;

export const destroyCommand = defineCommand({
	name: 'destroy',
	summary: 'remove what ca-wizard created, and its entries in settings.xml',
	usage: '[options]',
	options,
	examples: [
		{command: 'ca-wizard destroy --dry-run', about: 'what would be removed, changing nothing'},
		{command: 'ca-wizard destroy --sandbox --yes', about: 'after a `ca-wizard --sandbox` run, without asking'},
		{command: 'ca-wizard destroy --workdir ~/onboarding --profile dev --region eu-west-1', about: 'a run in a real account, from its work folder'},
		{command: 'ca-wizard destroy --participant p7 --yes', about: "a workshop participant's resources, from their tags (no run record needed)"},
		{command: 'ca-wizard destroy --force repository:team/old-libs --dry-run', about: 'what removing a repository ca-wizard did not make would do'},
	],
	validate: values =>
		targetConflict(values) ??
		(values.participant !== undefined && values['all-participants'] ? '--participant and --all-participants exclude each other: choose one.' : undefined),
	async run(values) {
		const {runDestroyCommand} = await import('./destroy-command.js');
		return runDestroyCommand({
			target: targetOf(values),
			...(values.workdir ? {workdir: values.workdir} : {}),
			dryRun: values['dry-run'] === true,
			yes: values.yes === true,
			json: values.json === true,
			...(values.participant === undefined ? {} : {participant: values.participant}),
			allParticipants: values['all-participants'] === true,
			...(values.domain === undefined ? {} : {domain: values.domain}),
			...(values.force === undefined ? {} : {force: forced(values.force)}),
		});
	},
});

/**
 * The destroy command that matches a wizard run: its participant, its work folder (always, so it
 * works pasted in any folder) and its target. `embedded` names an embedded sandbox: `--sandbox`
 * starts it again; the summary's restarted one is reached as exec and token reach it.
 */
export function destroyInvocation(target: Target, workDir: string, participant?: string, name = ownName, embedded = '--sandbox'): string {
	const words = [`${name} destroy`];
	if (participant !== undefined) words.push(`--participant ${participant}`); // the rule leaves nothing to quote
	words.push(`--workdir ${shellQuote(resolve(workDir))}`);
	words.push(...targetWords(target, embedded));
	return words.join(' ');
}

function forceProblem(value: string): string | undefined {
	const parsed = parseForced(value);
	return typeof parsed === 'string' ? parsed : undefined;
}

function forced(value: string): ForcedName[] {
	const parsed = parseForced(value);
	if (typeof parsed === 'string') throw new BugError(`--force passed its check but does not parse: ${parsed}`);
	return parsed;
}
