import {execFile} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/cli-process.js';
import {isChange, useCountingProxy} from '../helpers/counting-proxy.js';
import {journeyOn} from '../helpers/journey.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

const run = promisify(execFile);
type Outcome = {code: number; stdout: string; stderr: string};

describe('the built CLI: ca-wizard destroy', () => {
	const sandbox = useSandbox();
	const journey = journeyOn(sandbox);
	const proxy = useCountingProxy(sandbox);

	async function destroy(workDir: string, ...args: string[]): Promise<Outcome & {requests: string[]}> {
		proxy.requests.length = 0;
		const env = {...process.env, ...sandbox.current.env, CI: 'true'};
		const outcome = await run(process.execPath, [cliPath, 'destroy', '--sandbox-url', proxy.url, '--workdir', workDir, ...args], {env}).then(
			({stdout, stderr}) => ({code: 0, stdout, stderr}),
			(error: Outcome) => error,
		);
		return {...outcome, requests: [...proxy.requests]};
	}

	it('--dry-run shows the plan and changes nothing; without a terminal it asks for --yes before any request; --yes removes it all', async () => {
		const {result, workDir, settingsPath, aws, ledger} = await journey(new ScriptedHost({domain: 'cli-destroy'}));
		expect(result.status).toBe('completed');
		const created = ledger.resources.length; // every one of them is removed
		const settings = readFileSync(settingsPath);

		const dry = await destroy(workDir, '--dry-run');
		expect(dry.code).toBe(0);
		expect(dry.requests.filter(isChange)).toEqual([]); // it reads the tags, and changes nothing
		expect(dry.stdout).toContain('  - domain cli-destroy');
		expect(dry.stdout).toContain('Dry run: nothing was changed.');
		expect(readFileSync(settingsPath)).toEqual(settings);

		const unasked = await destroy(workDir);
		expect(unasked).toMatchObject({code: 2, requests: []});
		expect(unasked.stderr).toContain('--yes');

		const done = await destroy(workDir, '--yes', '--json');
		expect(done.code).toBe(0);
		expect(done.requests.length).toBeGreaterThan(0); // the proxy sees what the CLI sends: the dry run's zero means something
		const events = done.stdout
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as {type: string});
		expect(events.at(-1)).toEqual({type: 'destroy-result', removed: created, failed: 0});
		expect(await aws.codeartifact.describeDomain('cli-destroy')).toBeUndefined();
		expect(await aws.iam.getRole('ca-wizard-build-host')).toBeUndefined();
	});

	it('the undo command a stopped run prints works when pasted, and so does the one a run that failed before its journey prints', async () => {
		const cwd = temporaryDirectory('ca-wizard-paste-');
		const workDir = join(cwd, 'my work'); // a space: the printed command must quote it
		// ca-wizard on the PATH, as an installed one would be: the printed commands then start with `ca-wizard`.
		const bin = temporaryDirectory('ca-wizard-bin-');
		writeFileSync(join(bin, 'ca-wizard'), `#!/bin/sh\nexec '${process.execPath}' '${cliPath}' "$@"\n`, {mode: 0o755});
		const env: NodeJS.ProcessEnv = {...process.env, ...sandbox.current.env, CI: 'true', PATH: `${bin}:${process.env['PATH'] ?? ''}`};
		const wizard = (environment: NodeJS.ProcessEnv) =>
			run(
				process.execPath,
				[cliPath, '--sandbox-url', sandbox.current.endpoint, '--yes', '--json', '--token-fix', 'stop', '--domain', 'pasted', '--workdir', workDir],
				{
					env: environment,
					cwd,
				},
			).then(
				({stdout, stderr}) => ({code: 0, stdout, stderr}),
				(error: Outcome) => error,
			);
		const undoLine = (stdout: string) =>
			stdout
				.split('\n')
				.flatMap(line => (line.startsWith('{') ? [JSON.parse(line) as {type: string; message?: string}] : []))
				.find(event => event.type === 'note' && event.message?.startsWith('To undo what ca-wizard created here: '))
				?.message?.replace('To undo what ca-wizard created here: ', '');

		const stopped = await wizard(env);
		expect(stopped.code).toBe(1);
		const command = undoLine(stopped.stdout);
		expect(command).toBe(`ca-wizard destroy --workdir '${workDir}' --sandbox-url ${sandbox.current.endpoint}`);

		const withoutCredentials = {...env};
		delete withoutCredentials['AWS_ACCESS_KEY_ID'];
		const early = await wizard(withoutCredentials);
		expect(early.code).toBe(1);
		expect(early.stdout).toContain('SandboxCredentialsMissing');
		expect(undoLine(early.stdout)).toBe(command);

		// Pasted into that shell.
		const pasted = await run('/bin/sh', ['-c', `${command} --yes`], {env, cwd});
		expect(pasted.stdout).toMatch(/Removed \d+, could not remove 0:/);
		const aws = await createAwsApis({kind: 'sandbox', endpoint: sandbox.current.endpoint, region: sandbox.current.region, admin: sandbox.current.admin});
		expect(await aws.codeartifact.describeDomain('pasted')).toBeUndefined();
	});
});
