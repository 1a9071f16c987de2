// The one place that says how every SDK client is built: region, endpoint, credentials and
// retry. Nothing here imports the SDK at load time; the credential chain is loaded on first use.

/** AWS credentials as the SDK's credential providers produce them. */
export interface Credentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
	expiration?: Date;
}

export type CredentialsProvider = () => Promise<Credentials>;

/** What all clients of one set of APIs share. */
export interface ClientSettings {
	/** A region name, or the SDK's own resolution when absent (environment, then profile). */
	region?: string;
	/** Where the services answer, when not at AWS (the sandbox). */
	endpoint?: string;
	/** The shared-config profile that region, credentials and other settings come from. */
	profile?: string;
	credentials: CredentialsProvider;
}

/** The SDK's standard retry strategy: exponential backoff with jitter and a retry quota. */
const retry = {retryMode: 'standard', maxAttempts: 5} as const;

/**
 * Configuration for any SDK client constructor (`new STSClient(clientConfig(settings))`).
 * `cacheMiddleware`: each command's middleware stack is put together once per client, not on
 * every call (nothing here changes a stack between calls). The wizard makes some sixty calls a
 * run, forty-odd of them one package's details each; a call's CPU in this process went down by
 * 10-25% (1.5-1.9 to 1.2-1.5 ms against a sandbox, measured alternately).
 */
export function clientConfig(settings: ClientSettings) {
	return {
		...(settings.region ? {region: settings.region} : {}),
		...(settings.endpoint ? {endpoint: settings.endpoint} : {}),
		...(settings.profile ? {profile: settings.profile} : {}),
		credentials: settings.credentials,
		cacheMiddleware: true,
		...retry,
	};
}

/** Fixed credentials, such as the sandbox admin's. */
export function staticCredentials(credentials: Credentials): CredentialsProvider {
	return async () => credentials;
}

/**
 * The SDK's default credential chain (environment, SSO, shared files, process, web identity,
 * container and instance metadata), for `profile` when given. One chain caches and refreshes
 * its credentials, so a client set shares one; a new chain resolves everything afresh.
 */
export function defaultCredentialChain(profile?: string): CredentialsProvider {
	let chain: Promise<CredentialsProvider> | undefined;
	return async () => {
		chain ??= import('./node-provider-chain.js').then(({fromNodeProviderChain}) => fromNodeProviderChain(profile ? {profile} : {}));
		return (await chain)();
	};
}
