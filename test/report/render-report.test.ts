import {describe, expect, it} from 'vitest';
import type {LedgerEntry} from '../../source/wizard/ledger.js';
import {renderReport} from '../../source/report/render-report.js';
import type {LoggedEvent, RunLogRecord, UntimedRecord} from '../../source/report/run-log.js';
import type {RunResult} from '../../source/wizard/run-result.js';
import {markdownProblems} from '../helpers/markdown-lint.js';

// The renderer alone, over run logs written out by hand: what each section says, and that it
// says only what the log holds.

const account = '123456789012';
const t0 = Date.parse('2026-12-02T10:00:00.000Z');

/** A run log: each entry is [seconds after t0, record]. */
function log(...entries: Array<[number, UntimedRecord]>): RunLogRecord[] {
	return entries.map(([seconds, record]) => ({...record, time: new Date(t0 + seconds * 1000).toISOString()}) as RunLogRecord);
}
const event = (seconds: number, logged: LoggedEvent): [number, UntimedRecord] => [seconds, {type: 'event', event: logged}];
const end = (seconds: number, result: Partial<RunResult>): [number, UntimedRecord] => [
	seconds,
	{type: 'end', result: {type: 'result', status: 'succeeded', exitCode: 0, resources: [], files: [], packages: 0, warnings: [], ...result}},
];

const preflight = [
	event(0, {type: 'step', step: 'preflight', status: 'active'}),
	event(0.5, {
		type: 'facts',
		step: 'preflight',
		facts: [
			{label: 'Identity', value: `arn:aws:iam::${account}:user/me`},
			{label: 'Account', value: account},
			{label: 'Region', value: 'eu-west-1'},
		],
	}),
	event(1.25, {type: 'step', step: 'preflight', status: 'done'}),
];
const domain = {kind: 'domain' as const, name: 'acme', details: {domain: 'acme'}};
const repository = {kind: 'repository' as const, name: 'libs', details: {domain: 'acme', repository: 'libs'}};
const domainArn = `arn:aws:codeartifact:eu-west-1:${account}:domain/acme`;
const ledger: LedgerEntry[] = [{...domain, arn: domainArn, state: 'created', createdAt: new Date(t0).toISOString()}];

