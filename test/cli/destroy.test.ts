import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/cli-process.js';
import {isChange, useCountingProxy} from '../helpers/counting-proxy.js';
import {journeyOn} from '../helpers/journey.js';
import {useSandbox} from '../helpers/sandbox.js';
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
});
