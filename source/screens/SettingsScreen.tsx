import {DiffView} from '../components/DiffView.js';
import {Facts, Resources} from '../components/Facts.js';
import {StepFrame} from '../components/StepFrame.js';
import type {ViewState} from '../wizard/view-state.js';

/** Lines the rest of the screen takes around the change (rail, concept, prompt, hints). */
export const settingsScreenReserve = 16;

/** The change to settings.xml, before it is written. */
export function SettingsScreen({state}: {state: ViewState}) {
	const view = state.steps.settings;
	return (
		<StepFrame id="settings" view={view}>
			{view.diffs.map(diff => (
				<DiffView key={diff.path} diff={diff} maxLines={Math.max(6, state.terminal.rows - settingsScreenReserve)} />
			))}
			<Facts facts={view.facts} />
			<Resources resources={view.resources} />
		</StepFrame>
	);
}
