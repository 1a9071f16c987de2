import {AttachRolePolicyCommand, DetachRolePolicyCommand, IAMClient, ListAttachedRolePoliciesCommand} from '@aws-sdk/client-iam';
import {CodeartifactClient, GetAuthorizationTokenCommand} from '@aws-sdk/client-codeartifact';
import {readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {checkIds} from '../../source/wizard/doctor/checks.js';
import {filesUnder, hostCommands} from '../helpers/host-commands.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {adminConfig, temporaryDirectory, useSandbox} from '../helpers/sandbox.js';
import {ShiftedClock} from '../helpers/test-clock.js';

// `ca-wizard doctor` on a host the wizard set up, as a person runs it: green first; then each
// thing that breaks a build on day two (ids that disagree, a detached policy, an expired token in
// the shell, a wrong repository, no answer) is named with its fix, and nothing prints a token.

const clock = new ShiftedClock();
const sandbox = useSandbox({clock});
const workDir = temporaryDirectory();
const {cli, run} = hostCommands(sandbox, workDir);
const url = () => sandbox.current.endpoint;
const doctor = (args: string[] = [], env: NodeJS.ProcessEnv = {}) => cli(['doctor', '--sandbox-url', url(), ...args], env);
const settingsPath = () => join(workDir, 'ca-wizard-work', 'settings.xml');
const role = 'build-host-role';
/** Every sandbox token begins so: the base64url of `{"principalArn":`. Whatever token doctor got itself, this finds it. */
const sandboxTokenStart = Buffer.from('{"principalArn":').toString('base64url').slice(0, 20);

/** A copy of the wizard's settings.xml with `edit` applied, for --settings. */
function editedSettings(name: string, edit: (text: string) => string): string {
	const path = join(temporaryDirectory(), name);
	writeFileSync(path, edit(readFileSync(settingsPath(), 'utf8')));
	return path;
}

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}

async function freshToken(): Promise<string> {
	const {stdout, code, stderr} = await cli(['token', '--sandbox-url', url(), '--format', 'env']);
	expect(code, stderr).toBe(0);
	return /^CODEARTIFACT_AUTH_TOKEN=(\S+)\n$/.exec(stdout)?.[1] ?? '';
}

