import {Facts} from '../components/Facts.js';
import {MavenTail} from '../components/MavenTail.js';
import {PackageTable} from '../components/PackageTable.js';
import {StepFrame} from '../components/StepFrame.js';
import type {ViewState} from '../wizard/view-state.js';

/** Lines the rest of the screen takes (rail, concept, Maven tail, table header, prompt, hints). */
export const buildScreenReserve = 20;
const mavenLines = 4;

/** Maven's latest lines, and the repository filling up with packages. */
export function BuildScreen({state}: {state: ViewState}) {
	const view = state.steps.build;
	return (
		<StepFrame id="build" view={view}>
			<Facts facts={view.facts} />
			<MavenTail tail={state.maven.tail} total={state.maven.total} lines={mavenLines} />
			<PackageTable rows={state.packages} capacity={Math.max(3, state.terminal.rows - buildScreenReserve)} />
		</StepFrame>
	);
}
