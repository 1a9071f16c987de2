import {Box, Text} from 'ink';
import {Resources} from '../components/Facts.js';
import {StepFrame} from '../components/StepFrame.js';
import {stepIds} from '../wizard/steps.js';
import type {ViewState} from '../wizard/view-state.js';

/** What was made, where the files are, and how to undo it: the journey's summary lines. */
export function SummaryScreen({state}: {state: ViewState}) {
	const view = state.steps.summary;
	const resources = stepIds.flatMap(id => state.steps[id].resources);
	return (
		<StepFrame id="summary" view={view}>
			{state.summary.length > 0 ? (
				<Box flexDirection="column">
					{state.summary.map((line, index) => (
						<Text key={index}>{line || ' '}</Text>
					))}
				</Box>
			) : (
				<Resources resources={resources} />
			)}
		</StepFrame>
	);
}
