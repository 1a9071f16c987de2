import {describe, expect, it} from 'vitest';
import {combineDecisions} from '../../source/iam-policy/combine.js';

describe('combineDecisions: identity-based and resource-based policies together', () => {
	it('in one account, either kind may allow', () => {
		expect(combineDecisions({identity: 'Allow', crossAccount: false})).toEqual({allowed: true});
		expect(combineDecisions({identity: 'ImplicitDeny', resource: 'Allow', crossAccount: false})).toEqual({allowed: true});
		expect(combineDecisions({identity: 'Allow', resource: 'ImplicitDeny', crossAccount: false})).toEqual({allowed: true});
		expect(combineDecisions({identity: 'ImplicitDeny', resource: 'ImplicitDeny', crossAccount: false})).toEqual({
			allowed: false,
			decision: 'ImplicitDeny',
			source: 'identity',
		});
	});

	it('across accounts, both must allow, and the missing half is named', () => {
		expect(combineDecisions({identity: 'Allow', resource: 'Allow', crossAccount: true})).toEqual({allowed: true});
		expect(combineDecisions({identity: 'Allow', crossAccount: true})).toMatchObject({allowed: false, source: 'resource'});
		expect(combineDecisions({identity: 'Allow', resource: 'ImplicitDeny', crossAccount: true})).toMatchObject({allowed: false, source: 'resource'});
		expect(combineDecisions({identity: 'ImplicitDeny', resource: 'Allow', crossAccount: true})).toMatchObject({allowed: false, source: 'identity'});
	});

	it('an explicit deny anywhere wins over any allow', () => {
		expect(combineDecisions({identity: 'Allow', resource: 'ExplicitDeny', crossAccount: false})).toEqual({
			allowed: false,
			decision: 'ExplicitDeny',
			source: 'resource',
		});
		expect(combineDecisions({identity: 'ExplicitDeny', resource: 'Allow', crossAccount: false})).toMatchObject({decision: 'ExplicitDeny', source: 'identity'});
		expect(combineDecisions({identity: 'Allow', boundary: 'ExplicitDeny', crossAccount: false})).toMatchObject({decision: 'ExplicitDeny', source: 'boundary'});
	});

	it('a permissions boundary limits what either kind allows', () => {
		expect(combineDecisions({identity: 'Allow', boundary: 'ImplicitDeny', crossAccount: false})).toMatchObject({allowed: false, source: 'boundary'});
		expect(combineDecisions({identity: 'ImplicitDeny', resource: 'Allow', boundary: 'ImplicitDeny', crossAccount: false})).toMatchObject({
			allowed: false,
			source: 'boundary',
		});
	});
});
