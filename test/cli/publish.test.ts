import {execFile} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {ledgerFileName, RunLedger} from '../../source/wizard/ledger.js';
import {cliPath} from '../helpers/cli-process.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';

// The built CLI's `publish`, as a person runs it against a running sandbox: the sample file
// published, checked and unpacked; the same version again explained, with the next one named.

const execFileAsync = promisify(execFile);
type Outcome = {code: number; stdout: string; stderr: string};

const sandbox = useSandbox();
const temporary = temporaryDirectory('ca-wizard-publish-cli-');
afterAll(() => rmSync(temporary, {recursive: true, force: true}));

async function cli(...args: string[]): Promise<Outcome> {
	const env = {...process.env, ...sandbox.current.env, CI: 'true', TMPDIR: temporary};
	try {
		const {stdout, stderr} = await execFileAsync(process.execPath, [cliPath, ...args], {cwd: temporary, env, encoding: 'utf8'});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failure = error as Outcome;
		return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr};
	}
}

describe('ca-wizard publish, the built CLI', {timeout: 60_000}, () => {
	const target = () => ['--sandbox-url', sandbox.current.endpoint, '--domain', 'shop', '--repository', 'tools'];
	beforeAll(async () => {
		const aws = await createAwsApis({kind: 'sandbox', ...sandbox.current});
		await aws.codeartifact.createDomain('shop');
		await aws.codeartifact.createRepository('shop', 'tools', {});
	});

	it('publishes a sample file, shows its SHA-256 and the package, downloads, checks and unpacks it', async () => {
		const run = await cli('publish', ...target());
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		const [, sha] = /^SHA-256 ([0-9a-f]{64})$/m.exec(run.stdout) ?? [];
		expect(sha).toBeDefined();
		expect(run.stdout).toMatch(/^Packed \S+hello-ca-wizard\.txt into hello-ca-wizard-1\.0\.0\.tar\.gz \(\d+ B\)\.$/m);
		expect(run.stdout).toMatch(/altered or cut short in transit/);
		expect(run.stdout).toMatch(/^Published ca-wizard\/hello-ca-wizard 1\.0\.0 to shop\/tools:$/m);
		expect(run.stdout).toMatch(/^ {2}ca-wizard\/hello-ca-wizard {2}1\.0\.0 +\d{4}-\d\d-\d\d {2}INTERNAL {2}ALLOW +BLOCK$/m);
		expect(run.stdout).toContain(
			`Downloaded hello-ca-wizard-1.0.0.tar.gz back from the repository:\n  its SHA-256 matches the published one (${sha!.slice(0, 12)}…).`,
		);
		const [, unpacked] = /^Unpacked into (\S+):\n {2}hello-ca-wizard\.txt {2}\d+ B$/m.exec(run.stdout) ?? [];
		expect(readFileSync(join(unpacked!, 'hello-ca-wizard.txt'), 'utf8')).toMatch(/^Hello from ca-wizard\./);
		// Every line but those naming the temporary folder fits 80 columns.
		for (const line of run.stdout.split('\n').filter(text => !text.includes(temporary))) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('explains the same version again, names the next free one and exits 1 (a JSON error event with --json)', async () => {
		const again = await cli('publish', ...target());
		expect(again.code).toBe(1);
		expect(again.stdout).toBe('');
		expect(again.stderr).toMatch(/^ca-wizard: ca-wizard\/hello-ca-wizard 1\.0\.0 is already published in shop\/tools\./);
		expect(again.stderr).toMatch(
			/ {2}fix: Publish it as the next free version: (?:ca-wizard|node \S+cli\.cjs) publish --domain shop --repository tools --sandbox-url \S+ --version 1\.0\.1\n$/,
		);

		const json = await cli('publish', ...target(), '--json');
		expect(json.code).toBe(1);
		expect(JSON.parse(json.stdout)).toMatchObject({type: 'error', code: 'VersionExists', fix: expect.stringMatching(/--version 1\.0\.1$/) as string});
	});

	it('publishes to the repository the last wizard run chose, as its run record names it (the store it added upstream comes after)', async () => {
		const workDir = join(temporary, 'work');
		const ledger = await RunLedger.open(join(workDir, ledgerFileName));
		const {accountId, region} = sandbox.current;
		await ledger.reused({
			kind: 'domain',
			name: 'shop',
			arn: `arn:aws:codeartifact:${region}:${accountId}:domain/shop`,
			details: {domain: 'shop', owner: accountId},
		});
		for (const repository of ['tools', 'maven-central-store'])
			await ledger.reused({
				kind: 'repository',
				name: repository,
				arn: `arn:aws:codeartifact:${region}:${accountId}:repository/shop/${repository}`,
				details: {domain: 'shop', repository},
			});
		const run = await cli('publish', '--sandbox-url', sandbox.current.endpoint, '--workdir', workDir, '--package', 'from-record');
		expect(run.stderr).toBe('');
		expect(run.stdout).toMatch(/^Published ca-wizard\/from-record 1\.0\.0 to shop\/tools:$/m);
	});

	it('refuses a version CodeArtifact would refuse before any call (exit 2)', async () => {
		const refused = await cli('publish', ...target(), '--version', '1.0 beta');
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/--version.*1–255 characters, none of them #, \/ or a space/);
	});
});
