import {defineCommand} from './command.js';
import {hostOptions} from './host-options.js';
import {targetConflict, targetOf, targetOptions} from './wizard.js';

const options = {
	settings: {
		type: 'string',
		value: 'PATH',
		help: 'the settings.xml to check (default: the one the last wizard run wrote, else ~/.m2/settings.xml; with a sandbox, WORKDIR/settings.xml)',
	},
	json: {type: 'boolean', help: 'one JSON object per check (id, status, message, fix) instead of the ✔/✖ lines'},
	'sandbox-url': hostOptions['sandbox-url'],
	profile: hostOptions.profile,
	region: hostOptions.region,
	workdir: {
		...hostOptions.workdir,
		help: "the wizard's working folder, whose run record names the settings.xml it wrote (default ./ca-wizard-work, or ./ca-wizard-work-NAME with --participant NAME)",
	},
	participant: {...targetOptions.participant, help: "a workshop participant's host: checks what the wizard set up with --participant NAME"},
} as const;

export const doctorCommand = defineCommand({
	name: 'doctor',
	summary: 'a read-only check of this build host: settings.xml, IAM, token, Maven',
	usage: '[options]',
	options,
	examples: [
		{command: 'ca-wizard doctor', about: 'every check, ✔/✖ with its fix; exit 1 when one fails'},
		{command: 'ca-wizard doctor --settings ci/settings.xml --json', about: "a CI job's own settings file, results as JSON lines"},
		{command: 'ca-wizard doctor --participant p7 --sandbox-url http://10.0.0.5:7717', about: "a workshop participant's host"},
	],
	validate: targetConflict,
	async run(values) {
		const {runDoctorCommand} = await import('./doctor-command.js');
		return runDoctorCommand({
			target: targetOf(values),
			...(values.settings ? {settings: values.settings} : {}),
			...(values.workdir ? {workdir: values.workdir} : {}),
			...(values.participant ? {participant: values.participant} : {}),
			json: values.json === true,
		});
	},
});
