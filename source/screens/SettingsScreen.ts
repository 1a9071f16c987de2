import {diffRows} from '../components/diff-rows.js';
import {detailParts} from '../components/detail-rows.js';
import {longTextPart} from '../components/Rows.js';
import type {Screen} from './screen.js';

/** The change to settings.xml (all of it with `v`), before it is written. */
export const settingsScreen: Screen = (state, columns) => {
	const view = state.steps.settings;
	const change = view.diffs.flatMap(diff => diffRows(diff, columns));
	const long = change.length > 0;
	return {
		parts: [...(long ? [{...longTextPart(change), priority: 1}] : []), ...detailParts(view.facts, view.resources, columns)],
		...(long ? {fullText: change} : {}),
	};
};
