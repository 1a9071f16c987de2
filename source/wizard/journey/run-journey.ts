import {stepIds, type StepId} from '../steps.js';
import {JourneyStop, type JourneyDeps, type JourneyFacts, type JourneyOptions, type StepContext, type StepOutcome} from './context.js';
import {accessStep} from './access-step.js';
import {buildStep} from './build-step.js';
import {domainStep} from './domain-step.js';
import {preflightStep} from './preflight-step.js';
import {publishStep} from './publish-step.js';
import {repositoryStep} from './repository-step.js';
import {settingsStep} from './settings-step.js';
import {summaryStep} from './summary-step.js';
import {tokenStep} from './token-step.js';
import {upstreamStep} from './upstream-step.js';
import {destroyCommand} from './undo-commands.js';

const runners: Record<StepId, (context: StepContext) => Promise<StepOutcome>> = {
	preflight: preflightStep,
	domain: domainStep,
	repository: repositoryStep,
	upstream: upstreamStep,
	access: accessStep,
	token: tokenStep,
	settings: settingsStep,
	build: buildStep,
	publish: publishStep,
	summary: summaryStep,
};

export type JourneyResult =
	{status: 'completed'; facts: JourneyFacts} | {status: 'stopped'; step: StepId; facts: JourneyFacts} | {status: 'cancelled'; facts: JourneyFacts};

/** Walks the steps in order; Esc (a step returning 'back') steps back, a JourneyStop ends the run with its problem. */
export async function runJourney(deps: JourneyDeps, options: JourneyOptions): Promise<JourneyResult> {
	const facts: JourneyFacts = {touched: []};
	let index = 0;
	for (let step = stepIds[index]; step !== undefined; step = stepIds[index]) {
		deps.host.notify({type: 'step', step, status: 'active'});
		try {
			const outcome = await runners[step]({...deps, options, facts, step});
			if (outcome === 'back' && index > 0) {
				deps.host.notify({type: 'step', step, status: 'pending'});
				index--;
				continue;
			}
			deps.host.notify({type: 'step', step, status: 'done'});
			index++;
		} catch (error) {
			if (options.signal.aborted) {
				tellHowToUndo(deps, options, step);
				return {status: 'cancelled', facts};
			}
			if (error instanceof JourneyStop) {
				deps.host.notify({type: 'problem', step, problem: error.problem});
				tellHowToUndo(deps, options, step);
				deps.host.notify({type: 'step', step, status: 'failed'});
				return {status: 'stopped', step, facts};
			}
			tellHowToUndo(deps, options, step);
			throw error;
		}
	}
	return {status: 'completed', facts};
}

/** A run that ends early (stopped, declined, cancelled, failed) says how to take back what it created, as the summary does. */
function tellHowToUndo({ledger, host}: JourneyDeps, options: JourneyOptions, step: StepId): void {
	if (options.dryRun) return; // it made nothing: its ledger is in memory only
	if (ledger.resources.length === 0 && ledger.pending.length === 0) return;
	host.notify({type: 'note', step, tone: 'info', message: `To undo what ca-wizard created here: ${destroyCommand(options)}`});
}
