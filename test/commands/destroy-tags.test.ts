import {existsSync, rmSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {AwsApis} from '../../source/aws/apis.js';
import {CliError} from '../../source/errors.js';
import {runDestroyCommand, type DestroyCommandOptions} from '../../source/commands/destroy-command.js';
import {runListCommand} from '../../source/commands/list-command.js';
import {parseForced} from '../../source/wizard/destroy/destroy-scope.js';
import {resourceNames} from '../../source/wizard/resource-names.js';
import {isChange, useCountingProxy} from '../helpers/counting-proxy.js';
import {journeyOn} from '../helpers/journey.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// destroy and list from the ownership tags: with the run record gone, per participant, and
// with --force for what ca-wizard did not make. Each block has its own sandbox: a destroy
// from the tags takes everything its scope covers in the account.

type Sandbox = ReturnType<typeof useSandbox>;

function destroyOn(sandbox: Sandbox, url = () => sandbox.current.endpoint) {
	return async (options: Partial<DestroyCommandOptions> = {}) => {
		let out = '';
		const code = await runDestroyCommand(
			{target: {kind: 'sandbox-url', url: url()}, workdir: temporaryDirectory('ca-wizard-no-record-'), dryRun: false, yes: true, json: false, ...options},
			{out: {write: text => (out += text)}, env: sandbox.current.env},
		);
		return {code, out};
	};
}

async function listOn(sandbox: Sandbox, options: {participant?: string; json?: boolean} = {}) {
	let out = '';
	await runListCommand(
		{
			target: {kind: 'sandbox-url', url: sandbox.current.endpoint},
			json: options.json ?? false,
			...(options.participant ? {participant: options.participant} : {}),
		},
		{out: {write: text => (out += text)}, env: sandbox.current.env},
	);
	return out;
}

/** What ca-wizard's default names stand for in the sandbox now. */
async function standing(aws: AwsApis, domain: string, policyArn: string) {
	return {
		domain: (await aws.codeartifact.describeDomain(domain))?.name,
		policy: (await aws.iam.getPolicy(policyArn))?.name,
		attachedToHostRole: (await aws.iam.listAttachedRolePolicies('build-host-role')).map(policy => policy.name).filter(name => name.includes('ca-wizard')),
	};
}

describe('destroy from the tags, with the run record deleted', () => {
	const sandbox = useSandbox();
	const journey = journeyOn(sandbox);
	const destroy = destroyOn(sandbox);

	it('removes what the run made, detaches its policy from the host role it did not make (the role stays), and leaves settings.xml alone', async () => {
		const run = await journey(new ScriptedHost({domain: 'lost-record'}));
		expect(run.result.status).toBe('completed');
		const policyArn = `arn:aws:iam::${sandbox.current.accountId}:policy/ca-wizard-codeartifact-read-lost-record`;
		expect(await standing(run.aws, 'lost-record', policyArn)).toEqual({
			domain: 'lost-record',
			policy: 'ca-wizard-codeartifact-read-lost-record',
			attachedToHostRole: ['ca-wizard-codeartifact-read-lost-record'],
		});
		rmSync(run.ledgerPath);

		const dry = await destroy({workdir: run.workDir, dryRun: true});
		expect(dry.out).toContain('There is no run record at');
		expect(dry.out).toContain('  - policy attachment ca-wizard-codeartifact-read-lost-record → build-host-role');
		expect(dry.out).toContain('  - domain lost-record');

		const {code, out} = await destroy({workdir: run.workDir});
		expect(out).toMatch(/Removed \d+, could not remove 0:/);
		expect(code).toBe(0);
		expect(await standing(run.aws, 'lost-record', policyArn)).toEqual({domain: undefined, policy: undefined, attachedToHostRole: []});
		expect(await run.aws.iam.getRole('build-host-role')).toBeDefined();
		expect(existsSync(run.settingsPath)).toBe(true); // only a run record tells which entries of a file are ours
	});

	it('after a run stopped at the token step (the fix declined)', async () => {
		const run = await journey(new ScriptedHost({domain: 'stopped-lost', 'token-fix': 'stop'}));
		expect(run.result).toMatchObject({status: 'stopped', step: 'token'});
		expect(run.ledger.resources.length).toBeGreaterThan(0);
		rmSync(run.ledgerPath);
		expect((await destroy({workdir: run.workDir})).code).toBe(0);
		expect(await run.aws.codeartifact.describeDomain('stopped-lost')).toBeUndefined();
		expect((await listOn(sandbox)).split('\n')[0]).toBe('ca-wizard made nothing here that its tags show.');
	});
});

describe('destroy with the run record and the tags together', () => {
	const sandbox = useSandbox();
	const journey = journeyOn(sandbox);
	const destroy = destroyOn(sandbox);

	it("removes what the record lost: its run tag says it is this run's", async () => {
		const run = await journey(new ScriptedHost({domain: 'half-record'}));
		expect(run.result.status).toBe('completed');
		// A record that lost the upstream repository's entry: the tags still say whose it is.
		const store = run.ledger.resources.find(entry => entry.kind === 'repository' && entry.name === 'maven-central-store');
		if (!store) throw new Error('the run made no maven-central-store');
		await run.ledger.forget(store);

		const {code, out} = await destroy({workdir: run.workDir});
		expect(out).toContain('  - repository maven-central-store');
		expect(code).toBe(0);
		expect(await run.aws.codeartifact.describeDomain('half-record')).toBeUndefined();
	});
});

describe('destroy and list per participant', () => {
	const sandbox = useSandbox();
	const journey = journeyOn(sandbox);
	const proxy = useCountingProxy(sandbox);
	const destroy = destroyOn(sandbox, () => proxy.url);

	it("list shows each participant's resources in 80 columns; destroy --participant p1 leaves p2's intact; an unknown name changes nothing", async () => {
		for (const participant of ['p1', 'p2']) {
			const names = resourceNames(participant);
			const run = await journey(new ScriptedHost({domain: names.domain}), {names});
			expect(run.result.status).toBe('completed');
		}
		const listed = await listOn(sandbox);
		expect(listed).toMatch(/^p1 {2}\(run [0-9a-f-]+\)$/m);
		expect(listed).toMatch(/^p2 {2}\(run [0-9a-f-]+\)$/m);
		expect(listed).toContain('  repository        p2-ca-wizard-demo/p2-maven-repo');
		expect(listed.split('\n').every(line => [...line].length <= 80)).toBe(true);
		const json = (await listOn(sandbox, {participant: 'p2', json: true})).trim().split('\n');
		expect(json.map(line => (JSON.parse(line) as {createdBy: string}).createdBy)).toEqual(['p2']);

		proxy.requests.length = 0;
		const unknown = await destroy({participant: 'p9'}).catch((error: unknown) => error);
		expect(unknown).toBeInstanceOf(CliError);
		expect(unknown).toMatchObject({code: 'UnknownParticipant', fix: 'The participants with resources here: p1, p2.'});
		expect(proxy.requests.length).toBeGreaterThan(0); // it read the tags…
		expect(proxy.requests.filter(isChange)).toEqual([]); // …and changed nothing

		const {code, out} = await destroy({participant: 'p1'});
		expect(proxy.requests.filter(isChange).length).toBeGreaterThan(0); // the filter above sees changes when there are some
		expect(out).toContain('  - domain p1-ca-wizard-demo');
		expect(out).not.toContain('p2-');
		expect(code).toBe(0);
		const aws = await adminApis(sandbox);
		expect(await aws.codeartifact.describeDomain('p1-ca-wizard-demo')).toBeUndefined();
		expect((await aws.codeartifact.listRepositories('p2-ca-wizard-demo')).map(repository => repository.name).sort()).toEqual([
			'p2-maven-central-store',
			'p2-maven-repo',
		]);
		expect((await aws.iam.listAttachedRolePolicies('build-host-role')).map(policy => policy.name)).not.toContain(
			'p1-ca-wizard-codeartifact-read-p1-ca-wizard-demo',
		);
		expect((await aws.iam.listAttachedRolePolicies('build-host-role')).map(policy => policy.name)).toContain(
			'p2-ca-wizard-codeartifact-read-p2-ca-wizard-demo',
		);
		expect(await listOn(sandbox)).not.toMatch(/^p1 /m);
	});
});

describe('destroy --force and --domain', () => {
	const sandbox = useSandbox();
	const journey = journeyOn(sandbox);
	const destroy = destroyOn(sandbox);

	it('what ca-wizard did not make goes only when named to --force (and then only what is named); --domain narrows to one domain', async () => {
		const aws = await adminApis(sandbox);
		await aws.codeartifact.createDomain('hand-made');
		await aws.codeartifact.createRepository('hand-made', 'libs', {});
		for (const domain of ['first', 'second']) expect((await journey(new ScriptedHost({domain}))).result.status).toBe('completed');

		const everything = await destroy({allParticipants: true, dryRun: true});
		expect(everything.out).not.toContain('hand-made');
		await expect(destroy({force: [{kind: 'domain', name: 'no-such-domain'}]})).rejects.toMatchObject({code: 'ForcedNameNotFound'});

		const first = await destroy({allParticipants: true, domain: 'first'});
		expect(first.code).toBe(0);
		expect(first.out).not.toMatch(/second|- role |- instance profile/);
		expect(await aws.codeartifact.describeDomain('first')).toBeUndefined();
		expect(await aws.codeartifact.describeDomain('second')).toBeDefined();

		const forced = await destroy({force: parseForced('domain:hand-made,repository:hand-made/libs') as never});
		expect(forced.out).toContain('  - repository libs');
		expect(forced.code).toBe(0);
		expect(await aws.codeartifact.describeDomain('hand-made')).toBeUndefined();
		expect(await aws.codeartifact.describeDomain('second')).toBeDefined();
	});

	it('--force takes KIND:NAME, a repository as DOMAIN/NAME', () => {
		expect(parseForced('role:r1, policy:p')).toEqual([
			{kind: 'iam-role', name: 'r1'},
			{kind: 'iam-policy', name: 'p'},
		]);
		expect(parseForced('repository:libs')).toMatch(/repository:DOMAIN\/NAME/);
		expect(parseForced('bucket:b')).toMatch(/is not KIND:NAME/);
	});
});

async function adminApis(sandbox: Sandbox): Promise<AwsApis> {
	const {createAwsApis} = await import('../../source/aws/create-aws-apis.js');
	const running = sandbox.current;
	return createAwsApis({kind: 'sandbox', endpoint: running.endpoint, region: running.region, admin: running.admin});
}
