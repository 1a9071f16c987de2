import {execFile} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import type {WizardEvent} from '../../source/wizard/events.js';
import {cliPath} from '../helpers/cli-process.js';
import {isRead, useCountingProxy} from '../helpers/counting-proxy.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';

const run = promisify(execFile);

// The built CLI's --dry-run without a terminal, against a running sandbox behind a proxy that
// sees every request: exit 0, reads only, and a final plan event that lists the changes.
describe('ca-wizard --dry-run, built, without a terminal', () => {
	const sandbox = useSandbox();
	const proxy = useCountingProxy(sandbox);

	const needsJava = mavenUnavailable() !== undefined && process.env['CI'] !== 'true';

	async function dryRun(workDir: string, ...args: string[]): Promise<{code: number; events: Array<WizardEvent | {type: 'answer'}>}> {
		const env: NodeJS.ProcessEnv = {...process.env, ...sandbox.current.env, AWS_EC2_METADATA_SERVICE_ENDPOINT: `${proxy.url}/`, CI: 'true'};
		const {code, stdout} = await run(process.execPath, [cliPath, '--sandbox-url', proxy.url, '--workdir', workDir, '--yes', '--dry-run', '--json', ...args], {
			env,
			cwd: workDir,
		}).then(
			({stdout}) => ({code: 0, stdout}),
			(error: {code: number; stdout: string}) => error,
		);
		const events = stdout
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as WizardEvent | {type: 'answer'});
		return {code, events};
	}
	const planOf = (events: Array<WizardEvent | {type: 'answer'}>) =>
		events.find((event): event is Extract<WizardEvent, {type: 'plan'}> => event.type === 'plan')?.plan;

	it.skipIf(needsJava)('ends with the plan, sends no mutating request and writes nothing', async () => {
		const workDir = temporaryDirectory('ca-wizard-dry-run-cli-');
		proxy.operations.length = 0;
		const {code, events} = await dryRun(workDir);
		expect(code).toBe(0);
		const plan = planOf(events);
		expect(plan?.calls.map(call => call.operation)).toEqual(expect.arrayContaining(['CreateDomain', 'CreatePolicy', 'AttachRolePolicy']));
		expect(plan?.files.map(file => file.path)).toContain(join(workDir, 'settings.xml'));
		expect(proxy.operations.length).toBeGreaterThan(0);
		expect(proxy.operations.filter(operation => !isRead(operation))).toEqual([]);
		expect(existsSync(join(workDir, 'settings.xml'))).toBe(false);
		expect(readdirSync(workDir)).toEqual([]); // no run record, no lock, no demo copy
	});

	it.skipIf(needsJava)('stopped early (the upstream declined), shows what it planned until then, and no undo command', async () => {
		const workDir = temporaryDirectory('ca-wizard-dry-run-cli-');
		const {code, events} = await dryRun(workDir, '--upstream', 'no');
		expect(code).toBe(1);
		expect(planOf(events)).toMatchObject({stopped: true, calls: [{operation: 'CreateDomain'}, {operation: 'CreateRepository'}]});
		expect(JSON.stringify(events)).not.toContain('To undo what ca-wizard created here');
	});
});
