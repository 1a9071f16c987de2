import {expect, it} from 'vitest';
import {parseRepositoryUrl} from '../../source/host-config/codeartifact-url.js';
import {configuredDomain} from '../../source/host-config/configured-domain.js';
import type {LedgerEntry} from '../../source/wizard/ledger.js';

it('reads the domain, owner, repository and region from AWS and sandbox endpoints, and nothing from other URLs', () => {
	expect(parseRepositoryUrl('https://my-team-111122223333.d.codeartifact.eu-west-1.amazonaws.com/maven/libs/')).toEqual({
		domain: 'my-team',
		domainOwner: '111122223333',
		region: 'eu-west-1',
		repository: 'libs',
	});
	expect(parseRepositoryUrl('http://127.0.0.1:7717/d/ca-wizard-demo-549480709600/maven/maven-repo/')).toEqual({
		domain: 'ca-wizard-demo',
		domainOwner: '549480709600',
		repository: 'maven-repo',
	});
	expect(parseRepositoryUrl('https://repo.maven.apache.org/maven2/')).toBeUndefined();
	expect(parseRepositoryUrl('https://nexus.example.com/d/team-12345/maven/libs/')).toBeUndefined();
});

const domainEntry = (domain: string, state: LedgerEntry['state'], owner = '549480709600'): LedgerEntry => ({
	kind: 'domain',
	name: domain,
	state,
	details: {domain, owner},
});

it('takes the flags first, then the newest domain the run used, then settings.xml', () => {
	const ledger = {
		path: '/w/ca-wizard-run.json',
		entries: [domainEntry('old', 'created'), domainEntry('newer', 'reused'), domainEntry('never-made', 'intended')],
	};
	const settings = {path: '/h/.m2/settings.xml', url: 'https://team-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/libs/'};
	expect(configuredDomain({flags: {domain: 'mine'}, ledger, settings})).toEqual({domain: 'mine', from: '--domain'});
	expect(configuredDomain({flags: {}, ledger, settings})).toEqual({domain: 'newer', domainOwner: '549480709600', from: ledger.path});
	expect(configuredDomain({flags: {domainOwner: '999988887777'}, ledger, settings})).toMatchObject({domainOwner: '999988887777'});
	expect(configuredDomain({flags: {}, ledger: {path: ledger.path, entries: []}, settings})).toEqual({
		domain: 'team',
		domainOwner: '111122223333',
		from: settings.path,
	});
	expect(configuredDomain({flags: {}, settings: {path: settings.path}})).toBeUndefined();
});
