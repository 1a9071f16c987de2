import {Facts, Resources} from '../components/Facts.js';
import {StepFrame} from '../components/StepFrame.js';
import type {ViewState} from '../wizard/view-state.js';

/** Whether the build host can get a token, and what was fixed so it can. */
export function TokenScreen({state}: {state: ViewState}) {
	const view = state.steps.token;
	return (
		<StepFrame id="token" view={view}>
			<Facts facts={view.facts} />
			<Resources resources={view.resources} />
		</StepFrame>
	);
}
