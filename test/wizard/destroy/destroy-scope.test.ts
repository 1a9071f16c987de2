import {describe, expect, it} from 'vitest';
import {created} from '../../../source/wizard/destroy/account-inventory.js';
import {concernsDomain, inScope, mergeEntries} from '../../../source/wizard/destroy/destroy-scope.js';
import {destroyPlan} from '../../../source/wizard/destroy/destroy-plan.js';
import type {LedgerEntry} from '../../../source/wizard/ledger.js';
import {ownershipTags} from '../../../source/wizard/ownership-tags.js';

const domain = (name: string, state: LedgerEntry['state'] = 'created', details: Record<string, string> = {}): LedgerEntry => ({
	kind: 'domain',
	name,
	state,
	details: {domain: name, ...details},
});

describe('what a destroy takes: the tags and the run record together', () => {
	it('the record rules: its reused entry keeps a resource the tags call ours, its confirmed entry keeps the details only the run knew', () => {
		const association: LedgerEntry = {
			kind: 'instance-profile-association',
			name: 'host on i-1',
			state: 'created',
			details: {instanceId: 'i-1', associationId: 'a-1', profile: 'host', previousProfileArn: 'arn:aws:iam::1:instance-profile/before'},
		};
		const found = [
			created(domain('shared')),
			created({...association, details: {instanceId: 'i-1', associationId: 'a-1', profile: 'host'}}),
			created(domain('lost')),
		];
		const merged = mergeEntries([domain('shared', 'reused'), association], () => true, found);
		expect(merged).toEqual([domain('shared', 'reused'), association, domain('lost')]);
		expect(destroyPlan(merged).removals.map(({entry}) => entry.name)).toEqual(['host on i-1', 'lost']);
	});

	it('--force rules over the record: a reused domain named to it is removed', () => {
		const merged = mergeEntries([domain('team', 'reused')], () => true, [], [created(domain('team'))]);
		expect(destroyPlan(merged).removals.map(({entry}) => entry.name)).toEqual(['team']);
	});

	it('scopes by run, by maker, or all; untagged is never in scope', () => {
		const standing = {entry: domain('d'), tags: ownershipTags({createdBy: 'p1', runId: 'r1'}), parts: []};
		expect(inScope(standing, {kind: 'run', runId: 'r1'})).toBe(true);
		expect(inScope(standing, {kind: 'run', runId: 'r2'})).toBe(false);
		expect(inScope(standing, {kind: 'created-by', createdBy: 'p1'})).toBe(true);
		expect(inScope(standing, {kind: 'created-by', createdBy: 'p2'})).toBe(false);
		expect(inScope(standing, {kind: 'forced-only'})).toBe(false);
		expect(inScope({...standing, tags: {}}, {kind: 'all'})).toBe(false);
	});

	it('--domain takes the domain, its repositories and links, and its build-host policy with its attachments; not the role, the profile or settings.xml', () => {
		const policyArn = 'arn:aws:iam::1:policy/ca-wizard-codeartifact-read-acme';
		const entries: LedgerEntry[] = [
			domain('acme'),
			domain('other'),
			{kind: 'repository', name: 'libs', state: 'created', details: {domain: 'acme', repository: 'libs'}},
			{kind: 'iam-policy', name: 'ca-wizard-codeartifact-read-acme', arn: policyArn, state: 'created'},
			{kind: 'role-policy-attachment', name: 'read → host', state: 'created', details: {role: 'host', policyArn}},
			{kind: 'iam-role', name: 'ca-wizard-build-host', state: 'created'},
			{kind: 'file', name: '/w/settings.xml', state: 'created'},
		];
		expect(entries.filter(entry => concernsDomain(entry, 'acme')).map(entry => entry.name)).toEqual([
			'acme',
			'libs',
			'ca-wizard-codeartifact-read-acme',
			'read → host',
		]);
	});
});
