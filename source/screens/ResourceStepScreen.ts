import {detailParts} from '../components/detail-rows.js';
import type {StepId} from '../wizard/steps.js';
import type {Screen} from './screen.js';

/**
 * The steps whose story is the resources they create or reuse — domain, repository, upstream,
 * token check (and its fix) — share one screen: their concept, notes, facts and resources.
 */
export function resourceStepScreen(id: StepId): Screen {
	return (state, columns) => {
		const view = state.steps[id];
		return {parts: detailParts(view.facts, view.resources, columns)};
	};
}
