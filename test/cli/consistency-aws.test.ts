import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/cli-process.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {offlineMavenCentral, temporaryDirectory} from '../helpers/sandbox.js';

// The wizard's whole journey on its embedded sandbox with AWS's delays: the IAM change takes 10 s
// to reach the build host, and what Maven fetches through the upstream is listed only later. The
// run waits out each one, saying so, and ends green. The listing lag is set above the default
// (5 s) so that the wait after the build is certain however slowly javac runs on a loaded
// machine: with 5 s, a compile longer than that would leave nothing unlisted to wait for.

const run = promisify(execFile);

describe('ca-wizard --sandbox --yes --consistency aws', {timeout: 240_000}, () => {
	it('waits for the fix to reach the build host and for the listing to catch up, shows both waits, and the run ends green', async () => {
		expect(mavenUnavailable()).toBeUndefined();
		const workDir = temporaryDirectory();
		const args = [cliPath, '--sandbox', '--yes', '--consistency', 'aws', '--listing-lag', '20', '--maven-central', offlineMavenCentral, '--workdir', workDir];
		const {stdout} = await run(process.execPath, args, {cwd: temporaryDirectory(), env: {...process.env, CI: 'true'}, maxBuffer: 16 * 1024 * 1024});

		const lines = stdout.split('\n');
		const at = (pattern: RegExp) => lines.findIndex(line => pattern.test(line));
		const attached = at(/Attach(ed|ing) .*build-host-role/);
		const tokenWait = at(/Waiting for the change to reach the build host \(up to \d+ s more\)/);
		const granted = at(/The build host got a token/);
		expect(attached, stdout).toBeGreaterThan(-1);
		expect(tokenWait, stdout).toBeGreaterThan(attached);
		expect(granted, stdout).toBeGreaterThan(tokenWait);

		const built = at(/BUILD SUCCESS$/);
		const listingWait = at(/Waiting for CodeArtifact to list \d+ packages? Maven fetched \(up to \d+ s more\)…/);
		const counted = at(/^\s+\d+ packages in maven-repo$/);
		expect(built, stdout).toBeGreaterThan(granted);
		expect(listingWait, stdout).toBeGreaterThan(built);
		expect(counted, stdout).toBeGreaterThan(listingWait);
		// Caught up within the wait: every package the build counts was confirmed against the listing, and no lag note.
		const confirmed = lines.filter(line => / is in the repository$/.test(line)).length;
		expect(Number(/(\d+) packages in maven-repo/.exec(lines[counted] ?? '')?.[1])).toBe(confirmed);
		expect(stdout).not.toContain('but not listed yet');
		expect(stdout).toMatch(/BUILD SUCCESS: \d+ packages now in maven-repo/);
		// The summary's restart line starts the sandbox again with the same delays.
		expect(stdout).toMatch(/ sandbox --data \S+ --port \d+ --consistency aws --listing-lag 20\b/);
	});
});
