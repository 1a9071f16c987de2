import {mkdtempSync} from 'node:fs';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import type {SandboxClock, SandboxContext} from './context.js';
import {SandboxError} from './errors.js';
import {parseFaults, type FaultSpec} from './faults.js';
import {createMavenUpstream} from './maven/upstream.js';
import {advertise, publicUrlProblem} from './public-url.js';
import {createSandboxServer, defaultTimeouts, type ServerTimeouts} from './server.js';
import {scenarios, type Scenario} from './state.js';
import {writeFileAtomic} from '../files/atomic-file.js';
import type {FileWriteError} from '../files/file-write-error.js';
import {acquireDataLock} from './store/data-lock.js';
import {SandboxStore} from './store/sandbox-store.js';

export interface SandboxOptions {
	port?: number; // 0 (the default here) picks a free port
	host?: string;
	/** The address clients are told to use (--public-url, checked with publicUrlProblem); see public-url.ts for the default. */
	publicUrl?: string;
	dataDir?: string; // default: a new temporary folder
	mavenCentral?: string; // URL or directory
	scenario?: Scenario;
	region?: string;
	faults?: string | FaultSpec;
	maxBodyBytes?: number;
	/** How long a connection may stall (see server.ts); tests shorten them. */
	timeouts?: Partial<ServerTimeouts>;
	log?: (message: string) => void;
	/** The system's time unless a test brings a clock of its own. */
	clock?: SandboxClock;
}

export interface RunningSandbox {
	endpoint: string;
	region: string;
	accountId: string;
	instanceId: string;
	dataDir: string;
	admin: {accessKeyId: string; secretAccessKey: string};
	/** The environment a shell (or a child process) needs to reach the sandbox as the admin. */
	env: Record<string, string>;
	/** Writes the snapshot now, including cache fills that would otherwise be written a moment later. */
	flush(): void;
	stop(): Promise<void>;
}

const systemClock: SandboxClock = {now: () => new Date(), sleep: ms => delay(ms)};

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * The address to listen on for `--host`. `localhost` may resolve to ::1 alone, while the
 * endpoint the sandbox advertises (and Maven's plain-http exception) is 127.0.0.1: bind that.
 */
export function bindAddress(host: string): string {
	return host.toLowerCase() === 'localhost' ? '127.0.0.1' : host;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const log = options.log ?? (() => {});
	const host = options.host ?? '127.0.0.1';
	const scenario = options.scenario ?? 'access-denied';
	if (!scenarios.includes(scenario))
		throw new SandboxError('BadScenario', `Unknown scenario "${scenario}". Use --scenario ${scenarios.join(' or --scenario ')}.`);
	const region = options.region ?? 'us-east-1';
	if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new SandboxError('BadRegion', `"${region}" is not a region name. Use for example --region us-east-1.`);
	const faults = typeof options.faults === 'object' ? options.faults : parseFaults(options.faults);
	const publicUrlRefused = options.publicUrl === undefined ? undefined : publicUrlProblem(options.publicUrl);
	if (publicUrlRefused) throw new SandboxError('BadPublicUrl', `--public-url ${options.publicUrl} ${publicUrlRefused}.`);
	if (!loopbackHosts.has(host)) log(`warning: binding to ${host}, not loopback: anyone who can reach this address can use the sandbox's admin credentials.`);

	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ca-wizard-sandbox-'));
	// The lock creates the folder (0700), or says in a sentence why it cannot.
	const releaseLock = acquireDataLock(dataDir);
	let store: SandboxStore;
	try {
		store = new SandboxStore(dataDir, {region, scenario});
	} catch (error) {
		releaseLock();
		throw error;
	}
	const {state} = store;
	for (const notice of store.notices) log(notice);
	if (!store.created && state.region !== region && options.region) log(`notice: ${dataDir} holds a sandbox in ${state.region}; keeping that region.`);
	if (!store.created && state.scenario !== scenario && options.scenario)
		log(`notice: ${dataDir} already holds a sandbox started with --scenario ${state.scenario}; a scenario applies to a new data folder only.`);

	const mavenCentral = createMavenUpstream(options.mavenCentral, {onNotice: log});
	let endpoint = '';
	const clock = options.clock ?? systemClock;
	const context: SandboxContext = {
		store,
		mavenCentral,
		log,
		now: () => clock.now(),
		sleep: ms => clock.sleep(ms),
		get endpoint() {
			return endpoint;
		},
	};
	const server = createSandboxServer(context, {
		faults,
		maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 * 1024,
		timeouts: {...defaultTimeouts, ...options.timeouts},
	});
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? 0, bindAddress(host), () => resolve());
		});
	} catch (error) {
		releaseLock();
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE')
			throw new SandboxError('PortInUse', `Port ${options.port} on ${host} is already in use. Pick another with --port N (0 picks a free one).`);
		if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
			throw new SandboxError(
				'BadHost',
				`Cannot listen on ${host}: it is not an address of this machine (${code}).`,
				'Pass --host with one of its addresses (ip -brief address lists them), or leave it out for 127.0.0.1.',
			);
		if (code === 'EACCES')
			throw new SandboxError(
				'PortNotAllowed',
				`Port ${options.port} needs more privileges on this machine.`,
				'Pick a port above 1023 with --port N (0 picks a free one).',
			);
		throw error;
	}
	const {port} = server.address() as AddressInfo;
	const advertised = advertise(bindAddress(host), port, options.publicUrl);
	if (advertised.warning) log(advertised.warning);
	endpoint = advertised.endpoint;
	const admin = {accessKeyId: state.admin.accessKeyId, secretAccessKey: state.admin.secretAccessKey};
	const description = {
		endpoint,
		region: state.region,
		accountId: state.accountId,
		adminAccessKeyId: admin.accessKeyId,
		adminSecretAccessKey: admin.secretAccessKey,
		instanceId: state.instance.instanceId,
	};
	try {
		writeFileAtomic(join(dataDir, 'sandbox.json'), JSON.stringify(description, null, 2) + '\n', {mode: 0o600});
	} catch (error) {
		// Nobody could find this sandbox's credentials: do not run without them.
		await new Promise(resolve => server.close(resolve));
		releaseLock();
		const failure = error as FileWriteError;
		throw new SandboxError('DataFolderUnwritable', `${failure.message} ${failure.fix ?? ''}`.trim());
	}

	let stopping: Promise<void> | undefined;
	return {
		endpoint,
		region: state.region,
		accountId: state.accountId,
		instanceId: state.instance.instanceId,
		dataDir,
		admin,
		env: {
			AWS_ENDPOINT_URL: endpoint,
			AWS_ACCESS_KEY_ID: admin.accessKeyId,
			AWS_SECRET_ACCESS_KEY: admin.secretAccessKey,
			AWS_REGION: state.region,
			AWS_DEFAULT_REGION: state.region, // the aws CLI v1 reads only this one
			AWS_EC2_METADATA_SERVICE_ENDPOINT: `${endpoint}/`,
		},
		flush: () => store.flush(),
		stop() {
			stopping ??= new Promise<void>(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
				.then(() => store.flush())
				.finally(releaseLock);
			return stopping;
		},
	};
}
