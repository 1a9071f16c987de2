// createAwsApis as the bundled CLI runs it: built by esbuild with code splitting, in a child
// Node process whose module resolutions are recorded, so the test sees which SDK packages load
// when; and with an environment of its own, so the 'aws' target's SDK resolution (region,
// credential chain, endpoint and metadata endpoint from the environment) is exercised against
// the sandbox without touching this process's environment.
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {promisify} from 'node:util';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';

const run = promisify(execFile);

// Records every module URL the child resolves (ESM resolution hooks run on their own thread).
const hooks = `
import {appendFileSync} from 'node:fs';
let log;
export function initialize(data) { log = new URL(data.log); }
export async function resolve(specifier, context, next) {
	const result = await next(specifier, context);
	appendFileSync(log, result.url + '\\n');
	return result;
}
`;

// Creates the APIs for argv[2], then makes each call of argv[3] (["iam.getRole", "name"],
// ["buildHost.sts.getCallerIdentity"]), reporting the outcome and the SDK packages loaded so far.
const probe = `
import {register} from 'node:module';
import {readFileSync, writeFileSync} from 'node:fs';
const log = new URL('./resolved-' + process.pid + '.log', import.meta.url);
writeFileSync(log, '');
register('./hooks.mjs', import.meta.url, {data: {log: log.href}});
const packages = () => [...new Set(readFileSync(log, 'utf8').split('\\n').flatMap(url => /\\/node_modules\\/(@(?:aws-sdk|smithy)\\/[^/]+)\\//.exec(url)?.[1] ?? []))].sort();
const outcome = async run => {
	try {
		return {value: await run()};
	} catch (error) {
		return {error: {name: error.name, kind: error.kind, code: error.code, message: error.message}};
	}
};
const {createAwsApis} = await import('./create-aws-apis.js');
const report = [];
const created = await outcome(() => createAwsApis(JSON.parse(process.argv[2])));
report.push({step: 'createAwsApis', result: created.error ? created : {value: {region: created.value.region}}, packages: packages()});
for (const [call, ...args] of created.value ? JSON.parse(process.argv[3]) : []) {
	const path = call.split('.');
	const method = path.pop();
	const api = path.reduce((target, name) => (name === 'buildHost' ? target.buildHost() : target[name]), created.value);
	report.push({step: call, result: await outcome(() => api[method](...args)), packages: packages()});
}
console.log(JSON.stringify(report));
`;

interface Step {
	step: string;
	result: {value?: unknown; error?: {name: string; kind?: string; code?: string; message: string}};
	packages: string[];
}

