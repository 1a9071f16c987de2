import {readFile, unlink} from 'node:fs/promises';
import {BugError, CliError} from '../../errors.js';
import {writeFileSafely} from '../../files/write-file-safely.js';
import {decodeSettings} from '../../maven/settings-xml-encoding.js';
import {stripOurEntries} from '../../maven/settings-xml-removal.js';
import type {LedgerEntry} from '../ledger.js';

// Takes ca-wizard's entries back out of settings.xml. A file that did not exist before and
// holds nothing else is deleted; when the backup differs from the file only by ca-wizard's
// entries, the backup comes back byte for byte; otherwise just our entries go and every other
// byte stays. Every write is atomic and keeps a backup of what it replaces.

export async function undoSettingsFile(entry: LedgerEntry): Promise<'removed' | 'already-gone'> {
	const path = entry.details?.['path'] ?? entry.name;
	const bytes = await readIfThere(path);
	if (bytes === undefined) return 'already-gone';
	const current = strip(path, bytes);
	if (current.removed === 0) return 'already-gone';
	if (entry.details?.['existed'] === 'no' && current.onlyOurs) {
		await unlink(path);
		return 'removed';
	}
	const backupPath = entry.details?.['backupPath'];
	const backup = backupPath === undefined ? undefined : await readIfThere(backupPath);
	if (backup !== undefined && backupPath !== undefined && strip(backupPath, backup).text === current.text) {
		await writeFileSafely(path, backup, {backup: true});
		return 'removed';
	}
	const encoded = current.encode(current.text);
	// Every character left came from the file itself, so its encoding can write it.
	if (!encoded) throw new BugError(`${path}: its own text no longer fits its encoding`);
	await writeFileSafely(path, encoded, {backup: true});
	return 'removed';
}

function strip(path: string, bytes: Uint8Array) {
	const decoded = decodeSettings(bytes);
	if (!decoded.ok) throw new CliError('SettingsUnreadable', `${path}: ${decoded.message} ca-wizard's entries were left in it.`, decoded.fix);
	const stripped = stripOurEntries(decoded.text);
	if (!stripped.ok) {
		throw new CliError(
			'SettingsUnreadable',
			`${path} does not parse (${stripped.message}); ca-wizard's entries were left in it.`,
			'Repair the file, then run destroy again.',
		);
	}
	return {...stripped, encode: decoded.encoding.encode};
}

async function readIfThere(path: string): Promise<Uint8Array | undefined> {
	try {
		return await readFile(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}
