import {execFile} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/cli-process.js';
import {useCountingProxy} from '../helpers/counting-proxy.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';

const run = promisify(execFile);
type Outcome = {code: number; stdout: string; stderr: string};

// --participant is checked before the first AWS call: the built CLI talks to a sandbox through
// a proxy that counts what reaches it, and a refusal must leave it at zero.
describe('the built CLI with --participant', () => {
	const sandbox = useSandbox();
	const proxy = useCountingProxy(sandbox);

	async function wizard(args: string[], cwd = temporaryDirectory()): Promise<Outcome & {requests: string[]}> {
		proxy.requests.length = 0;
		const env: NodeJS.ProcessEnv = {
			...process.env,
			...sandbox.current.env,
			AWS_ENDPOINT_URL: proxy.url,
			AWS_EC2_METADATA_SERVICE_ENDPOINT: `${proxy.url}/`,
			CI: 'true',
		};
		const outcome = await run(process.execPath, [cliPath, '--sandbox-url', proxy.url, ...args], {env, cwd}).then(
			({stdout, stderr}) => ({code: 0, stdout, stderr}),
			(error: Outcome) => error,
		);
		return {...outcome, requests: [...proxy.requests]};
	}

	it('a good name reaches the sandbox (the check of this test itself)', async () => {
		const outcome = await wizard(['--participant', 'p1']);
		expect(outcome.code).not.toBe(0); // no --yes and no terminal: it stops at the first question
		expect(outcome.requests.length).toBeGreaterThan(0);
	});

	it.each([
		['P7', 'may not contain uppercase letters', 'try p7'],
		['7', 'must start with a lowercase letter', '(e.g. p7, alice)'],
		['p7-', 'may neither end with a hyphen nor hold two in a row', 'try p7'],
		['participant-number-seven', 'is too long (24 characters)', 'try participant-number'],
	])('refuses %j with the rule and a fix, exit 2, and no request', async (name, wrong, fix) => {
		const outcome = await wizard(['--participant', name, '--yes']);
		expect(outcome.code).toBe(2);
		expect(outcome.stderr).toContain(`--participant "${name}" is not accepted: a participant name ${wrong}; it takes 1–20 characters`);
		expect(outcome.stderr).toContain(fix);
		expect(outcome.requests).toEqual([]);
	});

	it("refuses a work folder holding another participant's run, naming both and the way out, before any request", async () => {
		const cwd = temporaryDirectory();
		// p1's default folder, holding p1's run record.
		mkdirSync(join(cwd, 'ca-wizard-work-p1'));
		const record = {
			version: 2,
			startedAt: new Date().toISOString(),
			participant: 'p1',
			resources: [{kind: 'domain', name: 'p1-ca-wizard-demo', state: 'created'}],
		};
		writeFileSync(join(cwd, 'ca-wizard-work-p1', 'ca-wizard-run.json'), JSON.stringify(record));
		const outcome = await wizard(['--participant', 'p2', '--workdir', 'ca-wizard-work-p1', '--yes'], cwd);
		expect(outcome.code).toBe(2);
		expect(outcome.stderr + outcome.stdout).toContain('holds the run of participant p1, not of participant p2');
		expect(outcome.stderr + outcome.stdout).toContain('Pass --participant p1 to continue that run, or pass another folder with --workdir DIR');
		expect(outcome.requests).toEqual([]);
	});
});
