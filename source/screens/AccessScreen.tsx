import {Facts, Resources} from '../components/Facts.js';
import {PolicyView} from '../components/PolicyView.js';
import {StepFrame} from '../components/StepFrame.js';
import type {ViewState} from '../wizard/view-state.js';

/** Lines the rest of the screen takes around the policy document (rail, concept, reasons, prompt, hints). */
export const accessScreenReserve = 22;

/** The least-privilege policy with its reasons, then the role and instance profile. */
export function AccessScreen({state}: {state: ViewState}) {
	const view = state.steps.access;
	return (
		<StepFrame id="access" view={view}>
			{view.policy ? <PolicyView policy={view.policy} maxLines={Math.max(6, state.terminal.rows - accessScreenReserve)} /> : null}
			<Facts facts={view.facts} />
			<Resources resources={view.resources} />
		</StepFrame>
	);
}
