import type {SandboxDelays} from './consistency.js';
import type {Authorize} from './auth/authorize.js';
import type {Principal} from './auth/principal.js';
import type {MavenUpstream} from './maven/upstream.js';
import type {SandboxState} from './state.js';
import type {SandboxStore} from './store/sandbox-store.js';

/** The sandbox's time: the system's, or one a test moves on instead of waiting. */
export interface SandboxClock {
	now(): Date;
	/** Waits `ms` milliseconds (the latency `--faults` adds). */
	sleep(ms: number): Promise<void>;
}

/** What every service handler may use: the world, and how to reach outside it. */
export interface SandboxContext extends SandboxClock {
	readonly store: SandboxStore;
	/**
	 * The state as authorisation and instance metadata see it: the store's, except that IAM and
	 * the instance-profile associations are as they were --iam-delay ago (iam/propagation.ts).
	 */
	effective(): SandboxState;
	/** AWS's delays as --consistency and the delay options set them (consistency.ts): all zero by default. */
	readonly delays: SandboxDelays;
	/** Whether the role credentials of this association have reached its instance (imds/credentials-arrival.ts); always, by default. */
	credentialsArrived(associationId: string): boolean;
	/** Base URL clients reach this sandbox at, e.g. http://127.0.0.1:7717 (no trailing slash). */
	readonly endpoint: string;
	readonly mavenCentral: MavenUpstream;
	readonly log: (message: string) => void;
}

/** One authenticated API request: who is calling, and the check of their permissions. */
export interface ApiCall {
	readonly principal: Principal;
	readonly authorize: Authorize;
	readonly requestId: string;
}
