import {mergeSettings, unifiedDiff} from '../../maven/settings-xml.js';
import type {StepContext, StepOutcome} from './context.js';
import {answer, create, note, progress, stop, stopOnAws} from './step-helpers.js';

export const settingsId = 'codeartifact';

/** Shows the change to settings.xml as a diff, then merges it in: atomic, backed up, mode 0600. */
export async function settingsStep(context: StepContext): Promise<StepOutcome> {
	const {aws, facts, files, options} = context;
	const path = options.settingsPath;
	progress(context, 'Asking CodeArtifact for the repository endpoint…');
	facts.endpoint = await aws.codeartifact
		.getRepositoryEndpoint(facts.domain!, facts.repository!, 'maven')
		.catch((error: unknown) => stopOnAws(error, 'EndpointFailed', 'Getting the repository endpoint'));
	progress(context, `Endpoint: ${facts.endpoint}`, true);
	const before = await files.readText(path);
	const merged = mergeSettings(before, {id: settingsId, url: facts.endpoint});
	if (!merged.ok) {
		stop({
			code: 'SettingsUnreadable',
			message: `${path} does not parse at line ${merged.line}, column ${merged.column}: ${merged.message.replace(/\.$/, '')}. Nothing was written.`,
			fix: `Fix that line (the file is left exactly as it was), or pass another file with --settings PATH.`,
		});
	}
	for (const mirror of merged.conflictingMirrors) {
		note(context, `The mirror "${mirror}" in ${path} also matches repositories (its <mirrorOf> overlaps *): downloads it matches may not go through CodeArtifact. Check its <mirrorOf>, or remove it while you use CodeArtifact.`, 'warning');
	}
	if (!merged.changed) {
		note(context, `${path} already has this configuration.`, 'success');
		facts.settingsWritten = {path};
		return 'next';
	}
	context.host.notify({type: 'diff', step: context.step, path, lines: unifiedDiff(before ?? '', merged.text, path)});
	// No Esc here: the step before (the token check) would only pass again and come straight back.
	const write = await answer(context, {kind: 'confirm', id: 'write-settings', message: `Write this change to ${path}?`, default: true});
	if (!write) stop({code: 'SettingsDeclined', message: `${path} was left as it was; Maven cannot reach CodeArtifact without it.`, fix: 'Add the shown server, profile and mirror yourself, or run ca-wizard again.'});
	const {backupPath} = await create(
		context,
		{kind: 'file', name: path, details: {path, existed: before === undefined ? 'no' : 'yes'}},
		() => files.writeSettings(path, merged.text),
		made => (made.backupPath ? {details: {backupPath: made.backupPath}} : {}),
	);
	facts.settingsWritten = {path, ...(backupPath ? {backupPath} : {})};
	note(context, backupPath ? `Wrote ${path} (the previous version is in ${backupPath}).` : `Wrote ${path}.`, 'success');
	return 'next';
}