describe('createAwsApis in the bundled CLI', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	let bundle = '';
	let home = '';

	beforeAll(async () => {
		// Inside node_modules so that the bundle's bare imports of SDK packages resolve as the CLI's do.
		mkdirSync('node_modules/.cache', {recursive: true});
		bundle = mkdtempSync(resolve('node_modules/.cache/ca-wizard-aws-test-'));
		await build({
			entryPoints: ['source/aws/create-aws-apis.ts'],
			outdir: bundle,
			bundle: true,
			splitting: true,
			format: 'esm',
			platform: 'node',
			target: 'node20',
			packages: 'external',
			logLevel: 'warning',
		});
		writeFileSync(join(bundle, 'hooks.mjs'), hooks);
		writeFileSync(join(bundle, 'probe.mjs'), probe);
		home = temporaryDirectory('ca-wizard-home-'); // no ~/.aws of the machine's user
	});
	afterAll(() => {
		if (bundle) rmSync(bundle, {recursive: true, force: true});
		if (home) rmSync(home, {recursive: true, force: true});
	});

	async function probeWith(target: unknown, calls: [string, ...unknown[]][], env: Record<string, string> = {}): Promise<Step[]> {
		const {stdout} = await run(process.execPath, [join(bundle, 'probe.mjs'), JSON.stringify(target), JSON.stringify(calls)], {
			env: {PATH: process.env['PATH'] ?? '', HOME: home, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env},
			timeout: 20_000,
		});
		return JSON.parse(stdout) as Step[];
	}

	const clients = (step: Step | undefined) => step?.packages.filter(name => name.startsWith('@aws-sdk/')) ?? [];

	it('loads no SDK package until a call is made, then only the client that call needs', async () => {
		const steps = await probeWith({kind: 'sandbox', ...sandbox.current}, [
			['sts.getCallerIdentity'],
			['iam.getRole', 'build-host-role'],
			['metadata.describeHost'],
		]);
		const [created, sts, iam, metadata] = steps;
		expect(created?.packages).toEqual([]);
		expect(clients(sts)).toEqual(['@aws-sdk/client-sts']);
		expect(sts?.result.value).toMatchObject({arn: `arn:aws:iam::${sandbox.current.accountId}:user/sandbox-admin`});
		expect(clients(iam)).toEqual(['@aws-sdk/client-iam', '@aws-sdk/client-sts']);
		expect(iam?.result.value).toMatchObject({name: 'build-host-role'});
		expect(metadata?.packages).toContain('@smithy/credential-provider-imds');
		expect(clients(metadata)).not.toContain('@aws-sdk/client-codeartifact');
		expect(clients(metadata)).not.toContain('@aws-sdk/client-ec2');
	});

	it("for real AWS, takes region, credentials, endpoint and metadata endpoint from the SDK's own resolution", async () => {
		const {accountId, instanceId, region} = sandbox.current;
		const steps = await probeWith(
			{kind: 'aws'},
			[['sts.getCallerIdentity'], ['metadata.describeHost'], ['buildHost.sts.getCallerIdentity']],
			sandbox.current.env,
		);
		const [created, admin, host, buildHost] = steps;
		// Settling the region (here AWS_REGION) asks an STS client, which the first call needs anyway.
		expect(created).toMatchObject({result: {value: {region}}, packages: ['@aws-sdk/client-sts']});
		expect(admin?.result.value).toMatchObject({arn: `arn:aws:iam::${accountId}:user/sandbox-admin`});
		expect(clients(admin)).toEqual(['@aws-sdk/client-sts', '@aws-sdk/credential-providers']);
		expect(host?.result.value).toMatchObject({instanceId, region, roleName: 'build-host-role'});
		expect(buildHost?.result.value).toMatchObject({arn: `arn:aws:sts::${accountId}:assumed-role/build-host-role/${instanceId}`});
	});

	it('treats the host as no EC2 host when AWS_EC2_METADATA_DISABLED says so, as the SDK does', async () => {
		const [, host, buildHost] = await probeWith({kind: 'aws'}, [['metadata.describeHost'], ['buildHost.sts.getCallerIdentity']], {
			...sandbox.current.env,
			AWS_EC2_METADATA_DISABLED: 'true',
		});
		expect(host?.result.error).toBeUndefined();
		expect(host?.result.value).toBeUndefined();
		// Not on EC2: the build host uses the default chain, here the admin's keys in the environment.
		expect(buildHost?.result.value).toMatchObject({arn: `arn:aws:iam::${sandbox.current.accountId}:user/sandbox-admin`});
	});

	it('reads the region of a named profile, with AWS_REGION taking precedence', async () => {
		const {admin, region, endpoint} = sandbox.current;
		const config = join(home, 'config');
		const credentials = join(home, 'credentials');
		writeFileSync(config, `[profile ci]\nregion = ${region}\n`);
		writeFileSync(credentials, `[ci]\naws_access_key_id = ${admin.accessKeyId}\naws_secret_access_key = ${admin.secretAccessKey}\n`);
		const files = {AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_ENDPOINT_URL: endpoint};
		const [created, identity] = await probeWith({kind: 'aws', profile: 'ci'}, [['sts.getCallerIdentity']], files);
		expect(created?.result.value).toEqual({region});
		expect(identity?.result.value).toMatchObject({account: sandbox.current.accountId});
		const [fromEnv] = await probeWith({kind: 'aws', profile: 'ci'}, [], {...files, AWS_REGION: 'ap-south-1'});
		expect(fromEnv?.result.value).toEqual({region: 'ap-south-1'});
		const [given] = await probeWith({kind: 'aws', profile: 'ci', region: 'eu-north-1'}, [], {...files, AWS_REGION: 'ap-south-1'});
		expect(given).toMatchObject({result: {value: {region: 'eu-north-1'}}, packages: []});
	});

	it("on a bare EC2 build host with no AWS config, takes the instance's own region", async () => {
		const [created] = await probeWith({kind: 'aws'}, [], {
			AWS_CONFIG_FILE: join(home, 'absent'),
			AWS_EC2_METADATA_SERVICE_ENDPOINT: `${sandbox.current.endpoint}/`,
		});
		expect(created?.result.value).toEqual({region: sandbox.current.region});
	});

	it('says how to set a region when none is found', async () => {
		const [created] = await probeWith({kind: 'aws', profile: 'nowhere'}, [], {AWS_CONFIG_FILE: join(home, 'absent'), AWS_EC2_METADATA_DISABLED: 'true'});
		expect(created?.result.error).toMatchObject({name: 'AwsFailure', kind: 'validation', code: 'RegionMissing'});
		expect(created?.result.error?.message).toMatch(/--region.*AWS_REGION.*profile nowhere/);
	});
});
