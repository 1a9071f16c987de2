import {defineCommand} from './command.js';
import {targetOptions} from './wizard.js';

// `ca-wizard report`: the write-up of a run made earlier, from its work folder's run log (for a
// learner who forgot --report).

export const reportCommand = defineCommand({
	name: 'report',
	summary: "a Markdown write-up of the last wizard run, from its work folder's run log",
	usage: '[options]',
	options: {
		run: {type: 'string', value: 'DIR|FILE', help: 'the work folder of the run, or its run log (default ./ca-wizard-work, or --workdir)'},
		workdir: {...targetOptions.workdir, help: "the wizard run's --workdir, as given to it (default ./ca-wizard-work)"},
		out: {
			type: 'string',
			value: 'FILE.md',
			help: 'write the write-up there, whole (default: print it)',
			check: path => (/\.md$/i.test(path) ? undefined : 'takes the name of a Markdown file, ending in .md'),
		},
		'report-account': {type: 'boolean', help: 'the account id in full (masked, 1234••••9012, otherwise)'},
	},
	examples: [
		{command: 'ca-wizard report --out my-run.md', about: 'the last run in ./ca-wizard-work, written to my-run.md'},
		{command: 'ca-wizard report --run ~/work/ca-wizard-work | less', about: 'read it in the terminal'},
	],
	validate: values => (values.run && values.workdir ? 'use either --run or --workdir: both name the run' : undefined),
	async run(values) {
		const {runReportCommand} = await import('./report-command.js');
		const run = values.run ?? values.workdir;
		return runReportCommand({
			...(run === undefined ? {} : {run}),
			...(values.out ? {out: values.out} : {}),
			showAccount: values['report-account'] === true,
		});
	},
});
