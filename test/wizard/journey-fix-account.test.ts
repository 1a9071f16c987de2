import {describe, expect, it} from 'vitest';
import type {WizardEvent} from '../../source/wizard/events.js';
import {resourceNames} from '../../source/wizard/resource-names.js';
import {journeyOn} from '../helpers/journey.js';
import {useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// "What just happened" after the token step's automatic fix, timed by the journey's clock: the
// test's clock moves 7 s on when the build host asks again after the change, as the build
// host's credentials would take on AWS, so the account must say 7 s.

/** A host that moves the journey's clock on by `step` ms when the token is granted after a fix. */
class ClockedHost extends ScriptedHost {
	time = Date.parse('2026-12-02T10:00:00Z');
	private fixed = false;
	constructor(
		script: ConstructorParameters<typeof ScriptedHost>[0],
		private readonly step: number,
	) {
		super(script);
	}

	readonly now = () => new Date(this.time);

	override notify(event: WizardEvent): void {
		super.notify(event);
		if (event.type === 'resource' && event.step === 'token' && !event.reused) this.fixed = true;
		// The token granted after the fix arrives `step` ms after it was asked for, as credentials reach a host on AWS.
		if (this.fixed && event.type === 'progress' && event.message === 'The build host got a token') this.time += this.step;
	}
}

const names = resourceNames();

describe.each([
	{
		scenario: 'access-denied' as const,
		changes: [`attached policy ${names.policy}-fix-account to role build-host-role`],
		message: `Attached policy ${names.policy}-fix-account to role build-host-role. The build host's credentials carried the new permission after 7 s; the token was then granted.`,
	},
	{
		scenario: 'no-profile' as const,
		changes: [
			`made the role ${names.role} (EC2 may wear it)`,
			`attached policy ${names.policy}-fix-account to role ${names.role}`,
			`made the instance profile ${names.instanceProfile}`,
			`put role ${names.role} in instance profile ${names.instanceProfile}`,
			expect.stringMatching(new RegExp(`^associated instance profile ${names.instanceProfile} with instance i-`)),
		],
		message: expect.stringMatching(
			/^Made the role .+, attached policy .+ and associated instance profile .+\. The build host's credentials carried the new permission after 7 s; the token was then granted\.$/,
		),
	},
])('after the $scenario fix', ({scenario, changes, message}) => {
	const sandbox = useSandbox({scenario});
	const journey = journeyOn(sandbox);

	it('tells what it changed and how long the credentials took, as a note with the account as data and in the summary', async () => {
		const host = new ClockedHost({domain: 'fix-account'}, 7_000);
		const {result} = await journey(host, {now: host.now});
		expect(result.status).toBe('completed');
		const [told, ...more] = host.of('note').filter(note => note.happened);
		expect(more).toEqual([]);
		expect(told).toMatchObject({step: 'token', tone: 'success', message, happened: {changes, waitedSeconds: 7}});
		const {grantedAt = '', changedAt = ''} = told?.happened ?? {};
		expect(Date.parse(grantedAt) - Date.parse(changedAt)).toBe(7_000);
		expect(result.facts.summary?.happened).toEqual([told?.message]);
	});
});
