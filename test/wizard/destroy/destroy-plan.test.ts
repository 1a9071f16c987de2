import {describe, expect, it} from 'vitest';
import {destroyPlan} from '../../../source/wizard/destroy/destroy-plan.js';
import type {LedgerEntry} from '../../../source/wizard/ledger.js';

const policyArn = 'arn:aws:iam::111122223333:policy/ca-wizard-read';

/** The entries of a full journey on the associate path, oldest first, as the ledger holds them. */
const journey: LedgerEntry[] = [
	{kind: 'domain', name: 'acme', state: 'created', details: {domain: 'acme'}},
	{kind: 'repository', name: 'libs', state: 'created', details: {domain: 'acme', repository: 'libs'}},
	{kind: 'repository', name: 'store', state: 'created', details: {domain: 'acme', repository: 'store'}},
	{kind: 'external-connection', name: 'store → central', state: 'created', details: {domain: 'acme', repository: 'store', connection: 'public:maven-central'}},
	{kind: 'upstream-link', name: 'libs → store', state: 'created', details: {domain: 'acme', repository: 'libs', upstream: 'store', previous: ''}},
	{kind: 'iam-policy', name: 'ca-wizard-read', arn: policyArn, state: 'created'},
	{kind: 'iam-policy', name: 'ca-wizard-read', arn: policyArn, state: 'created', details: {versionOf: policyArn, previousVersion: 'v1'}},
	{kind: 'iam-role', name: 'ca-wizard-host', state: 'created'},
	{kind: 'role-policy-attachment', name: 'read → host', state: 'created', details: {role: 'ca-wizard-host', policyArn}},
	{kind: 'instance-profile', name: 'ca-wizard-host', state: 'created'},
	{kind: 'instance-profile-role', name: 'host in host', state: 'created', details: {profile: 'ca-wizard-host', role: 'ca-wizard-host'}},
	{kind: 'file', name: '/w/settings.xml', state: 'created', details: {path: '/w/settings.xml', existed: 'no'}},
	{kind: 'instance-profile-association', name: 'i-1', state: 'created', details: {instanceId: 'i-1', associationId: 'a-1', profile: 'ca-wizard-host'}},
];

const names = (plan: ReturnType<typeof destroyPlan>) => plan.removals.map(({entry}) => `${entry.kind} ${entry.name}`);

describe('destroyPlan', () => {
	it('removes what depends on a resource before it, downstream repositories before their upstream, the domain and then the file last', () => {
		expect(names(destroyPlan(journey))).toEqual([
			'instance-profile-association i-1',
			'role-policy-attachment read → host',
			'instance-profile-role host in host',
			'instance-profile ca-wizard-host',
			'iam-policy ca-wizard-read', // its second version goes with it
			'iam-role ca-wizard-host',
			'upstream-link libs → store',
			'external-connection store → central',
			'repository libs',
			'repository store',
			'domain acme',
			'file /w/settings.xml',
		]);
	});

	it('orders repositories by their links, not by when they were made', () => {
		const [domain, libs, store, , link] = journey;
		const upstreamFirst = [domain, store, libs, link].filter(entry => entry !== undefined);
		expect(names(destroyPlan(upstreamFirst))).toEqual(['upstream-link libs → store', 'repository libs', 'repository store', 'domain acme']);
	});

	it('leaves alone what was reused and what was never confirmed', () => {
		const plan = destroyPlan([
			{kind: 'domain', name: 'acme', state: 'reused', details: {domain: 'acme'}},
			{kind: 'repository', name: 'libs', state: 'intended', details: {domain: 'acme', repository: 'libs'}},
			{kind: 'iam-role', name: 'team-role', state: 'reused'},
			{kind: 'role-policy-attachment', name: 'read → team-role', state: 'created', details: {role: 'team-role', policyArn}},
		]);
		expect(names(plan)).toEqual(['role-policy-attachment read → team-role']);
		expect(plan.leftAlone.map(({entry, reason}) => [entry.name, reason.split(';')[0]])).toEqual([
			['acme', 'ca-wizard found it and used it as it was'],
			['libs', 'a run stopped before confirming it made it'],
			['team-role', 'ca-wizard found it and used it as it was'],
		]);
	});

	it('puts back the previous default version of a policy it did not create, rather than deleting the policy', () => {
		const plan = destroyPlan([
			{kind: 'iam-policy', name: 'team-read', arn: policyArn, state: 'reused'},
			{kind: 'iam-policy', name: 'team-read', arn: policyArn, state: 'created', details: {versionOf: policyArn, previousVersion: 'v3'}},
		]);
		expect(plan.removals).toEqual([{entry: expect.objectContaining({details: {versionOf: policyArn, previousVersion: 'v3'}}), restoreVersion: true}]);
	});

	it('takes back a link only when its repository is ours or the earlier upstream list was recorded: two runs at once may both have noted it', () => {
		const link = (repository: string, previous?: string): LedgerEntry => ({
			kind: 'upstream-link',
			name: `${repository} → store`,
			state: 'created',
			details: {domain: 'acme', repository, upstream: 'store', ...(previous === undefined ? {} : {previous})},
		});
		const plan = destroyPlan([
			{kind: 'repository', name: 'ours', state: 'created', details: {domain: 'acme', repository: 'ours'}},
			link('ours'),
			link('team', ''),
			link('other-run'),
		]);
		expect(names(plan)).toEqual(['upstream-link team → store', 'upstream-link ours → store', 'repository ours']);
		expect(plan.leftAlone.map(({entry, reason}) => [entry.name, reason.split(':')[0]])).toEqual([
			['other-run → store', "its repository is not ca-wizard's and no earlier upstream list was recorded"],
		]);
	});
});
