import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {settingsDiff} from '../../source/maven/settings-xml.js';
import type {Plan} from '../../source/wizard/plan.js';
import {canarySettings} from '../helpers/canary-settings.js';
import {isRead, useCountingProxy, type ProxiedOperation} from '../helpers/counting-proxy.js';
import {journeyOn} from '../helpers/journey.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// --dry-run against a started sandbox, every request counted by a proxy in front of it: the
// dry run sends reads only, its plan lists what a run makes, and a real run afterwards makes
// exactly that (the same operations, in the same order, on the same names).

const sandbox = useSandbox();
const proxy = useCountingProxy(sandbox);
const journey = journeyOn(sandbox);

/** What reached the sandbox during `run`. */
async function counted<T>(run: () => Promise<T>): Promise<{value: T; operations: ProxiedOperation[]}> {
	proxy.operations.length = 0;
	const value = await run();
	return {value, operations: [...proxy.operations]};
}

/** The parameters a plan entry and the request it predicts both name, compared loosely in case (domain ↔ domain, roleName ↔ RoleName). */
function keyParameters(parameters: Record<string, string>): Record<string, string> {
	const keys: Record<string, string> = {
		domain: 'domain',
		repository: 'repository',
		externalconnection: 'external-connection',
		rolename: 'RoleName',
		policyname: 'PolicyName',
		policyarn: 'PolicyArn',
	};
	const found: Record<string, string> = {};
	for (const [key, value] of Object.entries(parameters)) {
		const canonical = Object.entries(keys).find(([plain, wire]) => plain === key.toLowerCase() || wire === key)?.[0];
		if (canonical) found[canonical] = value;
	}
	return found;
}

