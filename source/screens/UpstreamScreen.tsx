import {Facts, Resources} from '../components/Facts.js';
import {StepFrame} from '../components/StepFrame.js';
import type {ViewState} from '../wizard/view-state.js';

/** The Maven Central connection and the upstream link. */
export function UpstreamScreen({state}: {state: ViewState}) {
	const view = state.steps.upstream;
	return (
		<StepFrame id="upstream" view={view}>
			<Facts facts={view.facts} />
			<Resources resources={view.resources} />
		</StepFrame>
	);
}
