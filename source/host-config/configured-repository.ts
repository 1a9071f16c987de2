// Which repository `publish` sends to when --repository does not say: the one the last wizard
// run in the work folder chose (its first repository of the domain: the store it adds upstream
// comes after), else the one this host's settings.xml points at, when it is in the same domain.

import type {DomainSources} from './configured-domain.js';
import {parseRepositoryUrl} from './codeartifact-url.js';

export interface ConfiguredRepository {
	repository: string;
	/** "--repository", or the file that named it. */
	from: string;
}

export function configuredRepository(
	domain: string,
	{flags, ledger, settings}: Omit<DomainSources, 'flags'> & {flags: {repository?: string}},
): ConfiguredRepository | undefined {
	if (flags.repository !== undefined) return {repository: flags.repository, from: '--repository'};
	const chosen = ledger?.entries.find(entry => entry.kind === 'repository' && entry.state !== 'intended' && entry.details?.['domain'] === domain);
	if (ledger && chosen) return {repository: chosen.details?.['repository'] ?? chosen.name, from: ledger.path};
	const address = settings?.url === undefined ? undefined : parseRepositoryUrl(settings.url);
	if (settings && address?.domain === domain) return {repository: address.repository, from: settings.path};
	return undefined;
}
