import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {mergeSettings} from '../../../source/maven/settings-xml.js';
import {undoSettingsFile} from '../../../source/wizard/destroy/undo-settings.js';
import type {LedgerEntry} from '../../../source/wizard/ledger.js';
import {temporaryDirectory} from '../../helpers/sandbox.js';

const url = 'https://acme-111122223333.d.codeartifact.eu-west-1.amazonaws.com/maven/libs/';
const theirs = '<settings>\n  <localRepository>/opt/m2</localRepository>\n</settings>\n';

function merged(existing: string | undefined): string {
	const result = mergeSettings(existing, {id: 'codeartifact', url});
	if (!result.ok) throw new Error(result.message);
	return result.text;
}

/** settings.xml as the wizard left it, and its ledger entry. */
function written(before: string | undefined): {path: string; entry: LedgerEntry} {
	const folder = temporaryDirectory('ca-wizard-undo-settings-');
	const path = join(folder, 'settings.xml');
	const backupPath = `${path}.bak-20261202000000`;
	if (before !== undefined) writeFileSync(backupPath, before);
	writeFileSync(path, merged(before));
	const details = {path, existed: before === undefined ? 'no' : 'yes', ...(before === undefined ? {} : {backupPath})};
	return {path, entry: {kind: 'file', name: path, state: 'created', details}};
}

describe('undoSettingsFile', () => {
	it('deletes a file that did not exist before and holds only our entries', async () => {
		const {path, entry} = written(undefined);
		expect(await undoSettingsFile(entry)).toBe('removed');
		expect(existsSync(path)).toBe(false);
		expect(await undoSettingsFile(entry)).toBe('already-gone');
	});

	it('keeps a new file someone has added to since, without our entries', async () => {
		const {path, entry} = written(undefined);
		writeFileSync(path, readFileSync(path, 'utf8').replace('</settings>', '  <offline>true</offline>\n</settings>'));
		expect(await undoSettingsFile(entry)).toBe('removed');
		expect(readFileSync(path, 'utf8')).toContain('<offline>true</offline>');
		expect(readFileSync(path, 'utf8')).not.toContain('codeartifact');
	});

	it('puts the backup back byte for byte when the file differs from it only by our entries', async () => {
		const {path, entry} = written(theirs);
		expect(await undoSettingsFile(entry)).toBe('removed');
		expect(readFileSync(path, 'utf8')).toBe(theirs);
	});

	it('after an edit of their own, takes out only our entries and keeps theirs; what it replaced is backed up', async () => {
		const {path, entry} = written(theirs);
		const edited = readFileSync(path, 'utf8').replace('/opt/m2', '/srv/m2');
		writeFileSync(path, edited);
		expect(await undoSettingsFile(entry)).toBe('removed');
		expect(readFileSync(path, 'utf8')).toBe(theirs.replace('/opt/m2', '/srv/m2'));
		const backups = readdirSync(join(path, '..')).filter(name => name.startsWith('settings.xml.bak-') && !name.endsWith('20261202000000'));
		expect(backups.map(name => readFileSync(join(path, '..', name), 'utf8'))).toEqual([edited]);
	});
});
