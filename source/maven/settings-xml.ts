import {unifiedDiff} from './settings-xml-diff.js';
import {applyEdits, planSettingsEdits} from './settings-xml-edits.js';
import {maskSecrets} from './settings-xml-mask.js';
import {chooseId, type OwnedItem} from './settings-xml-ownership.js';
import {childrenNamed, childText, parseXmlElements} from './settings-xml-parse.js';
import {mavenSettingsHeader, type CodeArtifactSettings} from './settings-xml-render.js';

export {unifiedDiff};
export type {CodeArtifactSettings};

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
			/** The id our items have: `settings.id`, or `ID-N` when that belongs to someone else. */
			id: string;
			/** Which of someone else's items held `settings.id` (empty when ours could use it). */
			foreign: OwnedItem[];
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
	return {ok: true, text, changed: text !== existing, conflictingMirrors: plan.conflictingMirrors, id: plan.id, foreign: plan.foreign};
}

/** The change as a unified diff, with every secret in either text masked (see maskSecrets). */
export function settingsDiff(before: string, after: string, path: string): string[] {
	return unifiedDiff(maskSecrets(before), maskSecrets(after), path);
}

/**
 * The URL our mirror already has in `existing` (found as mergeSettings finds it), for checking
 * a file before the repository is chosen: merging with it shows whether anything else would change.
 */
export function configuredUrl(existing: string | undefined, id: string): string | undefined {
	const parsed = parseXmlElements(existing ?? '');
	if (!parsed.ok) return undefined;
	const ours = chooseId(parsed.root, {id, url: ''}).id;
	const mirror = childrenNamed(parsed.root, 'mirrors')
		.flatMap(container => childrenNamed(container, 'mirror'))
		.find(element => childText(element, 'id') === ours);
	return mirror && childText(mirror, 'url');
}
