import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {useCountingProxy} from '../helpers/counting-proxy.js';
import {proxiedWizard} from '../helpers/proxied-wizard.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';

// --participant is checked before the first AWS call: the built CLI talks to a sandbox through
// a proxy that counts what reaches it, and a refusal must leave it at zero.
describe('the built CLI with --participant', () => {
	const sandbox = useSandbox();
	const proxy = useCountingProxy(sandbox);
	const wizard = proxiedWizard(sandbox, proxy);

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
		const folder = join(temporaryDirectory(), 'ca-wizard-work-p1');
		mkdirSync(folder);
		const record = {
			version: 2,
			startedAt: new Date().toISOString(),
			participant: 'p1',
			resources: [{kind: 'domain', name: 'p1-ca-wizard-demo', state: 'created'}],
		};
		writeFileSync(join(folder, 'ca-wizard-run.json'), JSON.stringify(record));
		const outcome = await wizard(['--participant', 'p2', '--workdir', folder, '--yes']);
		expect(outcome.code).toBe(2);
		expect(outcome.stderr + outcome.stdout).toContain(`The work folder ${folder} holds the run of participant p1, not of participant p2`);
		expect(outcome.stderr + outcome.stdout).toContain('Pass --participant p1 to continue that run, or pass another folder with --workdir DIR');
		expect(outcome.requests).toEqual([]);
	});
});
