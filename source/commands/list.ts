import {defineCommand} from './command.js';
import {participantProblem} from '../wizard/resource-names.js';
import {accountOptions} from './destroy.js';
import {targetConflict, targetOf, targetOptions} from './wizard.js';

const options = {
	participant: {type: 'string', value: 'NAME', help: "only this workshop participant's resources", check: participantProblem},
	workdir: {...targetOptions.workdir, help: 'with --sandbox: the work folder whose sandbox-data to read (default ./ca-wizard-work)'},
	...accountOptions,
	json: {type: 'boolean', help: 'one JSON line per participant (or principal) and run'},
} as const;

export const listCommand = defineCommand({
	name: 'list',
	summary: 'what ca-wizard made here, per participant and run (from its tags)',
	usage: '[options]',
	options,
	examples: [
		{command: 'ca-wizard list --profile dev --region eu-west-1', about: 'everything ca-wizard made in an account, whoever ran it'},
		{command: 'ca-wizard list --participant p7 --json', about: "one workshop participant's resources, as JSON"},
	],
	validate: targetConflict,
	async run(values) {
		const {runListCommand} = await import('./list-command.js');
		return runListCommand({
			target: targetOf(values),
			...(values.workdir ? {workdir: values.workdir} : {}),
			...(values.participant === undefined ? {} : {participant: values.participant}),
			json: values.json === true,
		});
	},
});
