import {renderInk} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {Box} from 'ink';
import {StepRail, stepRailHeight} from '../../source/components/StepRail.js';
import {initialViewState} from '../../source/wizard/view-state.js';

it('shows every step with its status and which one is shown', () => {
	const steps = {
		...initialViewState.steps,
		preflight: {...initialViewState.steps.preflight, status: 'done' as const},
		domain: {...initialViewState.steps.domain, status: 'failed' as const},
	};
	const frame = renderInk(<StepRail steps={steps} active="domain" />).frame();
	expect(frame.split('\n')[0]).toBe('ca-wizard · step 2 of 10');
	expect(frame.replace(/\s+/g, ' ')).toContain(
		'✔ Preflight ✖ Domain ○ Repository ○ Upstream ○ Build host access ○ Token check ○ settings.xml ○ Build ○ Publish ○ Summary',
	);
});

it('knows how many rows it takes at a width', () => {
	for (const columns of [40, 60, 80, 100]) {
		const frame = renderInk(
			<Box width={columns}>
				<StepRail steps={initialViewState.steps} active="token" />
			</Box>,
		).frame();
		expect(frame.split('\n')).toHaveLength(stepRailHeight(columns));
	}
});
