import {detailParts} from '../components/detail-rows.js';
import {policyRows} from '../components/policy-rows.js';
import {longTextPart, type Part} from '../components/Rows.js';
import type {Row} from '../components/text-rows.js';
import {publishedEventLines, verifiedEventLines} from '../publish/publish-lines.js';
import type {Screen} from './screen.js';

/**
 * The package as the repository lists it (its SHA-256 and what the hash is for, origin and
 * restrictions), then the download's check and the unpacked files: all of it with `v`. Past
 * that, the build host's policy with the publish statement, when the user asked for it.
 */
export const publishScreen: Screen = (state, columns) => {
	const view = state.steps.publish;
	const {published, verified} = state.publish;
	const lines = [...(published ? publishedEventLines(published, columns) : []), ...(verified ? verifiedEventLines(verified) : [])];
	const rows: Row[] = lines.map(text => ({text}));
	const policy = view.policy ? policyRows(view.policy, columns) : [];
	const long = [...rows, ...policy];
	const parts: Part[] = [...(long.length > 0 ? [{...longTextPart(long), priority: 1}] : []), ...detailParts(view.facts, view.resources, columns)];
	return {parts, ...(long.length > 0 ? {fullText: long} : {})};
};
