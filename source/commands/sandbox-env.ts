import {resolve} from 'node:path';
import {defineCommand} from './command.js';
import {defaultSandboxData} from './defaults.js';
import {shellQuote} from '../text/shell-quote.js';

/** The second account's users (sandbox/auth/other-account.ts), named here so that --help needs no sandbox code. */
const otherAccountUserNames = ['partner-admin', 'partner-reader'];

export const sandboxEnvCommand = defineCommand({
	name: 'sandbox env',
	summary: "print a running sandbox's export lines, for eval",
	usage: '[options]',
	options: {
		data: {type: 'string', value: 'DIR', help: 'the data folder the sandbox was started on (default ~/.ca-wizard/sandbox)'},
		as: {
			type: 'string',
			value: 'USER',
			help: "the keys of the sandbox's second account instead of the admin's, to try what a domain or repository policy grants another account: partner-admin (AdministratorAccess) or partner-reader (no GetAuthorizationToken)",
			check: value => (otherAccountUserNames.includes(value) ? undefined : `use ${otherAccountUserNames.join(' or ')}`),
		},
	},
	examples: [
		{command: 'eval "$(ca-wizard sandbox env)"', about: 'point this shell (the aws CLI, the SDKs, ca-wizard --sandbox-url) at the sandbox running in another'},
		{command: 'eval "$(ca-wizard sandbox env --data ~/workshop)"', about: 'the one started with --data ~/workshop'},
		{
			command: 'eval "$(ca-wizard sandbox env --as partner-admin)"',
			about: "this shell as the second account's administrator (pass --domain-owner to reach the sandbox's domains)",
		},
	],
	async run(values) {
		// Loaded only here: no SDK, no server, only the record, the lock and one request.
		const {findRunningSandbox} = await import('../sandbox/find-running.js');
		const {adminEnvironment, otherAccountEnvironment} = await import('../sandbox/running-record.js');
		const {exportLines} = await import('./export-lines.js');
		const dataDir = values.data ?? defaultSandboxData;
		const {invocationName} = await import('./invocation-name.js');
		// The command that starts the sandbox this one looks for, as this CLI can be run from any folder.
		const start = `${invocationName()} sandbox${values.data === undefined ? '' : ` --data ${shellQuote(resolve(values.data))}`}`;
		const record = await findRunningSandbox(dataDir, start);
		const env = values.as === undefined ? adminEnvironment(record) : otherAccountEnvironment(record, values.as);
		if (!env) {
			const {SandboxError} = await import('../sandbox/errors.js');
			throw new SandboxError(
				'NoSecondAccount',
				`The sandbox on ${dataDir} was started by an older ca-wizard, without a second account.`,
				`Start it again: ${start}`,
			);
		}
		process.stdout.write(exportLines(env));
		return 0;
	},
});
