import {applyEdits, planSettingsEdits} from './settings-xml-edits.js';
import {mavenSettingsHeader} from './settings-xml-render.js';

export {unifiedDiff} from './settings-xml-diff.js';

export interface CodeArtifactSettings {
	/** Used for the server id, profile id, mirror id and repository ids, e.g. 'codeartifact'. */
	id: string;
	/** The repository endpoint, with its trailing slash. */
	url: string;
}

export type MergeResult =
	| {
		ok: true;
		text: string;
		changed: boolean;
		/**
		 * Ids of other mirrors of `*`, `external:*` or `central`: kept as they are, but they can
		 * take requests away from CodeArtifact, so the caller should warn.
		 */
		conflictingMirrors: string[];
	}
	| {ok: false; line: number; column: number; message: string};

/**
 * Merge our CodeArtifact configuration into the text of a user's settings.xml (undefined or
 * blank: a new file). Every byte that is not ours is kept; ours is replaced in place, so a
 * second merge changes nothing. A file that is not well-formed or not a Maven settings file
 * is an error with its position: the caller then writes nothing.
 */
export function mergeSettings(existing: string | undefined, settings: CodeArtifactSettings): MergeResult {
	const base = existing === undefined || existing.trim() === '' ? `${mavenSettingsHeader}\n</settings>\n` : existing;
	const plan = planSettingsEdits(base, settings);
	if (!plan.ok) return plan;
	const text = applyEdits(base, plan.edits);
	return {ok: true, text, changed: text !== existing, conflictingMirrors: plan.conflictingMirrors};
}
