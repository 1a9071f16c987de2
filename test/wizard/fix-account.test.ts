import {expect, it} from 'vitest';
import {createJsonHost} from '../../source/host/json-host.js';
import {createPlainHost} from '../../source/host/plain-host.js';
import {changesMade, instancesFixAccount, tokenFixAccount} from '../../source/wizard/fix-account.js';

const changedAt = new Date('2026-12-02T10:00:00Z');
const later = (seconds: number) => new Date(changedAt.getTime() + seconds * 1000);

it('words each change a fix made, in order, and leaves out what it only found and reused', () => {
	expect(
		changesMade([
			{resource: {kind: 'iam-role', name: 'ca-wizard-build-host'}, reused: true},
			{resource: {kind: 'role-policy-attachment', name: 'p → r', details: {role: 'r', policyArn: 'arn:aws:iam::1:policy/p'}}, reused: false},
			{
				resource: {
					kind: 'instance-profile-association',
					name: 'ca-wizard-build-host on i-1',
					details: {instanceId: 'i-1', profile: 'ca-wizard-build-host', previousProfileArn: 'arn:aws:iam::1:instance-profile/old'},
				},
				reused: false,
			},
		]),
	).toEqual(['attached policy p to role r', 'gave instance i-1 the instance profile ca-wizard-build-host instead of old']);
});

it('measures the wait from the times it is given, and says when nothing needed changing', () => {
	expect(tokenFixAccount(['attached policy p to role r', 'made the role q'], changedAt, later(12.4))).toEqual({
		message: "Attached policy p to role r and made the role q. The build host's credentials carried the new permission after 12 s; the token was then granted.",
		happened: {
			changes: ['attached policy p to role r', 'made the role q'],
			changedAt: changedAt.toISOString(),
			grantedAt: later(12.4).toISOString(),
			waitedSeconds: 12,
		},
	});
	expect(tokenFixAccount([], changedAt, later(3)).message).toBe(
		"Nothing needed changing. The build host's credentials were accepted after 3 s; the token was then granted.",
	);
	// The sandbox (without --iam-delay) takes no time at all.
	expect(tokenFixAccount(['made the role q'], changedAt, later(0.3)).message).toBe(
		"Made the role q. The build host's credentials carried the new permission at once; the token was then granted.",
	);
	expect(instancesFixAccount(['attached policy p to role r'], changedAt, false)).toEqual({
		message: 'Attached policy p to role r. Read back, not every chosen instance may get a token yet (see above).',
		happened: {changes: ['attached policy p to role r'], changedAt: changedAt.toISOString()},
	});
});

it('is a plain line without a terminal, and a JSON event field with --json', () => {
	const account = tokenFixAccount(['attached policy p to role r'], changedAt, later(7));
	let plain = '';
	let json = '';
	createPlainHost({out: {write: text => (plain += text)}, answers: {}, yes: true}).notify({type: 'note', step: 'token', tone: 'success', ...account});
	createJsonHost({out: {write: text => (json += text)}, answers: {}, yes: true}).notify({type: 'note', step: 'token', tone: 'success', ...account});
	expect(plain).toBe(`  what just happened: ${account.message}\n`);
	expect(JSON.parse(json)).toEqual({type: 'note', step: 'token', tone: 'success', message: account.message, happened: {...account.happened, waitedSeconds: 7}});
});
