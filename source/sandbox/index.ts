import {mkdtempSync} from 'node:fs';
import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import type {SandboxClock, SandboxContext} from './context.js';
import {SandboxError} from './errors.js';
import {parseFaults, type FaultSpec} from './faults.js';
import {createMavenUpstream} from './maven/upstream.js';
import {advertise, publicUrlProblem} from './public-url.js';
import {createMetadataServer, createSandboxServer, defaultTimeouts, type ServerTimeouts} from './server.js';
import {firstInstance, scenarios, type SandboxState, type Scenario} from './state.js';
import {otherAccount, otherAccountUserArn} from './auth/other-account.js';
import {maxInstances} from './store/initial-state.js';
import type {FileWriteError} from '../files/file-write-error.js';
import {adminEnvironment, removeRecord, writeRecord, type SandboxRecord} from './running-record.js';
import {acquireDataLock} from './store/data-lock.js';
import {IamPropagation} from './iam/propagation.js';
import {CredentialsArrival} from './imds/credentials-arrival.js';
import {delaySecondsProblem, sandboxDelays, type Consistency, type SandboxDelays} from './consistency.js';
import {SandboxStore} from './store/sandbox-store.js';

export interface SandboxOptions {
	port?: number; // 0 (the default here) picks a free port
	host?: string;
	/** The address clients are told to use (--public-url, checked with publicUrlProblem); see public-url.ts for the default. */
	publicUrl?: string;
	dataDir?: string; // default: a new temporary folder
	mavenCentral?: string; // URL or directory
	scenario?: Scenario;
	/** How many simulated EC2 build hosts a new data folder gets (1..100, default 1). */
	instances?: number;
	region?: string;
	faults?: string | FaultSpec;
	/** instant (the default): every change takes effect at once; aws: with AWS's documented delays (consistency.ts). */
	consistency?: Consistency;
	/** Seconds before an IAM or instance-profile change takes effect for authorisation and instance metadata (--iam-delay; default 0, 10 under aws consistency). */
	iamDelaySeconds?: number;
	/** Seconds before a package version fetched from an upstream is listed (--listing-lag; default 0, 5 under aws consistency). */
	listingLagSeconds?: number;
	maxBodyBytes?: number;
	/** How long a connection may stall (see server.ts); tests shorten them. */
	timeouts?: Partial<ServerTimeouts>;
	log?: (message: string) => void;
	/** The system's time unless a test brings a clock of its own. */
	clock?: SandboxClock;
}

/** One simulated build host, and how to act as it. */
export interface SandboxInstance {
	instanceId: string;
	/** Its Name tag: build-host-1, build-host-2, … */
	name: string;
	/** Its own instance metadata endpoint (the first host's is the sandbox's own port). */
	metadataEndpoint: string;
	/**
	 * The environment of a process on this host: the sandbox endpoint, the region, and this host's
	 * metadata endpoint — no keys, so the SDKs and the aws CLI take this host's role credentials
	 * from its instance metadata.
	 */
	env: Record<string, string>;
}

