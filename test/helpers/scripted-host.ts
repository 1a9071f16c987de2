import type {WizardEvent} from '../../source/wizard/events.js';
import type {WizardHost} from '../../source/wizard/host.js';
import type {Answer, Question} from '../../source/wizard/questions.js';

/** A host for journey tests: answers from a script (by question id) or takes the default, and keeps every event. */
export class ScriptedHost implements WizardHost {
	readonly events: WizardEvent[] = [];
	readonly questions: Question[] = [];

	constructor(private readonly script: Record<string, string | boolean | ((q: Question) => string | boolean)> = {}) {}

	notify(event: WizardEvent): void {
		this.events.push(event);
	}

	async ask<Q extends Question>(question: Q): Promise<Answer<Q>> {
		this.questions.push(question);
		const scripted = this.script[question.id];
		const value = typeof scripted === 'function' ? scripted(question) : scripted;
		return (value ?? question.default) as Answer<Q>;
	}

	of<T extends WizardEvent['type']>(type: T): Extract<WizardEvent, {type: T}>[] {
		return this.events.filter((event): event is Extract<WizardEvent, {type: T}> => event.type === type);
	}
}
