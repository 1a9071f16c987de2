import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import type {Scenario} from '../../source/sandbox/state.js';
import type {LedgerEntry, LedgerFile} from '../../source/wizard/ledger.js';
import {createdByTag, runTag} from '../../source/wizard/ownership-tags.js';
import {journeyOn} from '../helpers/journey.js';
import {useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// Ten wizards started at once in one account with the same names (a workshop, ten build hosts
// set up together), each in its own work folder: "already exists" is adopted, never a failure.
// Exactly one run records each resource as its own (and tags it with its run id); the others
// record it as reused.

const runs = 10;

const ledgerOf = (path: string): LedgerFile => JSON.parse(readFileSync(path, 'utf8')) as LedgerFile;
const key = (entry: LedgerEntry) => `${entry.kind} ${entry.name}`;

async function tenAtOnce(sandbox: ReturnType<typeof useSandbox>, domain: string) {
	const journey = journeyOn(sandbox);
	const hosts = Array.from({length: runs}, () => new ScriptedHost({domain}));
	const results = await Promise.all(hosts.map(async host => ({...(await journey(host)), host})));
	for (const {result, host} of results) expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
	const ledgers = results.map(({ledgerPath}) => ledgerOf(ledgerPath));
	// Each AWS resource is made by exactly one run.
	const makers = new Map<string, string[]>();
	for (const ledger of ledgers) {
		for (const entry of ledger.resources) {
			expect(entry.state, key(entry)).not.toBe('intended');
			// settings.xml is each run's own; an upstream list and a policy attachment are set, not
			// created: AWS accepts the same change from several runs alike and tells none of them apart.
			if (entry.kind === 'file' || entry.kind === 'upstream-link' || entry.kind === 'role-policy-attachment') continue;
			if (entry.state === 'created') makers.set(key(entry), [...(makers.get(key(entry)) ?? []), ledger.runId ?? 'none']);
		}
	}
	for (const [resource, by] of makers) expect(by, resource).toHaveLength(1);
	const aws = await createAwsApis({kind: 'sandbox', endpoint: sandbox.current.endpoint, region: sandbox.current.region, admin: sandbox.current.admin});
	return {aws, ledgers, makers};
}

function concurrently(scenario: Scenario, domain: string, check: (outcome: Awaited<ReturnType<typeof tenAtOnce>>) => Promise<void>) {
	describe(`ten wizards at once (${scenario})`, () => {
		const sandbox = useSandbox({scenario});
		it('all end green, with one of each resource, owned by the run that made it', async () => {
			const outcome = await tenAtOnce(sandbox, domain);
			const {aws, makers} = outcome;
			const repositories = await aws.codeartifact.listRepositories(domain);
			expect(repositories.map(r => [r.name, r.upstreams, r.externalConnections])).toEqual([
				['maven-central-store', [], ['public:maven-central']],
				['maven-repo', ['maven-central-store'], []],
			]);
			const [domainInfo] = (await aws.codeartifact.listDomains()).filter(d => d.name === domain);
			expect((await aws.codeartifact.listDomains()).filter(d => d.name === domain)).toHaveLength(1);
			const tags = await aws.codeartifact.listTags(domainInfo?.arn ?? 'none');
			expect(tags[runTag]).toBe(makers.get(`domain ${domain}`)?.[0]);
			expect(tags[createdByTag]).toBe((await aws.sts.getCallerIdentity()).arn);
			for (const repository of repositories) {
				expect((await aws.codeartifact.listTags(repository.arn))[runTag]).toBe(makers.get(`repository ${repository.name}`)?.[0]);
			}
			await check(outcome);
		});
	});
}

concurrently('access-denied', 'workshop', async ({aws, makers}) => {
	// The host wears a role of its own: the policy goes on it, and no wizard role or profile is made.
	expect([...makers.keys()].filter(name => /iam-role|instance-profile/.test(name))).toEqual([]);
	expect(await aws.iam.getRole('ca-wizard-build-host')).toBeUndefined();
	expect(await aws.iam.getInstanceProfile('ca-wizard-build-host')).toBeUndefined();
	const policyArn = `arn:aws:iam::${(await aws.sts.getCallerIdentity()).account}:policy/ca-wizard-codeartifact-read-workshop`;
	expect((await aws.iam.listPolicyTags(policyArn))[runTag]).toBe(makers.get('iam-policy ca-wizard-codeartifact-read-workshop')?.[0]);
});

concurrently('no-profile', 'hosts', async ({aws, makers}) => {
	// A host without a profile gets the wizard's: role and profile made once, tagged by their maker.
	expect(makers.get('iam-role ca-wizard-build-host')).toHaveLength(1);
	expect((await aws.iam.listRoleTags('ca-wizard-build-host'))[runTag]).toBe(makers.get('iam-role ca-wizard-build-host')?.[0]);
	expect((await aws.iam.listInstanceProfileTags('ca-wizard-build-host'))[runTag]).toBe(makers.get('instance-profile ca-wizard-build-host')?.[0]);
	expect((await aws.iam.getInstanceProfile('ca-wizard-build-host'))?.roleNames).toEqual(['ca-wizard-build-host']);
});
