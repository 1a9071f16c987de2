import {settingsDiff} from '../../maven/settings-xml.js';
import type {StepContext, StepOutcome} from './context.js';
import {loadSettings, settingsId} from './settings-file.js';
import {answer, create, needs, note, progress, stop, stopOnAws} from './step-helpers.js';

/** Shows the change to settings.xml as a diff (secrets masked), then merges it in: atomic, backed up, mode 0600. */
export async function settingsStep(context: StepContext): Promise<StepOutcome> {
	const {aws, files, options} = context;
	const facts = needs(context, 'domain', 'repository');
	const path = options.settingsPath;
	progress(context, 'Asking CodeArtifact for the repository endpoint…');
	const endpoint = await aws.codeartifact
		.getRepositoryEndpoint(facts.domain, facts.repository, 'maven')
		.catch((error: unknown) => stopOnAws(error, 'EndpointFailed', 'Getting the repository endpoint'));
	facts.endpoint = endpoint;
	progress(context, `Endpoint: ${endpoint}`, true);
	const {before, encoding, merged} = await loadSettings(context, endpoint, 'Nothing was written.');
	if (merged.foreign.length > 0) {
		note(
			context,
			`${path} already has a ${merged.foreign.join(', a ')} with the id "${settingsId}" that ca-wizard did not write (not the aws user with \${env.CODEARTIFACT_AUTH_TOKEN}, or not a CodeArtifact URL). It is kept as it is; ca-wizard's server, mirror and profile use the id "${merged.id}".`,
			'warning',
		);
	}
	for (const mirror of merged.conflictingMirrors) {
		note(
			context,
			`The mirror "${mirror}" in ${path} also matches repositories (its <mirrorOf> overlaps *): downloads it matches may not go through CodeArtifact. Check its <mirrorOf>, or remove it while you use CodeArtifact.`,
			'warning',
		);
	}
	if (!merged.changed) {
		note(context, `${path} already has this configuration.`, 'success');
		facts.settingsWritten = {path};
		return 'next';
	}
	const content = (encoding?.encode ?? utf8)(merged.text);
	if (!content) {
		stop({
			code: 'SettingsUnreadable',
			message: `${path} is in ${encoding?.name}, which cannot hold the CodeArtifact URL ${endpoint}. Nothing was written.`,
			fix: 'Convert the file to UTF-8 (with encoding="UTF-8" in its first line), or pass another file with --settings PATH.',
		});
	}
	context.host.notify({type: 'diff', step: context.step, path, lines: settingsDiff(before ?? '', merged.text, path)});
	// No Esc here: the step before (the token check) would only pass again and come straight back.
	const write = await answer(context, {kind: 'confirm', id: 'write-settings', message: `Write this change to ${path}?`, default: true});
	if (!write)
		stop({
			code: 'SettingsDeclined',
			message: `${path} was left as it was; Maven cannot reach CodeArtifact without it.`,
			fix: 'Add the shown server, profile and mirror yourself, or run ca-wizard again.',
			declined: true,
		});
	const {backupPath} = await create(
		context,
		{kind: 'file', name: path, details: {path, existed: before === undefined ? 'no' : 'yes'}},
		() =>
			files.writeSettings(path, content).catch((error: NodeJS.ErrnoException) =>
				// The new text goes to a temporary file renamed over the old one: a failure leaves the old one whole.
				stop(
					{
						code: 'SettingsNotWritable',
						message: `${path} could not be written (${error.code ?? error.message}); it was left as it was.`,
						fix: 'Check that you may write the file and its folder, and that the disk has room, then run ca-wizard again; or pass another file with --settings PATH.',
					},
					error,
				),
			),
		made => (made.backupPath ? {details: {backupPath: made.backupPath}} : {}),
	);
	facts.settingsWritten = {path, ...(backupPath ? {backupPath} : {})};
	if (options.dryRun) note(context, `${path} was not written (a dry run): the change above is in the plan.`, 'success');
	else note(context, backupPath ? `Wrote ${path} (the previous version is in ${backupPath}).` : `Wrote ${path}.`, 'success');
	return 'next';
}

function utf8(text: string): Uint8Array {
	return Buffer.from(text, 'utf8');
}
