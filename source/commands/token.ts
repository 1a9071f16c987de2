import {defineCommand} from './command.js';
import {hostOptions, hostTokenOptions} from './host-options.js';
import {targetConflict} from './wizard.js';

export const tokenFormats = ['shell', 'env', 'json'] as const;
export type TokenFormat = (typeof tokenFormats)[number];

export const tokenCommand = defineCommand({
	name: 'token',
	summary: 'print a fresh CodeArtifact token for this host, ready for eval (no aws CLI needed)',
	usage: '[options]',
	options: {
		...hostOptions,
		format: {
			type: 'string',
			value: 'shell|env|json',
			help: 'shell: an export line (default); env: NAME=value for an env file; json: token, expiration, domain, owner',
			check: value => ((tokenFormats as readonly string[]).includes(value) ? undefined : `use ${tokenFormats.join(', ')}`),
		},
	},
	examples: [
		{command: 'eval "$(ca-wizard token)"', about: 'CODEARTIFACT_AUTH_TOKEN in this shell, for the domain this host was set up for'},
		{command: 'ca-wizard token --format env >> "$GITHUB_ENV"', about: 'in a CI step (the expiry goes to stderr)'},
		{command: 'ca-wizard token --domain acme --domain-owner 111122223333 --duration 3600', about: 'a one-hour token for a domain of another account'},
	],
	validate: values => targetConflict(values),
	async run(values) {
		const {runTokenCommand} = await import('./token-command.js');
		return runTokenCommand({...hostTokenOptions(values), format: (values.format ?? 'shell') as TokenFormat});
	},
});