describe('ca-wizard doctor on a configured host', {timeout: 180_000}, () => {
	const outputs: string[] = [];
	const remember = <T extends {stdout: string; stderr: string}>(outcome: T): T => {
		outputs.push(outcome.stdout, outcome.stderr);
		return outcome;
	};

	beforeAll(async () => {
		expect(mavenUnavailable()).toBeUndefined();
		const setup = await cli(['--sandbox-url', url(), '--yes', '--local-repository', 'throwaway']);
		expect(setup.code, setup.stderr).toBe(0);
	}, 180_000);

	afterAll(() => {
		clock.shiftMs = 0;
	});

	it('is green on the configured host, in lines and in JSON without escape codes', async () => {
		const plain = remember(await doctor());
		expect(plain.code, plain.stdout + plain.stderr).toBe(0);
		const lines = plain.stdout.trimEnd().split('\n');
		expect(
			lines.slice(0, -1).every(line => line.startsWith('✔ ')),
			plain.stdout,
		).toBe(true);
		expect(lines.at(-1)).toBe('This host is ready to build through CodeArtifact.');
		expect(plain.stdout).toContain(`✔ Permissions: the policies of role ${role} allow codeartifact:GetAuthorizationToken`);
		expect(plain.stdout).toMatch(/✔ Repository request: GET http:\/\/\S+\/maven-metadata\.xml with this host's token answered 200/);

		const json = remember(await doctor(['--json']));
		expect(json.code).toBe(0);
		expect(json.stdout).not.toContain('\u001B');
		const results = json.stdout
			.trimEnd()
			.split('\n')
			.map(line => JSON.parse(line) as {id: string; status: string; message: string});
		expect(results.map(result => result.id)).toEqual(checkIds.filter(id => id !== 'env-token'));
		expect(results.every(result => result.status === 'ok')).toBe(true);
	});

	it('names a mirror and a server whose ids disagree', async () => {
		const path = editedSettings('ids.xml', text => text.replace(/(<server>\s*<id>)codeartifact/, '$1code-artifact'));
		const outcome = remember(await doctor(['--settings', path]));
		expect(outcome.code).toBe(1);
		expect(outcome.stdout).toContain('✖ settings.xml: mirror "codeartifact" has no <server> with its id (servers: "code-artifact")');
		expect(outcome.stdout).toContain('  fix: Give server "code-artifact" the id "codeartifact"');
	});

	it('tells 401, 404 and no answer apart over real HTTP', async () => {
		const token = await freshToken();
		const tampered = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
		const unauthorized = remember(await doctor([], {CODEARTIFACT_AUTH_TOKEN: tampered}));
		expect(unauthorized.code).toBe(1);
		expect(unauthorized.stdout).toMatch(/✖ CODEARTIFACT_AUTH_TOKEN: valid until .* answered 401 Unauthorized/);
		expect(unauthorized.stdout).toContain('fix: Build with `ca-wizard exec -- mvn …`');

		const wrongRepository = editedSettings('repo.xml', text => text.replaceAll('/maven/maven-repo/', '/maven/no-such-repo/'));
		const notFound = remember(await doctor(['--settings', wrongRepository]));
		expect(notFound.code).toBe(1);
		expect(notFound.stdout).toContain('✖ Repository: settings.xml names repository no-such-repo of domain ca-wizard-demo');
		expect(notFound.stdout).toMatch(/✖ Repository request: GET \S+\/no-such-repo\/\S+ with this host's token answered 404 Not Found/);

		const port = await closedPort();
		const nobody = editedSettings('port.xml', text => text.replaceAll(new URL(url()).host, `127.0.0.1:${port}`));
		const unreachable = remember(await doctor(['--settings', nobody]));
		expect(unreachable.code).toBe(1);
		expect(unreachable.stdout).toContain(`got no answer from 127.0.0.1:${port} (ECONNREFUSED)`);
	});

	it('a host without credentials: the identity check says so, and what needs it is not tried', async () => {
		const port = await closedPort();
		const outcome = remember(await doctor([], {AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${port}/`}));
		expect(outcome.code).toBe(1);
		expect(outcome.stdout).toContain('✖ Identity: No AWS credentials on the build host (sts:GetCallerIdentity)');
		expect(outcome.stdout).toContain("– Permissions: not checked: this host's identity is unknown.");
		expect(outcome.stdout).toMatch(/✖ Token: No AWS credentials on the build host/);
	});

	it("after the policy is detached from the host's role: the missing permissions, the fix, and a 403 for the token in the shell", async () => {
		const token = await freshToken();
		const iam = new IAMClient(adminConfig(sandbox.current));
		const attached = await iam.send(new ListAttachedRolePoliciesCommand({RoleName: role}));
		const policyArn = attached.AttachedPolicies?.find(policy => policy.PolicyName?.startsWith('ca-wizard-codeartifact-read'))?.PolicyArn;
		expect(policyArn).toBeDefined();
		await iam.send(new DetachRolePolicyCommand({RoleName: role, PolicyArn: policyArn}));
		try {
			const outcome = remember(await doctor([], {CODEARTIFACT_AUTH_TOKEN: token}));
			expect(outcome.code).toBe(1);
			expect(outcome.stdout).toMatch(
				new RegExp(
					`✖ Permissions: role ${role} may not:\\n  codeartifact:GetAuthorizationToken on arn:aws:codeartifact:\\S+:domain/ca-wizard-demo \\(no policy`,
				),
			);
			expect(outcome.stdout).toContain(`  fix: Attach the CodeArtifact read policy to role ${role} (recommended).`);
			expect(outcome.stdout).toMatch(/✖ Token: The build host may not ask for a token/);
			expect(outcome.stdout).toMatch(
				/✖ CODEARTIFACT_AUTH_TOKEN: .* answered 403 Forbidden: the token is good, but its owner may not codeartifact:ReadFromRepository/,
			);
			expect(outcome.stdout).toContain('– Repository request: not checked: this host got no token.');
		} finally {
			await iam.send(new AttachRolePolicyCommand({RoleName: role, PolicyArn: policyArn}));
		}
		expect(remember(await doctor()).code).toBe(0);
	});

	it("--participant NAME checks that participant's work folder (./ca-wizard-work-NAME), not the room's", async () => {
		const outcome = remember(await doctor(['--participant', 'p7']));
		expect(outcome.code).toBe(1);
		expect(outcome.stdout).toMatch(/✖ settings\.xml: there is no \S*\/ca-wizard-work-p7\/settings\.xml\./);
	});

	it('names the expiry of the token in the shell once it has run out', async () => {
		// A token asked for 17 minutes ago for 15 minutes: the sandbox's clock and the client's
		// (the SDK signs with the same offset) are set back, then the sandbox's is set right again.
		const shift = -17 * 60_000;
		clock.shiftMs = shift;
		const client = new CodeartifactClient({...adminConfig(sandbox.current), systemClockOffset: shift});
		const {authorizationToken} = await client.send(new GetAuthorizationTokenCommand({domain: 'ca-wizard-demo', durationSeconds: 900}));
		clock.shiftMs = 0;
		const outcome = remember(await doctor([], {CODEARTIFACT_AUTH_TOKEN: authorizationToken}));
		expect(outcome.code).toBe(1);
		expect(outcome.stdout).toMatch(/✖ CODEARTIFACT_AUTH_TOKEN: the token in this shell expired at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(2 min ago\)\./);
		expect(outcome.stdout).toContain('  fix: Build with `ca-wizard exec -- mvn …` (a fresh token each time), or run `eval "$(ca-wizard token)"`');
		expect(outcome.stdout).not.toContain(authorizationToken);
	});

	it('token canary: what token, exec and doctor print, and every file in the work folder, hold no token', async () => {
		const seenByChild = join(temporaryDirectory(), 'child-token');
		const token = remember(await cli(['token', '--sandbox-url', url()]));
		const exec = remember(await run('sh', ['-c', `ca-wizard exec --sandbox-url ${url()} -- sh -c 'printf %s "$CODEARTIFACT_AUTH_TOKEN" > ${seenByChild}'`]));
		expect(exec.code, exec.stderr).toBe(0);
		const childToken = readFileSync(seenByChild, 'utf8');
		expect(childToken).toMatch(new RegExp(`^${sandboxTokenStart}`));
		const checked = remember(await doctor(['--json'], {CODEARTIFACT_AUTH_TOKEN: childToken}));
		expect(checked.code).toBe(0);

		const printedToken = /CODEARTIFACT_AUTH_TOKEN=(\S+)/.exec(token.stdout)?.[1];
		expect(printedToken).toBeDefined();
		// stdout of `token` is the one place a token is meant to be: everything else is the canary.
		const elsewhere = outputs.filter(output => output !== token.stdout);
		for (const output of elsewhere) {
			expect(output).not.toContain(sandboxTokenStart);
			expect(output).not.toContain(childToken);
		}
		for (const path of filesUnder(workDir)) expect(readFileSync(path, 'latin1').includes(sandboxTokenStart), path).toBe(false);
	});
});
