import stringWidth from 'string-width';
import {beforeAll, expect, it} from 'vitest';
import {renderWizard} from '../helpers/render.js';
import {journeyOn} from '../helpers/journey.js';
import {useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';
import type {WizardEvent} from '../../source/wizard/events.js';
import type {Answer, Question} from '../../source/wizard/questions.js';

// The screens a learner meets on a first run, from the events the real journey sends against
// a fresh sandbox (its refusals worded as AWS words them), drawn at 80×24.
const sandbox = useSandbox();
const journey = journeyOn(sandbox);

/** Keeps, for every question, the events that came before it: the screen it was asked on. */
class TimelineHost extends ScriptedHost {
	readonly asked: {question: Question; before: WizardEvent[]}[] = [];

	override async ask<Q extends Question>(question: Q): Promise<Answer<Q>> {
		this.asked.push({question, before: [...this.events]});
		return super.ask(question);
	}
}

const host = new TimelineHost();

beforeAll(async () => {
	const {result} = await journey(host);
	expect(result.status).toBe('completed');
});

/** The app at 80×24 as it stood when `id` was asked, with that question waiting. */
async function screenAt(id: string): Promise<string[]> {
	const moment = host.asked.find(entry => entry.question.id === id);
	if (!moment) throw new Error(`The journey never asked ${id}`);
	const wizard = renderWizard(moment.before, {columns: 80, rows: 24});
	void wizard.host.ask(moment.question);
	const frame = await wizard.waitForText(`? ${moment.question.message.slice(0, 30)}`);
	const lines = frame.split('\n');
	expect(lines.length).toBeLessThan(24);
	for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
	return lines;
}

it("the token's refusal: AWS's own code and message, verbatim, under the plain explanation; the asking marked refused", async () => {
	const lines = await screenAt('token-fix');
	const inside = lines.filter(line => line.startsWith('│ ')).map(line => line.slice(2).replace(/\s*│$/, ''));
	const aws = inside.findIndex(row => row.startsWith('AccessDeniedException: '));
	expect(aws).toBeGreaterThan(inside.findIndex(row => row.startsWith('Role build-host-role may not call codeartifact:GetAuthorizationToken.')));
	const said = inside.slice(aws).join(' ');
	expect(said).toMatch(
		/^AccessDeniedException: User: arn:aws:sts::\d{12}:assumed-role\/build-host-role\/i-\w+ is not authorized to perform: codeartifact:GetAuthorizationToken on resource: arn:aws:codeartifact:us-east-1:\d{12}:domain\/ca-wizard-demo/,
	);
	// Exactly the words the real journey reported, nothing cut.
	const problem = host.of('problem').find(event => event.step === 'token')?.problem;
	expect(said).toBe(`${problem?.awsError?.code}: ${problem?.awsError?.message}`);
	expect(lines.join('\n')).not.toMatch(/✔ Asked|… \d+ more lines/);
});

it('an account with no domain yet: a neutral mark, not "✔ 0 domains found"', async () => {
	const lines = await screenAt('domain');
	expect(lines).toContain(`ℹ No domains yet in this account and ${sandbox.current.region}`);
	expect(lines.join('\n')).not.toMatch(/✔ 0 /);
	const repository = await screenAt('repository');
	expect(repository).toContain('ℹ No repositories yet in ca-wizard-demo');
});
