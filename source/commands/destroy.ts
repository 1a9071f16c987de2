import {resolve} from 'node:path';
import {shellQuote} from '../text/shell-quote.js';
import {defineCommand} from './command.js';
import type {Target} from './connect-target.js';
import {defaultWorkDirName} from './defaults.js';
import {targetConflict, targetOf, targetOptions} from './wizard.js';

const options = {
	workdir: {...targetOptions.workdir, help: "the wizard's working folder, where its run record is (default ./ca-wizard-work)"},
	sandbox: {type: 'boolean', help: 'the embedded sandbox the wizard ran with --sandbox (its data is in WORKDIR/sandbox-data)'},
	'sandbox-url': targetOptions['sandbox-url'],
	profile: targetOptions.profile,
	region: targetOptions.region,
	'dry-run': {type: 'boolean', help: 'show what would be removed, and change nothing'},
	yes: {type: 'boolean', short: 'y', help: 'remove without asking (needed without a terminal)'},
	json: {type: 'boolean', help: 'print the plan and each removal as JSON lines'},
} as const;

export const destroyCommand = defineCommand({
	name: 'destroy',
	summary: 'remove what ca-wizard created, as its run record lists it, and take its entries out of settings.xml',
	usage: '[options]',
	options,
	examples: [
		{command: 'ca-wizard destroy --dry-run', about: 'what would be removed, changing nothing'},
		{command: 'ca-wizard destroy --sandbox --yes', about: 'after a `ca-wizard --sandbox` run, without asking'},
		{command: 'ca-wizard destroy --workdir ~/onboarding --profile dev --region eu-west-1', about: 'a run in a real account, from its work folder'},
	],
	validate: targetConflict,
	async run(values) {
		const {runDestroyCommand} = await import('./destroy-command.js');
		return runDestroyCommand({
			target: targetOf(values),
			...(values.workdir ? {workdir: values.workdir} : {}),
			dryRun: values['dry-run'] === true,
			yes: values.yes === true,
			json: values.json === true,
		});
	},
});

/** The destroy command that matches a wizard run: its participant, its work folder (when not the default) and its target. */
export function destroyInvocation(target: Target, workDir: string, cwd: string, participant?: string): string {
	const words = ['ca-wizard destroy'];
	if (participant !== undefined) words.push(`--participant ${participant}`); // the rule leaves nothing to quote
	// Destroy's own default is ./ca-wizard-work even with --participant: a participant's folder is named.
	if (resolve(workDir) !== resolve(cwd, defaultWorkDirName)) words.push(`--workdir ${shellQuote(workDir)}`);
	if (target.kind === 'sandbox') words.push('--sandbox');
	else if (target.kind === 'sandbox-url') words.push(`--sandbox-url ${shellQuote(target.url)}`);
	else {
		if (target.profile) words.push(`--profile ${shellQuote(target.profile)}`);
		if (target.region) words.push(`--region ${shellQuote(target.region)}`);
	}
	return words.join(' ');
}