export interface RunningSandbox {
	endpoint: string;
	region: string;
	accountId: string;
	/** The first build host's id (instances[0]). */
	instanceId: string;
	/** Every simulated build host, in launch order. */
	instances: SandboxInstance[];
	dataDir: string;
	admin: {accessKeyId: string; secretAccessKey: string};
	/** The environment a shell (or a child process) needs to reach the sandbox as the admin, with the first build host's metadata endpoint. */
	env: Record<string, string>;
	/**
	 * The sandbox's second account (auth/other-account.ts): its users' keys, for trying what a
	 * domain or repository policy grants another account. partner-admin has AdministratorAccess;
	 * partner-reader may read but not ask for a token.
	 */
	otherAccount: {accountId: string; users: Record<string, {arn: string; accessKeyId: string; secretAccessKey: string}>};
	/** Writes the snapshot now, including cache fills that would otherwise be written a moment later. */
	flush(): void;
	/** What serves its public:maven-central now: Maven Central's URL, another URL, or a local folder (offline, or after the probe fell back). */
	mavenCentralSource(): string;
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
	const instanceCount = options.instances ?? 1;
	if (!Number.isInteger(instanceCount) || instanceCount < 1 || instanceCount > maxInstances)
		throw new SandboxError('BadInstances', `--instances takes a whole number from 1 to ${maxInstances}, not ${instanceCount}.`);
	for (const [flag, seconds] of [
		['--iam-delay', options.iamDelaySeconds],
		['--listing-lag', options.listingLagSeconds],
	] as const) {
		const refused = seconds === undefined ? undefined : delaySecondsProblem(String(seconds));
		if (refused) throw new SandboxError(flag === '--iam-delay' ? 'BadIamDelay' : 'BadListingLag', `${flag} ${seconds} ${refused}.`);
	}
	if (options.consistency !== undefined && options.consistency !== 'aws' && options.consistency !== 'instant')
		throw new SandboxError('BadConsistency', `Unknown consistency "${String(options.consistency)}". Use --consistency aws or --consistency instant.`);
	const delays = sandboxDelays(options);
	if (!loopbackHosts.has(host)) log(`warning: binding to ${host}, not loopback: anyone who can reach this address can use the sandbox's admin credentials.`);

	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ca-wizard-sandbox-'));
	// The lock creates the folder (0700), or says in a sentence why it cannot.
	const releaseLock = acquireDataLock(dataDir);
	let store: SandboxStore;
	try {
		store = new SandboxStore(dataDir, {region, scenario, instances: instanceCount}, undefined, log);
	} catch (error) {
		releaseLock();
		throw error;
	}
	const {state} = store;
	for (const notice of store.notices) log(notice);
	if (!store.created && state.region !== region && options.region) log(`notice: ${dataDir} holds a sandbox in ${state.region}; keeping that region.`);
	if (!store.created && state.scenario !== scenario && options.scenario)
		log(`notice: ${dataDir} already holds a sandbox started with --scenario ${state.scenario}; a scenario applies to a new data folder only.`);
	if (!store.created && state.instances.length !== instanceCount && options.instances !== undefined)
		log(`notice: ${dataDir} already holds a sandbox with ${state.instances.length} instance(s); --instances applies to a new data folder only.`);

	const mavenCentral = createMavenUpstream(options.mavenCentral, {onNotice: log});
	let endpoint = '';
	const clock = options.clock ?? systemClock;
	let propagation: IamPropagation | undefined;
	if (delays.iamMs > 0) {
		const delayed = new IamPropagation(delays.iamMs, state);
		store.onCommit(() => delayed.committed(state, clock.now()));
		propagation = delayed;
	}
	let arrival: CredentialsArrival | undefined;
	if (delays.credentialsMs > 0) {
		const noting = new CredentialsArrival(delays.iamMs + delays.credentialsMs, state);
		store.onCommit(() => noting.committed(state, clock.now()));
		arrival = noting;
	}
	for (const line of delayLines(delays, options)) log(line);
	const context: SandboxContext = {
		store,
		effective: () => propagation?.seenAt(state, clock.now()) ?? state,
		delays,
		credentialsArrived: id => arrival?.arrived(id, clock.now()) ?? true,
		mavenCentral,
		log,
		now: () => clock.now(),
		sleep: ms => clock.sleep(ms),
		get endpoint() {
			return endpoint;
		},
	};
	const timeouts = {...defaultTimeouts, ...options.timeouts};
	const server = createSandboxServer(context, {faults, maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 * 1024, timeouts});
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
	const bound = bindAddress(host);
	const advertised = advertise(bound, (server.address() as AddressInfo).port, options.publicUrl);
	if (advertised.warning) log(advertised.warning);
	// Every port is advertised on the same host: --public-url's, or this machine's (see public-url.ts).
	const urlOf = (listening: Server) => advertised.at((listening.address() as AddressInfo).port);
	endpoint = advertised.endpoint;
	// The first host's metadata is on the sandbox's own port (as before there were several);
	// every other host's on a free port of its own, on the same address.
	const metadataServers: Server[] = [];
	const closeAll = () => Promise.all([server, ...metadataServers].map(each => new Promise(resolve => each.close(resolve))));
	try {
		for (const instance of state.instances.slice(1)) {
			const metadataServer = createMetadataServer(context, instance.instanceId, timeouts);
			await new Promise<void>((resolve, reject) => {
				metadataServer.once('error', reject);
				metadataServer.listen(0, bound, () => resolve());
			});
			metadataServers.push(metadataServer);
		}
	} catch (error) {
		await closeAll();
		releaseLock();
		throw new SandboxError('MetadataPortUnavailable', `Cannot open a port for an instance metadata endpoint on ${host}: ${(error as Error).message}.`);
	}
	const instances: SandboxInstance[] = state.instances.map((instance, index) => {
		const metadataEndpoint = `${index === 0 ? endpoint : urlOf(metadataServers[index - 1] as Server)}/`;
		return {
			instanceId: instance.instanceId,
			name: instance.tags.find(tag => tag.key === 'Name')?.value ?? instance.instanceId,
			metadataEndpoint,
			env: {
				AWS_ENDPOINT_URL: endpoint,
				AWS_REGION: state.region,
				AWS_DEFAULT_REGION: state.region,
				AWS_EC2_METADATA_SERVICE_ENDPOINT: metadataEndpoint,
			},
		};
	});
	const admin = {accessKeyId: state.admin.accessKeyId, secretAccessKey: state.admin.secretAccessKey};
	const record: SandboxRecord = {
		endpoint,
		region: state.region,
		accountId: state.accountId,
		adminAccessKeyId: admin.accessKeyId,
		adminSecretAccessKey: admin.secretAccessKey,
		instanceId: firstInstance(state).instanceId,
		instances: instances.map(({instanceId, name, metadataEndpoint}) => ({instanceId, name, metadataEndpoint})),
		otherAccountUsers: Object.fromEntries(
			Object.entries(otherAccountKeys(state).users).map(([name, {accessKeyId, secretAccessKey}]) => [name, {accessKeyId, secretAccessKey}]),
		),
	};
	try {
		writeRecord(dataDir, record);
	} catch (error) {
		// Nobody could find this sandbox's credentials: do not run without them.
		await closeAll();
		releaseLock();
		const failure = error as FileWriteError;
		throw new SandboxError('DataFolderUnwritable', `${failure.message} ${failure.fix ?? ''}`.trim());
	}

