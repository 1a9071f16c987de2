import {invocationName} from '../../source/commands/invocation-name.js';
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {networkInterfaces} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import type {SandboxInstance} from '../../source/sandbox/index.js';
import type {LedgerFile} from '../../source/wizard/ledger.js';
import {createdByTag, runTag} from '../../source/wizard/ownership-tags.js';
import {cliPath} from '../helpers/cli-process.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';

const execFileAsync = promisify(execFile);

// A workshop: one sandbox bound to every address, three participants' wizards at once, each on a
// build host of its own (its own metadata endpoint, its own role), all from one folder. Each must
// meet the AccessDenied and its fix (its policy is its own, so nobody's fix helps another), end
// with a green Maven build, and find its name on everything it made.

type Event = {
	type: string;
	step?: string;
	tone?: string;
	message?: string;
	id?: string;
	value?: unknown;
	problem?: {code: string};
	resource?: {kind: string; details?: Record<string, string>};
	summary?: {build?: {success: boolean}; destroy?: string};
};

const participants = ['p1', 'p2', 'p3'] as const;

const hasNetworkAddress = Object.values(networkInterfaces()).some(list => list?.some(address => address.family === 'IPv4' && !address.internal));

describe('a workshop: three participants at once on one sandbox', () => {
	const sandbox = useSandbox({host: '0.0.0.0', instances: participants.length});

	it('advertises a network address of this machine, not 127.0.0.1, when it has one', () => {
		if (hasNetworkAddress) expect(new URL(sandbox.current.endpoint).hostname).not.toBe('127.0.0.1');
		for (const instance of sandbox.current.instances) expect(new URL(instance.metadataEndpoint).hostname).toBe(new URL(sandbox.current.endpoint).hostname);
	});

	it.skipIf(mavenUnavailable() !== undefined && process.env['CI'] !== 'true')(
		'each meets the AccessDenied, fixes it on its own host, ends green, and its name is on all it made',
		{timeout: 480_000},
		async () => {
			const room = temporaryDirectory('ca-wizard-workshop-');
			const wizard = async (participant: string, host: SandboxInstance | undefined) => {
				const {stdout} = await execFileAsync(
					process.execPath,
					[cliPath, '--sandbox-url', sandbox.current.endpoint, '--participant', participant, '--yes', '--json'],
					{
						cwd: room, // one folder for all three: each works in ./ca-wizard-work-NAME
						env: {...process.env, ...sandbox.current.env, AWS_EC2_METADATA_SERVICE_ENDPOINT: host?.metadataEndpoint, CI: 'true'},
						maxBuffer: 64 * 1024 * 1024,
						encoding: 'utf8',
					},
				).catch((error: {stdout: string; stderr: string}) => {
					// Which participant, and its last words, rather than just "Command failed".
					throw new Error(`${participant}: ${error.stderr}\n${error.stdout.split('\n').slice(-15).join('\n')}`);
				});
				return stdout
					.trim()
					.split('\n')
					.map(line => JSON.parse(line) as Event);
			};
			const runs = await Promise.all(participants.map((participant, index) => wizard(participant, sandbox.current.instances[index])));
			const aws = await createAwsApis({kind: 'sandbox', endpoint: sandbox.current.endpoint, region: sandbox.current.region, admin: sandbox.current.admin});
			const {account} = await aws.sts.getCallerIdentity();
			const roles = new Set<string>();
			const roleOf = new Map<string, string>();
			for (const [index, participant] of participants.entries()) {
				const events = runs[index] ?? [];
				// The refusal, then its fix, then a token: the lesson, met by each.
				const refused = events.findIndex(event => event.type === 'warning' && event.step === 'token' && event.problem?.code === 'denied-token');
				const fixed = events.findIndex(event => event.type === 'answer' && event.id === 'token-fix' && event.value === 'attach-to-current-role');
				const token = events.findIndex(event => event.type === 'note' && event.step === 'token' && event.tone === 'success');
				expect(refused, participant).toBeGreaterThanOrEqual(0);
				expect(fixed, participant).toBeGreaterThan(refused);
				expect(token, participant).toBeGreaterThan(fixed);
				const summary = events.find(event => event.type === 'summary')?.summary;
				expect(summary?.build?.success, participant).toBe(true);
				// Run in the room's folder, the wizard works in ./ca-wizard-work-pN: destroy names it, to work pasted anywhere.
				expect(summary?.destroy).toBe(
					`${invocationName(process.env, cliPath)} destroy --participant ${participant} --workdir ${join(room, `ca-wizard-work-${participant}`)} --sandbox-url ${sandbox.current.endpoint}`,
				);

				// The fix went on this participant's own host's role: its policy, and no other participant's.
				const attachment = events.find(event => event.type === 'resource' && event.resource?.kind === 'role-policy-attachment')?.resource?.details;
				const role = attachment?.['role'] ?? 'none';
				roles.add(role);
				roleOf.set(participant, role);
				const policyArn = `arn:aws:iam::${account}:policy/${participant}-ca-wizard-codeartifact-read-${participant}-ca-wizard-demo`;
				expect(attachment?.['policyArn']).toBe(policyArn);
				const attached = (await aws.iam.listAttachedRolePolicies(role)).map(policy => policy.arn);
				expect(attached.filter(arn => arn.includes('-ca-wizard-codeartifact-read-'))).toEqual([policyArn]);

				// Everything it made carries its name and its run, as its own record says.
				const ledger = JSON.parse(readFileSync(join(room, `ca-wizard-work-${participant}`, 'ca-wizard-run.json'), 'utf8')) as LedgerFile;
				expect(ledger.participant).toBe(participant);
				const owner = {[createdByTag]: participant, [runTag]: ledger.runId};
				const domain = (await aws.codeartifact.listDomains()).find(each => each.name === `${participant}-ca-wizard-demo`);
				expect(await aws.codeartifact.listTags(domain?.arn ?? 'none')).toMatchObject(owner);
				const repositories = await aws.codeartifact.listRepositories(`${participant}-ca-wizard-demo`);
				expect(repositories.map(repository => repository.name).sort()).toEqual([`${participant}-maven-central-store`, `${participant}-maven-repo`]);
				for (const repository of repositories) expect(await aws.codeartifact.listTags(repository.arn)).toMatchObject(owner);
				expect(await aws.iam.listPolicyTags(policyArn)).toMatchObject(owner);
			}
			expect(roles.size).toBe(participants.length);
			expect((await aws.codeartifact.listDomains()).map(domain => domain.name).sort()).toEqual(participants.map(name => `${name}-ca-wizard-demo`));

			// p1 leaves: the destroy command its summary printed takes p1's resources away, and only them.
			const hostEnv = (index: number) => ({
				...process.env,
				...sandbox.current.env,
				AWS_EC2_METADATA_SERVICE_ENDPOINT: sandbox.current.instances[index]?.metadataEndpoint,
				CI: 'true',
			});
			await execFileAsync(process.execPath, [cliPath, 'destroy', '--participant', 'p1', '--sandbox-url', sandbox.current.endpoint, '--yes'], {
				cwd: room,
				env: hostEnv(0),
			});
			expect((await aws.codeartifact.listDomains()).map(domain => domain.name).sort()).toEqual(['p2-ca-wizard-demo', 'p3-ca-wizard-demo']);
			// The fix on p1's host (its policy on the host's role) is taken back; the role, not ca-wizard's, stays.
			const p1Role = roleOf.get('p1') ?? 'none';
			expect((await aws.iam.getRole(p1Role))?.name).toBe(p1Role);
			expect((await aws.iam.listAttachedRolePolicies(p1Role)).map(policy => policy.arn)).not.toContainEqual(
				expect.stringContaining('p1-ca-wizard-codeartifact-read-'),
			);
			// …and p2 and p3 still build green, each with a fresh token as its own host.
			for (const [index, participant] of participants.entries()) {
				if (participant === 'p1') continue;
				const work = join(room, `ca-wizard-work-${participant}`);
				const {stdout} = await execFileAsync(
					process.execPath,
					[
						cliPath,
						'exec',
						'--workdir',
						work,
						'--sandbox-url',
						sandbox.current.endpoint,
						'--',
						'mvn',
						'-B',
						'-s',
						join(work, 'settings.xml'),
						'-f',
						join(work, 'demo-project', 'pom.xml'),
						`-Dmaven.repo.local=${temporaryDirectory('ca-wizard-m2-')}`,
						'compile',
					],
					{cwd: room, env: hostEnv(index), maxBuffer: 64 * 1024 * 1024, encoding: 'utf8'},
				);
				expect(stdout, participant).toContain('BUILD SUCCESS');
			}
		},
	);
});
