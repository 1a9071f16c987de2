import {resolve} from 'node:path';
import {defineCommand} from './command.js';
import {defaultSandboxData} from './defaults.js';
import {shellQuote} from '../text/shell-quote.js';

export const sandboxEnvCommand = defineCommand({
	name: 'sandbox env',
	summary: "print a running sandbox's export lines, for eval",
	usage: '[options]',
	options: {
		data: {type: 'string', value: 'DIR', help: 'the data folder the sandbox was started on (default ~/.ca-wizard/sandbox)'},
	},
	examples: [
		{command: 'eval "$(ca-wizard sandbox env)"', about: 'point this shell (the aws CLI, the SDKs, ca-wizard --sandbox-url) at the sandbox running in another'},
		{command: 'eval "$(ca-wizard sandbox env --data ~/workshop)"', about: 'the one started with --data ~/workshop'},
	],
	async run(values) {
		// Loaded only here: no SDK, no server, only the record, the lock and one request.
		const {findRunningSandbox} = await import('../sandbox/find-running.js');
		const {adminEnvironment} = await import('../sandbox/running-record.js');
		const {exportLines} = await import('./export-lines.js');
		const dataDir = values.data ?? defaultSandboxData;
		const {invocationName} = await import('./invocation-name.js');
		// The command that starts the sandbox this one looks for, as this CLI can be run from any folder.
		const start = `${invocationName()} sandbox${values.data === undefined ? '' : ` --data ${shellQuote(resolve(values.data))}`}`;
		process.stdout.write(exportLines(adminEnvironment(await findRunningSandbox(dataDir, start))));
		return 0;
	},
});