	let stopping: Promise<void> | undefined;
	return {
		endpoint,
		region: state.region,
		accountId: state.accountId,
		instanceId: firstInstance(state).instanceId,
		instances,
		dataDir,
		admin,
		otherAccount: otherAccountKeys(state),
		env: adminEnvironment(record),
		flush: () => store.flush(),
		mavenCentralSource: () => mavenCentral.description,
		stop() {
			stopping ??= Promise.all(
				[server, ...metadataServers].map(
					each =>
						new Promise<void>(resolve => {
							each.close(() => resolve());
							each.closeAllConnections();
						}),
				),
			)
				.then(() => store.close())
				.finally(() => {
					// Stopped: nobody is to be sent here any more (the record goes before the lock, so a new sandbox's is never removed).
					removeRecord(dataDir);
					releaseLock();
				});
			return stopping;
		},
	};
}

function otherAccountKeys(state: SandboxState): RunningSandbox['otherAccount'] {
	const account = otherAccount(state);
	const users = account.users.map(user => [
		user.userName,
		{arn: otherAccountUserArn(account, user), accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey},
	]);
	return {accountId: account.accountId, users: Object.fromEntries(users) as RunningSandbox['otherAccount']['users']};
}

/** The banner's account of the delays in effect: none under instant consistency. */
function delayLines(delays: SandboxDelays, options: SandboxOptions): string[] {
	const seconds = (ms: number) => `${ms / 1000} s`;
	const lines: string[] = [];
	if (delays.iamMs > 0)
		lines.push(
			`IAM and instance-profile changes take effect after ${seconds(delays.iamMs)} (${options.iamDelaySeconds === undefined ? '--consistency aws' : '--iam-delay'}), as AWS's propagation does.`,
		);
	if (delays.credentialsMs > 0)
		lines.push(`A newly associated instance profile's credentials reach the instance ${seconds(delays.credentialsMs)} after that (--consistency aws).`);
	if (delays.listingMs > 0)
		lines.push(
			`A package fetched from an upstream is listed ${seconds(delays.listingMs)} after it was fetched (${options.listingLagSeconds === undefined ? '--consistency aws' : '--listing-lag'}); Maven gets it at once.`,
		);
	return lines;
}
