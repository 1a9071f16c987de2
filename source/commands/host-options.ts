import type {OptionDefinition, OptionValues} from './command.js';
import type {HostTokenOptions} from './host-token.js';
import {targetOf, targetOptions} from './wizard.js';

// The options of the commands that run on a configured build host (token, exec): where to ask,
// which domain, and where this host's configuration is when it is not in the usual places.

/** CodeArtifact takes 0 (the caller's session length) or 900–43200 seconds. */
export function durationProblem(value: string): string | undefined {
	const seconds = Number(value);
	return /^\d+$/.test(value) && (seconds === 0 || (seconds >= 900 && seconds <= 43_200))
		? undefined
		: 'takes seconds: 900 to 43200 (12 hours), or 0 for as long as the credentials last';
}

export const hostOptions = {
	domain: {type: 'string', value: 'NAME', help: "the domain (default: the last wizard run's, or the one this host's settings.xml uses)"},
	'domain-owner': {...targetOptions['domain-owner'], help: "the domain owner's account id (default: as found, else this host's account)"},
	duration: {
		type: 'string',
		value: 'SECONDS',
		help: 'how long the token lasts: 900–43200, or 0 for as long as the credentials last (default 43200, 12 hours)',
		check: durationProblem,
	},
	'sandbox-url': targetOptions['sandbox-url'],
	profile: targetOptions.profile,
	region: targetOptions.region,
	workdir: {...targetOptions.workdir, help: "the wizard's working folder, whose run record names the domain (default ./ca-wizard-work)"},
	settings: {type: 'string', value: 'PATH', help: 'the settings.xml that names the domain (default ~/.m2/settings.xml; with a sandbox, WORKDIR/settings.xml)'},
} as const satisfies Record<string, OptionDefinition>;

/** The checked option values as what fetchHostToken takes. */
export function hostTokenOptions(values: OptionValues<typeof hostOptions>): HostTokenOptions {
	return {
		target: targetOf(values),
		...(values.settings ? {settings: values.settings} : {}),
		...(values.workdir ? {workdir: values.workdir} : {}),
		...(values.domain ? {domain: values.domain} : {}),
		...(values['domain-owner'] ? {domainOwner: values['domain-owner']} : {}),
		...(values.duration ? {durationSeconds: Number(values.duration)} : {}),
	};
}
