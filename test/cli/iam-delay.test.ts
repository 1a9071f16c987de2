import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {cliPath, startSandboxProcess} from '../helpers/cli-process.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {offlineMavenCentral, temporaryDirectory} from '../helpers/sandbox.js';

// A sandbox whose IAM changes take five seconds to take effect, as AWS's take a while: the
// wizard, on it from another shell, fixes the build host's access, waits for the fix to reach
// the host (saying so), and goes on to a green build.

const run = promisify(execFile);
const children: {kill: (signal?: NodeJS.Signals) => boolean}[] = [];
afterAll(() => {
	for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('ca-wizard sandbox --iam-delay 5, and the wizard on it', {timeout: 240_000}, () => {
	it('the token step waits for the attached policy to take effect, shows it waiting, and the run ends green', async () => {
		expect(mavenUnavailable()).toBeUndefined();
		const data = temporaryDirectory();
		const sandbox = await startSandboxProcess(['--port', '0', '--data', data, '--iam-delay', '5', '--maven-central', offlineMavenCentral]);
		children.push(sandbox.child);
		expect(sandbox.stderr()).toContain('IAM and instance-profile changes take effect after 5 s (--iam-delay)');

		// As a person in a second shell: the sandbox's lines from `sandbox env`, then the wizard with every default.
		const env: NodeJS.ProcessEnv = {...process.env, CI: 'true'};
		for (const name of Object.keys(env)) if (name.startsWith('AWS_')) delete env[name];
		const script = 'eval "$(node "$0" sandbox env --data "$1")" && node "$0" --sandbox-url "$AWS_ENDPOINT_URL" --yes --local-repository throwaway';
		const {stdout} = await run('sh', ['-c', script, cliPath, data], {cwd: temporaryDirectory(), env, maxBuffer: 16 * 1024 * 1024});

		const lines = stdout.split('\n');
		const at = (pattern: RegExp) => lines.findIndex(line => pattern.test(line));
		const attached = at(/Attach(ed|ing) .*build-host-role/);
		const waiting = at(/Waiting for the change to reach the build host \(up to \d+ s more\)/);
		const granted = at(/The build host got a token/);
		expect(attached, stdout).toBeGreaterThan(-1);
		// Refused at first after the fix (the policy has not reached the host), then granted: in that order.
		expect(waiting, stdout).toBeGreaterThan(attached);
		expect(granted, stdout).toBeGreaterThan(waiting);
		expect(stdout).toContain('BUILD SUCCESS');
	});
});
