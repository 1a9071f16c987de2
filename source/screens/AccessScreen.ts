import {detailParts} from '../components/detail-rows.js';
import {policyRows} from '../components/policy-rows.js';
import {longTextPart} from '../components/Rows.js';
import type {Screen} from './screen.js';

/** The least-privilege policy with its reasons (all of it with `v`), then the role and instance profile. */
export const accessScreen: Screen = (state, columns) => {
	const view = state.steps.access;
	const policy = view.policy ? policyRows(view.policy, columns) : undefined;
	return {
		parts: [...(policy ? [{...longTextPart(policy), priority: 1}] : []), ...detailParts(view.facts, view.resources, columns)],
		...(policy ? {fullText: policy} : {}),
	};
};
