import {describe, expect, it} from 'vitest';
import {instanceSession, refreshMarginMs, sessionLifetimeMs} from '../../../source/sandbox/imds/credentials.js';
import {issueMetadataToken, metadataTokenTtl} from '../../../source/sandbox/imds/token.js';
import {initialState} from '../../../source/sandbox/store/initial-state.js';

function scenario() {
	const state = initialState({region: 'eu-west-1', scenario: 'access-denied'});
	const association = Object.values(state.associations)[0]!;
	return {state, association, role: state.iam.roles['build-host-role']!};
}

describe('instance credentials', () => {
	it('issues one session per association and role, and reuses it', () => {
		const {state, association, role} = scenario();
		const start = new Date('2030-01-01T00:00:00.000Z');
		const first = instanceSession(state, association, role, start);
		expect(first.issued).toBe(true);
		expect(first.session).toMatchObject({
			roleName: 'build-host-role',
			associationId: association.associationId,
			issued: '2030-01-01T00:00:00Z',
			expiration: '2030-01-01T06:00:00Z',
		});
		expect(state.sessions[first.session.accessKeyId]).toBe(first.session);
		const later = instanceSession(state, association, role, new Date(start.getTime() + 60 * 60 * 1000));
		expect(later).toEqual({session: first.session, issued: false});
	});

	it('rotates five minutes before expiry and forgets expired sessions', () => {
		const {state, association, role} = scenario();
		const start = new Date('2030-01-01T00:00:00.000Z');
		const first = instanceSession(state, association, role, start).session;
		const nearEnd = new Date(start.getTime() + sessionLifetimeMs - refreshMarginMs + 1000);
		const second = instanceSession(state, association, role, nearEnd);
		expect(second.issued).toBe(true);
		expect(second.session.accessKeyId).not.toBe(first.accessKeyId);
		// The old set stays valid until it expires, as on EC2.
		expect(state.sessions[first.accessKeyId]).toBeDefined();
		// Expired sessions are dropped when the next set is issued.
		const afterExpiry = new Date(start.getTime() + sessionLifetimeMs + 1000);
		expect(instanceSession(state, association, role, afterExpiry)).toEqual({session: second.session, issued: false});
		const third = instanceSession(state, association, role, new Date(nearEnd.getTime() + sessionLifetimeMs - refreshMarginMs + 1000));
		expect(third.issued).toBe(true);
		expect(Object.keys(state.sessions).sort()).toEqual([second.session.accessKeyId, third.session.accessKeyId].sort());
	});

	it('keeps sessions of different associations apart', () => {
		const {state, association, role} = scenario();
		const now = new Date('2030-01-01T00:00:00.000Z');
		const other = {...association, associationId: 'iip-assoc-00000000000000001'};
		const a = instanceSession(state, association, role, now).session;
		const b = instanceSession(state, other, role, now).session;
		expect(a.accessKeyId).not.toBe(b.accessKeyId);
	});
});

describe('IMDSv2 tokens', () => {
	it('carry their expiry and are bound to the sandbox secret and to the instance', () => {
		const {state} = scenario();
		const now = new Date('2030-01-01T00:00:00.000Z');
		const instance = 'i-0123456789abcdef0';
		const token = issueMetadataToken(state, instance, 60, now);
		expect(metadataTokenTtl(state, instance, token, now)).toBe(60);
		expect(metadataTokenTtl(state, instance, token, new Date(now.getTime() + 59_500))).toBe(1);
		expect(metadataTokenTtl(state, instance, token, new Date(now.getTime() + 60_000))).toBeUndefined();
		expect(metadataTokenTtl(scenario().state, instance, token, now)).toBeUndefined();
		expect(metadataTokenTtl(state, 'i-0123456789abcdef1', token, now)).toBeUndefined();
		const tampered = Buffer.from(token, 'base64');
		tampered[3] = (tampered[3] ?? 0) ^ 0xff;
		expect(metadataTokenTtl(state, instance, tampered.toString('base64'), now)).toBeUndefined();
	});
});