describe('ca-wizard --dry-run on the sandbox', () => {
	const workDir = temporaryDirectory('ca-wizard-dry-run-');
	const settingsPath = join(workDir, 'settings.xml');
	let plan: Plan | undefined;

	it('on an empty account, sends no mutating request and plans the whole journey', async () => {
		const host = new ScriptedHost();
		const {value, operations} = await counted(() => journey(host, {workDir, endpoint: proxy.url, dryRun: true}));
		expect(value.result.status).toBe('completed');
		// The refusal is a warning; its fix is only planned, so nothing says it was fixed.
		expect(host.of('warning').map(event => event.problem.code)).toEqual(['denied-token']);
		expect(host.of('fixed')).toEqual([]);
		expect(operations.length).toBeGreaterThan(0); // the proxy sees the run: zero writes below means something
		expect(operations.filter(operation => !isRead(operation))).toEqual([]);
		expect(operations.some(operation => operation.operation === 'GetAuthorizationToken')).toBe(true); // the build host's token request is really made

		plan = value.plan;
		expect(plan?.calls.map(call => call.operation)).toEqual([
			'CreateDomain',
			'CreateRepository',
			'CreateRepository',
			'AssociateExternalConnection',
			'UpdateRepository',
			'CreatePolicy',
			'AttachRolePolicy',
			'PublishPackageVersion',
		]);
		expect(plan?.calls.find(call => call.operation === 'AttachRolePolicy')?.parameters).toMatchObject({roleName: 'build-host-role'}); // the fix, on the sandbox host's own role
		expect(plan?.calls.at(-1)?.parameters).toMatchObject({package: 'ca-wizard/hello-ca-wizard', version: '1.0.0'}); // the publish, planned, not made
		const settings = plan?.files.find(file => file.path === settingsPath);
		expect(settings?.change).toBe('create');
		expect(settings?.lines.some(line => line.startsWith('+') && line.includes('/d/ca-wizard-demo-'))).toBe(true);
		expect(plan?.files.map(file => file.change)).toContain('copy'); // the demo project
		// Nothing written: no settings.xml, no run record, no demo copy.
		expect(existsSync(settingsPath)).toBe(false);
		expect(existsSync(value.ledgerPath)).toBe(false);
		expect(existsSync(join(workDir, 'demo-project'))).toBe(false);
	});

	it('a real run afterwards makes exactly what the plan listed, and writes the planned settings.xml', async () => {
		expect(plan).toBeDefined();
		const {value, operations} = await counted(() => journey(new ScriptedHost(), {workDir, endpoint: proxy.url}));
		expect(value.result.status).toBe('completed');
		const made = operations.filter(operation => !isRead(operation));
		expect(made.map(operation => operation.operation)).toEqual(plan?.calls.map(call => call.operation));
		made.forEach((operation, index) => expect(keyParameters(operation.parameters)).toEqual(keyParameters(plan?.calls[index]?.parameters ?? {})));
		expect(settingsDiff('', readFileSync(settingsPath, 'utf8'), settingsPath)).toEqual(plan?.files.find(file => file.path === settingsPath)?.lines);
	});

	it('on an account that already has everything, plans nothing but a publish, of the next free version', async () => {
		const {value, operations} = await counted(() => journey(new ScriptedHost(), {workDir, endpoint: proxy.url, dryRun: true}));
		expect(value.result.status).toBe('completed');
		expect(operations.filter(operation => !isRead(operation))).toEqual([]);
		// A published version never changes: each run publishes one more.
		expect(value.plan).toEqual({
			calls: [expect.objectContaining({operation: 'PublishPackageVersion', parameters: expect.objectContaining({version: '1.0.1'})})],
			files: [],
		});
	});

	it('on an account that already has everything, told not to publish, plans nothing', async () => {
		const {value, operations} = await counted(() => journey(new ScriptedHost({publish: false}), {workDir, endpoint: proxy.url, dryRun: true}));
		expect(value.result.status).toBe('completed');
		expect(operations.filter(operation => !isRead(operation))).toEqual([]);
		expect(value.plan).toEqual({calls: [], files: []});
	});

	it("with another settings.xml, plans only its change: a diff with the user's secrets masked, the file left as it was", async () => {
		const otherDir = temporaryDirectory('ca-wizard-dry-run-settings-');
		const {value, operations} = await counted(() =>
			journey(new ScriptedHost({publish: false}), {workDir: otherDir, endpoint: proxy.url, dryRun: true, settings: canarySettings}),
		);
		expect(value.result.status).toBe('completed');
		expect(operations.filter(operation => !isRead(operation))).toEqual([]);
		expect(value.plan?.calls).toEqual([]);
		const change = value.plan?.files.find(file => file.path === value.settingsPath);
		expect(change?.change).toBe('modify');
		expect(change?.lines.some(line => line.startsWith('+') && line.includes('<mirrorOf>'))).toBe(true);
		expect(change?.lines.join('\n')).not.toContain('canary');
		expect(readFileSync(value.settingsPath, 'utf8')).toBe(canarySettings);
	});
});

describe('ca-wizard --dry-run for a host with no instance profile', () => {
	const sandbox = useSandbox({scenario: 'no-profile'});
	const proxy = useCountingProxy(sandbox);
	const journey = journeyOn(sandbox);

	it("plans the wizard's role and profile and their association, and a real run then makes exactly those", async () => {
		const workDir = temporaryDirectory('ca-wizard-dry-run-profile-');
		proxy.operations.length = 0;
		const dry = await journey(new ScriptedHost(), {workDir, endpoint: proxy.url, dryRun: true});
		expect(dry.result.status).toBe('completed');
		expect(proxy.operations.filter(operation => !isRead(operation))).toEqual([]);
		const planned = dry.plan?.calls.map(call => call.operation);
		expect(planned?.slice(-6)).toEqual([
			'CreateRole',
			'AttachRolePolicy',
			'CreateInstanceProfile',
			'AddRoleToInstanceProfile',
			'AssociateIamInstanceProfile',
			'PublishPackageVersion',
		]);

		proxy.operations.length = 0;
		const real = await journey(new ScriptedHost(), {workDir, endpoint: proxy.url});
		expect(real.result.status).toBe('completed');
		expect(proxy.operations.filter(operation => !isRead(operation)).map(operation => operation.operation)).toEqual(planned);
	});
});
