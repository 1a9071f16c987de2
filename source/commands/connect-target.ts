import {homedir} from 'node:os';
import {join} from 'node:path';
import type {AwsApis} from '../aws/apis.js';
import {createAwsApis} from '../aws/create-aws-apis.js';
import {CliError} from '../errors.js';
import type {DelayOptions} from '../sandbox/consistency.js';
import type {Scenario} from '../sandbox/state.js';
import {defaultSandboxPort} from './defaults.js';
import {shellQuote} from '../text/shell-quote.js';
import {invocationName} from './invocation-name.js';

/** Where the AWS calls go: real AWS, a sandbox started here, or one already running. */
export type Target =
	| {kind: 'aws'; profile?: string; region?: string}
	| ({kind: 'sandbox'; scenario?: string; mavenCentral?: string} & DelayOptions)
	| {kind: 'sandbox-url'; url: string};

export interface TargetOptions {
	target: Target;
	/** --domain-owner: the account owning the domain, named in every CodeArtifact call on it. */
	domainOwner?: string;
	/** settings.xml to merge into, when the user named one. */
	settings?: string;
}

export interface Connection {
	aws: AwsApis;
	kind: 'aws' | 'sandbox';
	/** settings.xml to merge into: never the user's own ~/.m2 for a sandbox. */
	settingsPath: string;
	/** A sandbox's endpoint (embedded or running): its repositories are served under it. */
	sandboxEndpoint?: string;
	/** For an embedded sandbox, once the wizard has stopped it: the command that starts it again, then the one that points a shell at it. */
	restartCommands?: string[];
	/** For an embedded sandbox: what serves its public:maven-central (Maven Central, a mirror, or a local folder). */
	mavenCentralSource?: () => string;
	/** Stops an embedded sandbox; nothing for the others. */
	close(): Promise<void>;
}

export class TargetError extends CliError {}

/** The one place the journey's target is chosen: only the endpoint and the credentials differ. */
export async function connectTarget(options: TargetOptions, workDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Connection> {
	const target = options.target;
	const owner = options.domainOwner ? {domainOwner: options.domainOwner} : {};
	const sandboxSettings = settingsPathFor(target, workDir, options.settings);
	if (target.kind === 'sandbox') {
		// Loaded only here: a run against AWS never parses the emulator's code.
		const {startSandbox} = await import('../sandbox/index.js');
		const dataDir = join(workDir, 'sandbox-data');
		const start = (port: number) =>
			startSandbox({
				dataDir,
				port,
				...(target.scenario ? {scenario: target.scenario as Scenario} : {}),
				...(target.mavenCentral ? {mavenCentral: target.mavenCentral} : {}),
				...(target.consistency ? {consistency: target.consistency} : {}),
				...(target.iamDelaySeconds === undefined ? {} : {iamDelaySeconds: target.iamDelaySeconds}),
				...(target.listingLagSeconds === undefined ? {} : {listingLagSeconds: target.listingLagSeconds}),
			});
		// The usual port keeps settings.xml's URL valid for `ca-wizard sandbox` later; any free one if it is taken.
		const sandbox = await start(defaultSandboxPort).catch((error: unknown) => {
			if ((error as {code?: string}).code === 'PortInUse') return start(0);
			throw error;
		});
		const aws = await createAwsApis({kind: 'sandbox', endpoint: sandbox.endpoint, region: sandbox.region, admin: sandbox.admin, ...owner});
		const port = new URL(sandbox.endpoint).port;
		return {
			aws,
			kind: 'sandbox',
			settingsPath: sandboxSettings,
			sandboxEndpoint: sandbox.endpoint,
			close: () => sandbox.stop(),
			restartCommands: [
				`${invocationName(env)} sandbox --data ${shellQuote(dataDir)} --port ${port}${delayFlags(target)}`,
				`eval "$(${invocationName(env)} sandbox env --data ${shellQuote(dataDir)})"`,
			],
			mavenCentralSource: () => sandbox.mavenCentralSource(),
		};
	}
	if (target.kind === 'sandbox-url') {
		const accessKeyId = env['AWS_ACCESS_KEY_ID'];
		const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
		const region = env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
		if (!accessKeyId || !secretAccessKey || !region) {
			throw new TargetError(
				'SandboxCredentialsMissing',
				"--sandbox-url needs the sandbox's admin credentials and region in the environment.",
				`Run \`eval "$(${invocationName(env)} sandbox env)"\` in this shell (add --data DIR if the sandbox was started with one): it takes the running sandbox's export lines.`,
			);
		}
		// In a workshop each participant's build host is one of the sandbox's instances: its own metadata endpoint.
		const metadataEndpoint = env['AWS_EC2_METADATA_SERVICE_ENDPOINT'];
		const aws = await createAwsApis({
			kind: 'sandbox',
			endpoint: target.url,
			region,
			admin: {accessKeyId, secretAccessKey},
			...(metadataEndpoint ? {metadataEndpoint} : {}),
			...owner,
		});
		return {
			aws,
			kind: 'sandbox',
			settingsPath: sandboxSettings,
			sandboxEndpoint: target.url,
			// Another process's sandbox: what serves its public:maven-central (Maven Central, a mirror, an offline folder) is its own to say.
			mavenCentralSource: () => `the sandbox at ${target.url}`,
			close: async () => {},
		};
	}
	const aws = await createAwsApis({
		kind: 'aws',
		...(target.profile ? {profile: target.profile} : {}),
		...(target.region ? {region: target.region} : {}),
		...owner,
	});
	return {aws, kind: 'aws', settingsPath: settingsPathFor(target, workDir, options.settings), close: async () => {}};
}

/** The settings.xml a command reads or merges into: --settings; with a sandbox WORKDIR/settings.xml (never the user's own ~/.m2); else ~/.m2/settings.xml. */
export function settingsPathFor(target: Target, workDir: string, settings: string | undefined): string {
	if (settings !== undefined) return settings;
	return target.kind === 'aws' ? join(homedir(), '.m2', 'settings.xml') : join(workDir, 'settings.xml');
}

/** The delay flags an embedded sandbox was started with, for the line that starts it again the same way. */
function delayFlags(target: DelayOptions): string {
	const flags = [
		target.consistency ? ` --consistency ${target.consistency}` : '',
		target.iamDelaySeconds !== undefined ? ` --iam-delay ${target.iamDelaySeconds}` : '',
		target.listingLagSeconds !== undefined ? ` --listing-lag ${target.listingLagSeconds}` : '',
	];
	return flags.join('');
}
