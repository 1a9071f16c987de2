// What a configured host says about its CodeArtifact set-up, read from disk: the work folder's
// run record and the CodeArtifact mirror's URL in settings.xml. configuredDomain and
// configuredRepository choose from it.

import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {DomainSources} from './configured-domain.js';

/** A run record that cannot be read is said so (LedgerError), not passed over in silence; a missing settings.xml is no mirror. */
export async function readHostConfiguration(workDir: string, settingsPath: string): Promise<Omit<DomainSources, 'flags'>> {
	const [{RunLedger, ledgerFileName}, {configuredUrl}, {settingsId}] = await Promise.all([
		import('../wizard/ledger.js'),
		import('../maven/settings-xml.js'),
		import('../wizard/journey/settings-file.js'),
	]);
	const ledgerPath = join(workDir, ledgerFileName);
	const ledger = await RunLedger.open(ledgerPath);
	const settingsText = await readFile(settingsPath, 'utf8').catch(() => undefined);
	const url = configuredUrl(settingsText, settingsId);
	return {
		ledger: {path: ledgerPath, entries: ledger.entries, ...(ledger.participant ? {participant: ledger.participant} : {})},
		settings: {path: settingsPath, ...(url === undefined ? {} : {url})},
	};
}
