import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runDestroyCommand, type DestroyCommandOptions} from '../../source/commands/destroy-command.js';
import {destroyInvocation} from '../../source/commands/destroy.js';
import type {AwsApis} from '../../source/aws/apis.js';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {journeyOn} from '../helpers/journey.js';
import {offlineMavenCentral, temporaryDirectory, useSandbox} from '../helpers/sandbox.js';
import {startSandbox, type RunningSandbox} from '../../source/sandbox/index.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

const userSettings =
	'<?xml version="1.0"?>\n<settings>\n\t<localRepository>/opt/m2</localRepository>\n\t<servers>\n\t\t<server><id>nexus</id><username>me</username></server>\n\t</servers>\n</settings>\n';

describe('ca-wizard destroy, through the command', () => {
	const sandbox = useSandbox();
	const journey = journeyOn(sandbox);

	async function destroy(workDir: string, options: Partial<DestroyCommandOptions> = {}) {
		let out = '';
		const code = await runDestroyCommand(
			{target: {kind: 'sandbox-url', url: sandbox.current.endpoint}, workdir: workDir, dryRun: false, yes: true, json: false, ...options},
			{out: {write: text => (out += text)}, env: sandbox.current.env},
		);
		return {code, out};
	}

	async function gone(aws: AwsApis, domain: string) {
		return {
			domain: await aws.codeartifact.describeDomain(domain),
			role: await aws.iam.getRole('ca-wizard-build-host'),
			profile: await aws.iam.getInstanceProfile('ca-wizard-build-host'),
			policy: await aws.iam.getPolicy(`arn:aws:iam::${sandbox.current.accountId}:policy/ca-wizard-codeartifact-read-${domain}`),
		};
	}

	it('after a full run: what the run created is gone, a repository someone else made stays (and so its domain), settings.xml is back byte for byte', async () => {
		const setUp = await journey(new ScriptedHost({domain: 'shared-team'}), {settings: userSettings});
		// A team repository made beforehand in the same domain is not ca-wizard's to remove.
		await setUp.aws.codeartifact.createRepository('shared-team', 'team-libs', {});
		expect(setUp.result.status).toBe('completed');

		const {code, out} = await destroy(setUp.workDir);
		expect(out).toContain('To remove, in this order:');
		expect(code).toBe(1); // the domain still holds team-libs
		expect(out).toMatch(/could not\s+domain shared-team\s+.*repositor/i);
		expect(await setUp.aws.codeartifact.listRepositories('shared-team')).toEqual([expect.objectContaining({name: 'team-libs'})]);
		expect(await gone(setUp.aws, 'shared-team')).toMatchObject({role: undefined, profile: undefined, policy: undefined});
		expect(readFileSync(setUp.settingsPath, 'utf8')).toBe(userSettings);
		expect(await setUp.aws.iam.getRole('build-host-role')).toBeDefined();
	});

	it('leaves a reused domain in place and removes what the run made in it', async () => {
		const aws = await adminApis(sandbox.current);
		await aws.codeartifact.createDomain('pre-existing');
		const run = await journey(new ScriptedHost({domain: 'pre-existing'}));
		expect(run.result.status).toBe('completed');
		expect(run.ledger.entries.find(entry => entry.kind === 'domain')?.state).toBe('reused');

		const {code, out} = await destroy(run.workDir);
		expect(code).toBe(0);
		expect(out).toMatch(/= domain pre-existing: ca-wizard found it/);
		expect(await aws.codeartifact.describeDomain('pre-existing')).toBeDefined();
		expect(await aws.codeartifact.listRepositories('pre-existing')).toEqual([]);
		expect(existsSync(run.settingsPath)).toBe(false);
	});

	it('after a run that stopped at the token step', async () => {
		const host = new ScriptedHost({domain: 'stopped-run', 'token-fix': 'stop'});
		const run = await journey(host);
		expect(run.result).toMatchObject({status: 'stopped', step: 'token'});
		// The stopped run said how to undo it.
		expect(host.of('note').map(note => note.message)).toContain('To undo what ca-wizard created here: ca-wizard destroy');
		const {code} = await destroy(run.workDir);
		expect(code).toBe(0);
		expect(await gone(run.aws, 'stopped-run')).toEqual({domain: undefined, role: undefined, profile: undefined, policy: undefined});
		expect(JSON.parse(readFileSync(join(run.workDir, 'ca-wizard-run.json'), 'utf8')).resources).toEqual([]);
	});

	it('--sandbox: the embedded sandbox the wizard ran, started again from WORKDIR/sandbox-data', async () => {
		const workDir = temporaryDirectory('ca-wizard-embedded-');
		const dataDir = join(workDir, 'sandbox-data');
		const started = () => startSandbox({dataDir, mavenCentral: offlineMavenCentral});
		const during = await started();
		try {
			expect((await journeyOn({current: during})(new ScriptedHost({domain: 'embedded'}), {workDir})).result.status).toBe('completed');
		} finally {
			await during.stop();
		}
		expect((await destroy(workDir, {target: {kind: 'sandbox'}})).code).toBe(0);
		const after = await started();
		try {
			expect(await (await adminApis(after)).codeartifact.describeDomain('embedded')).toBeUndefined();
		} finally {
			await after.stop();
		}
	});

	it('a cancelled run names destroy too; a run that created nothing does not', async () => {
		const abort = new AbortController();
		const cancelled = new ScriptedHost({
			domain: 'cancelled-run',
			'create-access': () => {
				abort.abort();
				return true;
			},
		});
		const run = await journey(cancelled, {abort});
		expect(run.result.status).toBe('cancelled');
		expect(cancelled.of('note').map(note => note.message)).toContain('To undo what ca-wizard created here: ca-wizard destroy');

		const refused = new ScriptedHost();
		expect((await journey(refused, {settings: '<project/>\n'})).result).toMatchObject({status: 'stopped', step: 'preflight'});
		expect(refused.of('note').map(note => note.message)).not.toContainEqual(expect.stringContaining('ca-wizard destroy'));
		expect((await destroy(run.workDir)).code).toBe(0);
		expect(await run.aws.codeartifact.describeDomain('cancelled-run')).toBeUndefined();
	});

	it('the command a wizard run names matches its work folder (always, absolute: it works pasted anywhere) and target', () => {
		expect(destroyInvocation({kind: 'sandbox'}, '/home/me/ca-wizard-work')).toBe('ca-wizard destroy --workdir /home/me/ca-wizard-work --sandbox');
		expect(destroyInvocation({kind: 'sandbox-url', url: 'http://127.0.0.1:7717'}, '/tmp/my work')).toBe(
			"ca-wizard destroy --workdir '/tmp/my work' --sandbox-url http://127.0.0.1:7717",
		);
		expect(destroyInvocation({kind: 'aws', profile: 'dev', region: 'eu-west-1'}, 'ca-wizard-work')).toBe(
			`ca-wizard destroy --workdir ${join(process.cwd(), 'ca-wizard-work')} --profile dev --region eu-west-1`,
		);
	});
});

function adminApis(running: RunningSandbox): Promise<AwsApis> {
	return createAwsApis({kind: 'sandbox', endpoint: running.endpoint, region: running.region, admin: running.admin});
}
