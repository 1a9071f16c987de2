import {Facts, Resources} from '../components/Facts.js';
import {StepFrame} from '../components/StepFrame.js';
import type {ViewState} from '../wizard/view-state.js';

/** The domain, created or reused. */
export function DomainScreen({state}: {state: ViewState}) {
	const view = state.steps.domain;
	return (
		<StepFrame id="domain" view={view}>
			<Facts facts={view.facts} />
			<Resources resources={view.resources} />
		</StepFrame>
	);
}
