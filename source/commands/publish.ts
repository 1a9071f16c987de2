import {defineCommand} from './command.js';
import {hostOptions} from './host-options.js';
import {packageNameProblem, versionProblem} from '../publish/names.js';
import {targetConflict, targetOf} from './wizard.js';

const options = {
	file: {type: 'string', value: 'PATH', help: 'the file or folder to pack and publish (default: a sample text file made for it)'},
	namespace: {type: 'string', value: 'NAME', help: "the generic package's namespace (default ca-wizard)", check: packageNameProblem},
	package: {type: 'string', value: 'NAME', help: "the package's name (default: the file's name, or hello-ca-wizard)", check: packageNameProblem},
	version: {type: 'string', value: 'VERSION', help: 'the version to publish (default 1.0.0)', check: versionProblem},
	domain: {...hostOptions.domain, help: "the domain (default: the last wizard run's, or the one settings.xml uses)"},
	'domain-owner': hostOptions['domain-owner'],
	repository: {type: 'string', value: 'NAME', help: "the repository (default: the last wizard run's, or the one settings.xml uses)"},
	'sandbox-url': hostOptions['sandbox-url'],
	profile: hostOptions.profile,
	region: hostOptions.region,
	workdir: {...hostOptions.workdir, help: "the wizard's working folder, whose run record names the domain and repository (default ./ca-wizard-work)"},
	settings: {...hostOptions.settings, help: 'the settings.xml that names the repository (default ~/.m2/settings.xml; with a sandbox, WORKDIR/settings.xml)'},
	json: {type: 'boolean', help: 'one JSON line with the result (an error event on failure)'},
} as const;

export const publishCommand = defineCommand({
	name: 'publish',
	summary: 'pack a file into a .tar.gz, publish it as a generic package, download and check it',
	usage: '[options]',
	options,
	examples: [
		{command: 'ca-wizard publish', about: "a sample text file, published to the last wizard run's repository as ca-wizard/hello-ca-wizard 1.0.0"},
		{command: 'ca-wizard publish --file dist --package site --version 2.0.0', about: 'a folder, under a name and version of your choice'},
	],
	validate: values => targetConflict(values),
	async run(values) {
		const {runPublishCommand} = await import('./publish-command.js');
		return runPublishCommand({
			target: targetOf(values),
			request: {
				...(values.file === undefined ? {} : {file: values.file}),
				...(values.namespace === undefined ? {} : {namespace: values.namespace}),
				...(values.package === undefined ? {} : {package: values.package}),
				...(values.version === undefined ? {} : {version: values.version}),
			},
			...(values.domain === undefined ? {} : {domain: values.domain}),
			...(values['domain-owner'] === undefined ? {} : {domainOwner: values['domain-owner']}),
			...(values.repository === undefined ? {} : {repository: values.repository}),
			...(values.workdir === undefined ? {} : {workdir: values.workdir}),
			...(values.settings === undefined ? {} : {settings: values.settings}),
			json: values.json === true,
		});
	},
});
