// Which domain a day-two command (`token`, `exec`) asks a token for, when no flag says: the one
// the last wizard run in the work folder used, else the one this host's settings.xml points at.
// Flags always win; an owner given without a domain applies to whichever domain is found.

import type {LedgerEntry} from '../wizard/ledger.js';
import {parseRepositoryUrl} from './codeartifact-url.js';

export interface ConfiguredDomain {
	domain: string;
	domainOwner?: string;
	/** Where the domain came from, for messages: "--domain", or the file that named it. */
	from: string;
}

export interface DomainSources {
	flags: {domain?: string; domainOwner?: string};
	/** The work folder's run record, when there is one. */
	ledger?: {path: string; entries: readonly LedgerEntry[]; participant?: string};
	/** Our mirror's URL in settings.xml (configuredUrl), when there is one. */
	settings?: {path: string; url?: string};
}

export function configuredDomain({flags, ledger, settings}: DomainSources): ConfiguredDomain | undefined {
	const owner = (found?: string) => flags.domainOwner ?? found;
	const withOwner = (domain: string, domainOwner: string | undefined, from: string): ConfiguredDomain => ({
		domain,
		...(domainOwner === undefined ? {} : {domainOwner}),
		from,
	});
	if (flags.domain !== undefined) return withOwner(flags.domain, flags.domainOwner, '--domain');
	// The newest domain the run used, made or found: what its settings.xml was written for.
	const used = ledger?.entries.filter(entry => entry.kind === 'domain' && entry.state !== 'intended' && entry.details?.['domain']).at(-1);
	if (ledger && used) return withOwner(used.details!['domain']!, owner(used.details?.['owner']), ledger.path);
	const address = settings?.url === undefined ? undefined : parseRepositoryUrl(settings.url);
	if (settings && address) return withOwner(address.domain, owner(address.domainOwner), settings.path);
	return undefined;
}
