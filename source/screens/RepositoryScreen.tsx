import {Facts, Resources} from '../components/Facts.js';
import {StepFrame} from '../components/StepFrame.js';
import type {ViewState} from '../wizard/view-state.js';

/** The repository and its endpoint. */
export function RepositoryScreen({state}: {state: ViewState}) {
	const view = state.steps.repository;
	return (
		<StepFrame id="repository" view={view}>
			<Facts facts={view.facts} />
			<Resources resources={view.resources} />
		</StepFrame>
	);
}
