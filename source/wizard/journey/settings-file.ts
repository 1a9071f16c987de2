import {decodeSettings, type SettingsEncoding} from '../../maven/settings-xml-encoding.js';
import {configuredUrl, mergeSettings, type MergeResult} from '../../maven/settings-xml.js';
import type {StepContext} from './context.js';
import {stop} from './step-helpers.js';

/** The id our server, mirror, profile and repositories would like; mergeSettings picks `-2`… when it is someone else's. */
export const settingsId = 'codeartifact';

export interface LoadedSettings {
	/** The file's text, undefined when there is no file yet. */
	before: string | undefined;
	encoding: SettingsEncoding | undefined;
	merged: Extract<MergeResult, {ok: true}>;
}

/**
 * Reads settings.xml in its own encoding and merges our configuration into it. Whatever would
 * make the write fail or Maven stop — a folder, an unreadable file, bytes not valid in the
 * file's encoding, XML that does not parse or that Maven rejects, and, when there is something
 * to write, a read-only file or folder — stops the journey with the reason and its fix; the
 * file is left exactly as it was. `url` undefined (the preflight, before the repository is
 * chosen) keeps the URL our mirror already has. `outcome` says what was not done.
 */
export async function loadSettings(context: StepContext, url: string | undefined, outcome: string): Promise<LoadedSettings> {
	const path = context.options.settingsPath;
	const refuse: (message: string, fix: string, code?: string) => never = (message, fix, code = 'SettingsUnreadable') =>
		stop({code, message: `${path}: ${message} ${outcome}`, fix});

	const bytes = await context.files.readBytes(path).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'EISDIR')
			refuse('this is a folder, not a file.', `Pass the settings file itself with --settings PATH (e.g. --settings ${path}/settings.xml).`);
		if (error.code === 'EACCES')
			refuse('you may not read this file.', `Give yourself read and write access (chmod u+rw ${path}), or pass another file with --settings PATH.`);
		return refuse(`it cannot be read (${error.code ?? error.message}).`, 'Check the file, or pass another one with --settings PATH.');
	});
	const decoded = bytes === undefined ? undefined : decodeSettings(bytes);
	if (decoded && !decoded.ok) refuse(decoded.message, decoded.fix);
	const before = decoded?.text;
	const merged = mergeSettings(before, {
		id: settingsId,
		url: url ?? configuredUrl(before, settingsId) ?? 'https://placeholder-000000000000.d.codeartifact.us-east-1.amazonaws.com/maven/placeholder/',
	});
	if (!merged.ok) {
		refuse(
			`line ${merged.line}, column ${merged.column}: ${merged.message.replace(/\.$/, '')}.`,
			'Fix that line (the file is left exactly as it was), or pass another file with --settings PATH.',
		);
	}
	// A user who made settings.xml read-only meant it: replacing it by a rename (as git config
	// does) would quietly undo that, and keeping 0444 on a changed file still changes what they
	// protected. So stop, and say how to allow it; a file that needs no change may stay read-only.
	const blocker = merged.changed ? await context.files.writeBlocker(path) : undefined;
	if (blocker?.kind === 'read-only-file')
		refuse(
			'this file is read-only, and ca-wizard does not replace a file you protected.',
			`Make it writable (chmod u+w ${blocker.path}), or pass another file with --settings PATH.`,
			'SettingsNotWritable',
		);
	if (blocker)
		refuse(
			`ca-wizard cannot write in ${blocker.path} (the new file, its backup and a temporary file go there).`,
			`Make that folder writable for you, or pass a settings file in a folder you can write with --settings PATH.`,
			'SettingsNotWritable',
		);

	return {before, encoding: decoded?.encoding, merged};
}
