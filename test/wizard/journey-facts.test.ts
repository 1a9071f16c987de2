import {expect, it} from 'vitest';
import type {JourneyFacts, StepContext} from '../../source/wizard/journey/context.js';
import {needs} from '../../source/wizard/journey/step-helpers.js';
import {summaryStep} from '../../source/wizard/journey/summary-step.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// A step takes what earlier steps established through needs(): a fact that is missing (a bug,
// since the steps run in order) stops the run with a coded problem, not a TypeError later.

function contextWith(facts: JourneyFacts, step: StepContext['step'] = 'summary'): StepContext {
	// needs() and the start of a step read only the facts, the step and the options: the rest stays out of reach.
	return {facts, step, host: new ScriptedHost(), options: {target: 'sandbox'}} as unknown as StepContext;
}

it('gives the facts back, typed as established, when they are all there', () => {
	const facts: JourneyFacts = {touched: [], domain: 'demo', domainOwner: '111122223333'};
	const established = needs(contextWith(facts), 'domain', 'domainOwner');
	expect(established).toBe(facts);
	expect(established.domain.toUpperCase()).toBe('DEMO');
});

it('stops with MissingFact, naming the step and what is missing', () => {
	expect(() => needs(contextWith({touched: [], domain: 'demo'}, 'token'), 'domain', 'domainOwner', 'policyArn')).toThrow(
		expect.objectContaining({
			code: 'MissingFact',
			problem: expect.objectContaining({
				message: 'The token step started without domainOwner, policyArn, which an earlier step establishes.',
				fix: expect.stringContaining('bug'),
			}),
		}),
	);
});

it('a step started without its facts stops before it does anything', async () => {
	await expect(summaryStep(contextWith({touched: []}))).rejects.toMatchObject({code: 'MissingFact'});
});
