import {Facts} from '../components/Facts.js';
import {StepFrame} from '../components/StepFrame.js';
import type {ViewState} from '../wizard/view-state.js';

/** Who and where: identity, region, build host, Java, Maven and the project. */
export function PreflightScreen({state}: {state: ViewState}) {
	const view = state.steps.preflight;
	return (
		<StepFrame id="preflight" view={view}>
			<Facts facts={view.facts} />
		</StepFrame>
	);
}
