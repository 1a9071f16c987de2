import {keys, renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';
import type {WizardEvent} from '../../source/wizard/events.js';
import {accessVerdict, instancesQuestion, instanceShortName, type InstanceAccess} from '../../source/wizard/instance-choice.js';

// The token check on a laptop: the account's instances with ✔/✖, and a multi-choice of which to fix.

const accesses: InstanceAccess[] = [
	{
		instanceId: 'i-0aaaaaaaaaaaaaaa1',
		name: 'build-host-1',
		state: 'running',
		instanceProfileArn: 'arn:aws:iam::111122223333:instance-profile/build-host-profile',
		roleName: 'build-host-role',
		missing: ['codeartifact:GetAuthorizationToken on arn:aws:codeartifact:us-east-1:111122223333:domain/demo'],
	},
	{
		instanceId: 'i-0aaaaaaaaaaaaaaa2',
		name: 'build-host-2',
		state: 'running',
		instanceProfileArn: 'arn:aws:iam::111122223333:instance-profile/build-host-2-profile',
		roleName: 'build-host-2-role',
		missing: [],
	},
	{instanceId: 'i-0aaaaaaaaaaaaaaa3', name: 'a-build-host-with-a-rather-long-name-tag-indeed', state: 'stopped', missing: []},
];

const events: WizardEvent[] = [
	{type: 'step', step: 'token', status: 'active'},
	{type: 'facts', step: 'token', facts: accesses.map(access => ({label: instanceShortName(access), value: accessVerdict(access), tone: 'bad'}))},
];

const question = instancesQuestion(accesses, 'ca-wizard-build-host');

it('at 80×24 lists the instances with their verdicts, picks with Space and answers with the picked ids', async () => {
	const wizard = renderWizard(events, {columns: 80, rows: 24});
	const answer = wizard.host.ask(question);
	const frame = await wizard.waitForText('? Which EC2 build hosts should get access');
	expect(wizard.height()).toBeLessThanOrEqual(24);
	for (const line of frame.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
	expect(frame.split('\n').at(-1)).toBe('↑↓ choose · Space pick · Enter accept · q quit');
	expect(frame).toContain('❯ [ ] build-host-1 (i-0aaaaaaaaaaaaaaa1): ✖ role build-host-role may not codear…');
	// ✔/✖ per instance above the question, the verdict wrapped beside its name.
	expect(frame).toMatch(/^build-host-1: +✖ role build-host-role may not\n +codeartifact:GetAuthorizationToken$/m);
	expect(frame).toMatch(/^build-host-2: +✔ may get a token \(role build-host-2-role\)$/m);
	// The highlighted choice's hint says what choosing it would do.
	expect(frame).toContain('Attaches the CodeArtifact read policy to its role build-host-role');

	await wizard.press(keys.down, ' ', keys.down, ' ');
	const picked = await wizard.waitForText('[x] a-build-host');
	expect(picked).toContain('  [x] build-host-2 (i-0aaaaaaaaaaaaaaa2): ✔ may get a token');
	expect(picked).toContain('  [ ] build-host-1');
	expect(picked).toContain('Associates the instance profile ca-wizard-build-host');
	await wizard.press(keys.up, ' ', keys.enter);
	await expect(answer).resolves.toBe('i-0aaaaaaaaaaaaaaa3');
});

it('Enter with nothing picked answers none', async () => {
	const wizard = renderWizard(events, {columns: 80, rows: 24});
	const answer = wizard.host.ask(question);
	await wizard.waitForText('? Which EC2 build hosts');
	await wizard.press(keys.enter);
	await expect(answer).resolves.toBe('');
});
