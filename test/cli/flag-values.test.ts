import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {useCountingProxy} from '../helpers/counting-proxy.js';
import {proxiedWizard} from '../helpers/proxied-wizard.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';

// Every flag value is checked before the first AWS call: the built CLI talks to a sandbox
// through a proxy that counts what reaches it, and a refused value must leave it at zero.
describe('the built CLI refuses a bad flag value before any request', () => {
	const sandbox = useSandbox();
	const proxy = useCountingProxy(sandbox);

	const wizard = proxiedWizard(sandbox, proxy);

	it('counts what the wizard asks of the sandbox (the check of this test itself)', async () => {
		// Without --yes the run stops early, at the project question, or before it where no JDK is
		// on the PATH (the fast tests run without one): after the preflight's calls either way.
		const outcome = await wizard(['--domain', 'counted']);
		expect(outcome.code).not.toBe(0);
		expect(outcome.stdout + outcome.stderr).toMatch(/pass --project-choice VALUE|JavaMissing/);
		expect(outcome.requests.length).toBeGreaterThan(0);
	});

	it.each([
		[['--local-repository', 'bogus'], '--local-repository "bogus" is not accepted: choose one of throwaway, user.'],
		[['--write-settings', 'maybe'], '--write-settings "maybe" is not accepted: answer yes or no.'],
		[
			['--token-fix', 'bogus'],
			'--token-fix "bogus" is not accepted: choose one of attach-to-current-role, associate-profile, replace-association, wait-and-retry, refresh-credentials, check-domain-and-region, stop.',
		],
		[['--create-access', 'sometimes'], '--create-access "sometimes" is not accepted: answer yes or no.'],
		[['--upstream', 'perhaps'], '--upstream "perhaps" is not accepted: answer yes or no.'],
		[['--replace-profile', 'later'], '--replace-profile "later" is not accepted: answer yes or no.'],
		[['--project-choice', 'bogus'], '--project-choice "bogus" is not accepted: choose one of current, demo.'],
		[
			['--instances', 'i-0123456789abcdef0,build-host-2'],
			'--instances "i-0123456789abcdef0,build-host-2" is not accepted: "build-host-2" is not an instance id; list ids like i-0123456789abcdef0, comma-separated, or none.',
		],
		[
			['--description', 'Maven \u001b[31mred'],
			'--description "Maven \\u{1B}[31mred" is not accepted: The description may not contain U+001B. A description has at most 1000 characters, none of them control or format characters.',
		],
		[
			['--description', 'x'.repeat(1001)],
			`--description "${'x'.repeat(60)}…" is not accepted: The description is too long (1001 characters). A description has at most 1000 characters, none of them control or format characters.`,
		],
		[['--domain-owner', '12345'], '--domain-owner "12345" is not accepted: takes the 12-digit id of the AWS account that owns the domain, e.g. 123456789012.'],
		[
			['--domain-owner', '12345678901a'],
			'--domain-owner "12345678901a" is not accepted: takes the 12-digit id of the AWS account that owns the domain, e.g. 123456789012.',
		],
		[['--domain', 'Bad_Name'], '--domain "Bad_Name" is not accepted: Domain name may not contain uppercase letters ("B").'],
		[
			['--repository', 'maven-central-store'],
			'--repository "maven-central-store" is not accepted: maven-central-store is the upstream the wizard manages; choose another name.',
		],
	])('%s …: one line naming the flag and what it accepts, exit 2, no request', async (args, message) => {
		const outcome = await wizard(['--yes', ...args]);
		expect(outcome.code).toBe(2);
		expect(outcome.stderr.startsWith(`ca-wizard: ${message}`), outcome.stderr).toBe(true);
		expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(outcome.stderr).not.toContain('\u001b'); // a control character typed in a value never reaches the terminal raw
		expect(outcome.requests).toEqual([]);
	});

	it('--project-choice is not ignored next to --project: the two together are refused', async () => {
		const outcome = await wizard(['--yes', '--project-choice', 'bogus', '--project', temporaryDirectory()]);
		expect(outcome.code).toBe(2);
		expect(outcome.stderr).toContain('--project-choice "bogus" is not accepted');
		const both = await wizard(['--yes', '--project-choice', 'demo', '--project', temporaryDirectory()]);
		expect(both.code).toBe(2);
		expect(both.stderr).toMatch(/--project DIR already chooses the project to build; --project-choice is for a run without it/);
		expect([...outcome.requests, ...both.requests]).toEqual([]);
	});

	it('--config FILE is checked like the command line, before any request: a bad value, an unknown key, a file that is not JSON', async () => {
		const folder = temporaryDirectory('ca-wizard-config-');
		const file = (name: string, text: string) => {
			writeFileSync(join(folder, name), text);
			return join(folder, name);
		};
		const owner = await wizard(['--config', file('owner.json', '{"domain-owner": "abc"}')]);
		expect(owner.stderr).toMatch(/^ca-wizard: --domain-owner "abc" is not accepted: takes the 12-digit id/);
		const unknown = await wizard(['--config', file('unknown.json', '{"repositroy": "libs"}')]);
		expect(unknown.stderr).toContain('unknown.json: unknown option "repositroy"; did you mean "repository"?');
		const broken = await wizard(['--config', file('broken.json', '{\n  "yes": true,\n}\n')]);
		expect(broken.stderr).toContain(`${join(folder, 'broken.json')}:3:1: not valid JSON`);
		expect(broken.stderr).toContain('Fix the file at line 3, column 1');
		for (const outcome of [owner, unknown, broken]) expect(outcome.code).toBe(2);
		expect([...owner.requests, ...unknown.requests, ...broken.requests]).toEqual([]);
	});
});
