import {describe, expect, it} from 'vitest';
import {configuredRepository} from '../../source/host-config/configured-repository.js';
import type {LedgerEntry} from '../../source/wizard/ledger.js';

const entry = (name: string, domain: string, state: LedgerEntry['state'] = 'created'): LedgerEntry =>
	({kind: 'repository', name, state, details: {domain, repository: name}}) as LedgerEntry;

describe('the repository publish sends to', () => {
	const ledger = {path: '/w/ca-wizard-run.json', entries: [entry('never-made', 'd', 'intended'), entry('maven-repo', 'd'), entry('maven-central-store', 'd')]};
	const settings = {path: '/h/settings.xml', url: 'http://127.0.0.1:7717/d/d-123456789012/maven/from-settings/'};

	it('is --repository when given', () => {
		expect(configuredRepository('d', {flags: {repository: 'r'}, ledger, settings})).toEqual({repository: 'r', from: '--repository'});
	});

	it("is the run's first repository of the domain (the one it chose; the store comes after)", () => {
		expect(configuredRepository('d', {flags: {}, ledger, settings})).toEqual({repository: 'maven-repo', from: '/w/ca-wizard-run.json'});
	});

	it("is settings.xml's repository when the record has none of that domain, and only in the same domain", () => {
		expect(configuredRepository('d', {flags: {}, ledger: {...ledger, entries: []}, settings})).toEqual({repository: 'from-settings', from: '/h/settings.xml'});
		expect(configuredRepository('other', {flags: {}, ledger, settings})).toBeUndefined();
		expect(configuredRepository('d', {flags: {}})).toBeUndefined();
	});
});
