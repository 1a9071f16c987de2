import {defineCommand} from './command.js';
import {hostOptions, hostTokenOptions} from './host-options.js';
import {targetConflict} from './wizard.js';

export const execCommand = defineCommand({
	name: 'exec',
	summary: 'run a command with a fresh CodeArtifact token in its environment only (the answer to the 12-hour expiry)',
	usage: '[options] -- COMMAND [ARGS…]',
	options: hostOptions,
	passThrough: true,
	examples: [
		{
			command: 'ca-wizard exec -- mvn -s ca-wizard-work/settings.xml -f ca-wizard-work/demo-project/pom.xml compile',
			about: 'the demo build of a --sandbox run again, never with an expired token',
		},
		{command: 'ca-wizard exec --domain acme -- ./gradlew build', about: 'any tool that reads CODEARTIFACT_AUTH_TOKEN'},
	],
	validate: values => targetConflict(values),
	async run(values, command) {
		const {runExecCommand} = await import('./exec-command.js');
		return runExecCommand({...hostTokenOptions(values), command});
	},
});
