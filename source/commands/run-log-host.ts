import type {RunLogWriter} from '../files/run-log-file.js';
import type {WizardHost} from '../wizard/host.js';
import {goBack} from '../wizard/questions.js';
import {createRunTracker, type RunEnding} from '../wizard/run-result.js';

// The run log hears what the screens (or lines) hear: every event, and every answer, on its way
// to the host. Its last line says how the run ended, read off the same events as --json's result.

export interface LoggedHost {
	host: WizardHost;
	/** A failure outside the journey's own stops (as the session's fail() reports it). */
	failed(problem: {code: string; message: string; fix?: string}): void;
	/** Writes the run's end and closes the log. */
	end(ending: RunEnding): void;
}

export function withRunLog(inner: WizardHost, log: RunLogWriter, target: 'aws' | 'sandbox' | 'sandbox-url'): LoggedHost {
	const tracker = createRunTracker();
	log.append({type: 'start', target});
	return {
		host: {
			notify(event) {
				tracker.observe(event);
				log.append({type: 'event', event});
				inner.notify(event);
			},
			async ask(question) {
				const answer = await inner.ask(question);
				if (answer !== goBack) log.append({type: 'answer', id: question.id, value: answer});
				return answer;
			},
		},
		failed: problem => tracker.failed(problem),
		end(ending) {
			log.append({type: 'end', result: tracker.result(ending)});
			log.close();
		},
	};
}
