import {Facts, Resources} from '../components/Facts.js';
import {StepFrame} from '../components/StepFrame.js';
import type {StepId} from '../wizard/steps.js';
import type {ViewState} from '../wizard/view-state.js';

/**
 * The steps whose story is the resources they create or reuse — domain, repository, upstream,
 * token check (and its fix) — share one screen: their concept, notes, facts and resources.
 */
export function ResourceStepScreen({state, id}: {state: ViewState; id: StepId}) {
	const view = state.steps[id];
	return (
		<StepFrame id={id} view={view}>
			<Facts facts={view.facts} />
			<Resources resources={view.resources} />
		</StepFrame>
	);
}