describe('renderReport', () => {
	it('gives the date, the masked account, the region, each step with its measured duration, and the resources with ARNs from the record', async () => {
		const records = log(
			[0, {type: 'start', target: 'aws'}],
			...preflight,
			event(2, {type: 'step', step: 'domain', status: 'active'}),
			event(2.1, {type: 'resource', step: 'domain', resource: domain, reused: false}),
			event(5.5, {type: 'step', step: 'domain', status: 'done'}),
			event(6, {type: 'step', step: 'repository', status: 'active'}),
			event(6.5, {
				type: 'resource',
				step: 'repository',
				resource: {...repository, arn: `arn:aws:codeartifact:eu-west-1:${account}:repository/acme/libs`},
				reused: true,
			}),
			event(7, {type: 'step', step: 'repository', status: 'done'}),
			end(7, {}),
		);
		const report = renderReport({records, ledger});
		expect(report).toContain('# ca-wizard run of 2026-12-02 10:00 UTC');
		expect(report).toContain('- **Date:** 2026-12-02 10:00 UTC (the run took 7.0 s)');
		expect(report).toContain('- **Where:** AWS');
		expect(report).toContain('- **Account:** `1234••••9012`');
		expect(report).toContain('- **Region:** `eu-west-1`');
		expect(report).not.toContain(account);
		expect(report).toContain('### 1. Preflight (1.3 s)');
		expect(report).toContain('### 2. Domain (3.5 s)');
		expect(report).toContain('### 3. Repository (1.0 s)');
		expect(report).toContain('| domain | `acme` | `arn:aws:codeartifact:eu-west-1:1234••••9012:domain/acme` | created |');
		expect(report).toContain('| repository | `libs` | `arn:aws:codeartifact:eu-west-1:1234••••9012:repository/acme/libs` | reused |');
		// Real AWS: console links for what the run reached, though it had no summary.
		expect(report).toContain('[the repository](https://eu-west-1.console.aws.amazon.com/codesuite/codeartifact/d/1234••••9012/acme/r/libs?region=eu-west-1)');
		expect(renderReport({records, ledger, showAccount: true})).toContain(`- **Account:** \`${account}\``);
		expect(await markdownProblems(report)).toEqual([]);
	});

	it("tells the refusal with AWS's own words and the fix that cured it", () => {
		const records = log(
			[0, {type: 'start', target: 'sandbox'}],
			event(1, {type: 'step', step: 'token', status: 'active'}),
			event(1.5, {
				type: 'warning',
				step: 'token',
				problem: {
					code: 'denied-token',
					message: 'The build host may not ask for a token',
					details: ['AWS refused role r permission to call codeartifact:GetAuthorizationToken.'],
					awsError: {
						code: 'AccessDeniedException',
						message: 'User: arn:aws:sts::1:assumed-role/r/i is not authorized to perform: codeartifact:GetAuthorizationToken',
					},
				} as never,
			}),
			event(4, {type: 'fixed', step: 'token', code: 'denied-token', fix: 'Attach the CodeArtifact read policy to role r'}),
			event(4.5, {type: 'step', step: 'token', status: 'done'}),
			end(5, {}),
		);
		const report = renderReport({records});
		const access = report.slice(report.indexOf('## Access denied'));
		expect(access).toContain('**The build host may not ask for a token** (`denied-token`, step Token check)');
		expect(access).toContain('> AWS refused role r permission to call codeartifact:GetAuthorizationToken.');
		expect(access).toContain(
			'```text\nAccessDeniedException: User: arn:aws:sts::1:assumed-role/r/i is not authorized to perform: codeartifact:GetAuthorizationToken\n```',
		);
		expect(access).toContain('Fixed: Attach the CodeArtifact read policy to role r. The build host then got a token.');
		expect(report).toContain('- **Where:** the embedded sandbox (offline, no AWS account)');
	});

	it('says where and why a run stopped, and what a killed run got to', () => {
		const stopped = log(
			[0, {type: 'start', target: 'sandbox'}],
			...preflight,
			event(2, {type: 'step', step: 'settings', status: 'active'}),
			event(3, {type: 'problem', step: 'settings', problem: {code: 'SettingsUnparsable', message: 'settings.xml does not parse at line 3', fix: 'Repair it'}}),
			event(3, {type: 'step', step: 'settings', status: 'failed'}),
			end(3, {
				status: 'stopped',
				exitCode: 1,
				problem: {step: 'settings', code: 'SettingsUnparsable', message: 'settings.xml does not parse at line 3', fix: 'Repair it'},
			}),
		);
		const report = renderReport({records: stopped});
		expect(report).toContain('- **Outcome:** stopped at step 7, settings.xml. settings.xml does not parse at line 3. Fix: Repair it.');
		expect(report).toContain('### 7. settings.xml (1.0 s, stopped here)');
		expect(report).toContain('The run met no access refusal');
		expect(report).not.toContain('### 8.');

		const killed = renderReport({records: stopped.filter(record => record.type !== 'end').slice(0, -2)});
		expect(killed).toContain('- **Outcome:** the log ends at step 7, settings.xml without saying how the run ended (it was killed, or is still running).');
		expect(killed).toContain('### 7. settings.xml (0 ms, not finished)');
	});

	it('shows the policy a line per statement, the settings change with any written-in password masked, and the package table', async () => {
		const records = log(
			[0, {type: 'start', target: 'sandbox'}],
			event(0, {type: 'step', step: 'access', status: 'active'}),
			event(0, {
				type: 'policy',
				step: 'access',
				name: 'read-acme',
				document: JSON.stringify(
					{
						Version: '2012-10-17',
						Statement: [
							{Sid: 'A', Effect: 'Allow', Action: 'x:Y', Resource: '*'},
							{Sid: 'B', Effect: 'Allow', Action: 'z:W', Resource: '*'},
						],
					},
					null,
					2,
				),
				explanations: ['A: ask for a <token>'],
			}),
			event(1, {type: 'step', step: 'settings', status: 'active'}),
			event(1, {
				type: 'diff',
				step: 'settings',
				path: '/home/me/.m2/settings.xml',
				lines: [
					'+<password>${env.CODEARTIFACT_AUTH_TOKEN}</password>',
					' <server><id>old</id><password>s3cret</password></server>',
					'+<url>https://x/y/</url>',
				],
			}),
			event(2, {type: 'step', step: 'build', status: 'active'}),
			event(3, {type: 'package', row: {name: 'b|ar', namespace: 'org.x', format: 'maven', latestVersion: '1.0', publish: '', upstream: '', state: 'seen'}}),
			event(4, {
				type: 'package',
				row: {
					name: 'b|ar',
					namespace: 'org.x',
					format: 'maven',
					latestVersion: '1.0',
					latestPublishDate: '2026-12-02T10:00:04Z',
					publish: 'BLOCK',
					upstream: 'ALLOW',
					state: 'confirmed',
				},
			}),
			event(5, {type: 'step', step: 'build', status: 'done'}),
			end(5, {packages: 1}),
		);
		const report = renderReport({records});
		expect(report).toContain(
			'```json\n{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid":"A","Effect":"Allow","Action":"x:Y","Resource":"*"},\n    {"Sid":"B","Effect":"Allow","Action":"z:W","Resource":"*"}\n  ]\n}\n```',
		);
		expect(report).toContain('- A: ask for a &lt;token&gt;');
		expect(report).toContain('+<password>${env.CODEARTIFACT_AUTH_TOKEN}</password>');
		expect(report).toContain(' <server><id>old</id><password>********</password></server>');
		expect(report).not.toContain('s3cret');
		expect(report).toContain('1 packages, 1 of them confirmed');
		expect(report).toContain('| `b\\|ar` | `org.x` | maven | `1.0` | 2026-12-02 10:00 UTC | BLOCK | ALLOW |');
		expect(await markdownProblems(report)).toEqual([]);
	});

	it('has a publish and verify section when the run published, and says it did not otherwise', async () => {
		const published = log(
			[0, {type: 'start', target: 'sandbox'}],
			event(0, {
				type: 'published',
				step: 'publish',
				domain: 'acme',
				repository: 'libs',
				format: 'generic',
				namespace: 'my-team',
				package: 'notes',
				version: '1.0.0',
				asset: {name: 'notes-1.0.0.tar.gz', bytes: 210, sha256: 'ab'.repeat(32)},
				origin: 'INTERNAL',
				publish: 'ALLOW',
				upstream: 'BLOCK',
			}),
			event(1, {type: 'verified', step: 'publish', package: 'notes', version: '1.0.0', sha256: 'ab'.repeat(32), matches: true, files: ['notes.txt']}),
			end(1, {}),
		);
		const report = renderReport({records: published});
		const section = report.slice(report.indexOf('## Publish and verify'), report.indexOf('## The concepts'));
		expect(section).toContain('- Published `my-team/notes@1.0.0` (generic) to `acme/libs`');
		expect(section).toContain(`- Asset \`notes-1.0.0.tar.gz\`, 210 bytes, SHA-256 \`${'ab'.repeat(32)}\``);
		expect(section).toContain('- Origin INTERNAL; publish ALLOW, upstream BLOCK');
		expect(section).toContain('- Downloaded back: SHA-256 matches; the archive holds `notes.txt`');
		expect(await markdownProblems(report)).toEqual([]);
		expect(renderReport({records: log([0, {type: 'start', target: 'sandbox'}], end(0, {}))})).toContain('## Publish and verify\n\nNot published in this run.');
	});

	it('explains each concept in plain words, and a run with no step is still valid Markdown', async () => {
		const report = renderReport({records: []});
		for (const term of [
			'Domain',
			'Repository',
			'Upstream',
			'External connection',
			'IAM policy',
			'IAM role',
			'Instance profile',
			'Authorization token',
			'settings.xml server',
			'settings.xml mirror',
		])
			expect(report).toContain(`- **${term}**: `);
		expect(report).toContain('No step started.');
		expect(await markdownProblems(report)).toEqual([]);
	});
});
