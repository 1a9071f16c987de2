import {getInstanceMetadataEndpoint, httpRequest} from '@smithy/credential-provider-imds';
import type {HostMetadata, InstanceMetadataApi} from '../apis.js';
import type {Credentials, CredentialsProvider} from './client-config.js';

// Instance metadata (IMDSv2) at an endpoint we choose: the SDK's own IMDS credential provider
// reads its endpoint only from the environment and the shared config file, and the sandbox's
// metadata service must be reachable without touching process.env. The HTTP requests and the
// default endpoint (AWS_EC2_METADATA_SERVICE_ENDPOINT, ec2_metadata_service_endpoint, else
// 169.254.169.254) are the SDK's; this module adds only the IMDSv2 token handshake.

/** Each request gives up after this long: off EC2 nothing answers, and the preflight must not stall. */
const requestTimeoutMs = 1000;
/** A signal per request that ends it (tests pass one they abort themselves). */
type Deadline = () => AbortSignal;
const requestTimeout: Deadline = () => AbortSignal.timeout(requestTimeoutMs);
/**
 * Where metadata is known to answer — once its token request has been answered, or at an
 * endpoint named outright (a sandbox's host) — a slow answer is load (thirty workshop wizards
 * on one sandbox), not absence, and must not pass for "not on EC2" or "no role".
 */
const answeringTimeout: Deadline = () => AbortSignal.timeout(5 * requestTimeoutMs); // also what Node's default agent allows an idle socket
const tokenTtlSeconds = 60;
const credentialsPath = '/latest/meta-data/iam/security-credentials/';

interface MetadataSession {
	/** The text at `path`; undefined when the service says 404 (e.g. no instance profile). */
	read(path: string): Promise<string | undefined>;
}

/** Describes the host from the metadata at `url` (the SDK's default endpoint when absent). */
export function createInstanceMetadataApi(url?: string, deadline = url === undefined ? requestTimeout : answeringTimeout): InstanceMetadataApi {
	return {
		async describeHost() {
			let session: MetadataSession;
			try {
				session = await openSession(url, deadline);
			} catch {
				return undefined; // no metadata service: not an EC2 host
			}
			const [instanceId, region, availabilityZone, info, roles] = await Promise.all(
				['instance-id', 'placement/region', 'placement/availability-zone', 'iam/info', 'iam/security-credentials/'].map(path =>
					session.read(`/latest/meta-data/${path}`).catch(() => undefined),
				),
			);
			if (!instanceId || !region || !availabilityZone) return undefined;
			const host: HostMetadata = {instanceId, region, availabilityZone};
			const instanceProfileArn = info && profileArnOf(info);
			if (instanceProfileArn) host.instanceProfileArn = instanceProfileArn;
			const roleName = roles && firstLine(roles);
			if (roleName) host.roleName = roleName;
			return host;
		},
	};
}

/**
 * Credentials of the role that the metadata at `url` serves (the SDK's default endpoint when
 * absent). Each call asks the service again; SDK clients cache them until they expire.
 */
export function fromInstanceMetadataAt(url?: string): CredentialsProvider {
	return async () => {
		let session: MetadataSession;
		try {
			session = await openSession(url, url === undefined ? requestTimeout : answeringTimeout);
		} catch (error) {
			throw new CredentialsProviderError(
				`Could not load credentials from instance metadata: the metadata service did not answer (${(error as Error).message}).`,
			);
		}
		const roleName = firstLine(await readOrFail(session, credentialsPath));
		if (!roleName) {
			throw new CredentialsProviderError(
				'Could not load credentials from instance metadata: the instance has no instance profile with a role, so the metadata service serves no role credentials.',
			);
		}
		return parseCredentials(await readOrFail(session, credentialsPath + roleName), roleName);
	};
}

/** Thrown by the credential provider; classify-error maps the name to kind no-credentials. */
export class CredentialsProviderError extends Error {
	override readonly name = 'CredentialsProviderError';
}

async function openSession(url: string | undefined, deadline: Deadline): Promise<MetadataSession> {
	// As the SDK's own metadata providers do, for the default endpoint.
	const disabled = process.env['AWS_EC2_METADATA_DISABLED'];
	if (url === undefined && disabled && disabled !== 'false') throw new Error('instance metadata is disabled by AWS_EC2_METADATA_DISABLED');
	const {protocol, hostname, port} = url === undefined ? await getInstanceMetadataEndpoint() : new URL(url);
	const target = {protocol, hostname, ...(port ? {port: Number(port)} : {})};
	const request = (options: {method?: string; path: string; headers: Record<string, string>}, signal: AbortSignal) =>
		httpRequest({...target, ...options, signal}).then(body => body.toString('utf8'));
	const token = await request(
		{method: 'PUT', path: '/latest/api/token', headers: {'x-aws-ec2-metadata-token-ttl-seconds': String(tokenTtlSeconds)}},
		deadline(),
	);
	return {
		async read(path) {
			try {
				return await request({path, headers: {'x-aws-ec2-metadata-token': token}}, answeringTimeout());
			} catch (error) {
				if ((error as {statusCode?: number}).statusCode === 404) return undefined;
				throw error;
			}
		},
	};
}

async function readOrFail(session: MetadataSession, path: string): Promise<string | undefined> {
	try {
		return await session.read(path);
	} catch (error) {
		throw new CredentialsProviderError(`Could not load credentials from instance metadata: ${path} failed (${(error as Error).message}).`);
	}
}

function parseCredentials(text: string | undefined, roleName: string): Credentials {
	let document: Record<string, unknown> = {};
	try {
		document = JSON.parse(text ?? '{}') as Record<string, unknown>;
	} catch {
		// reported below
	}
	const {Code, AccessKeyId, SecretAccessKey, Token, Expiration} = document;
	if (
		Code !== 'Success' ||
		typeof AccessKeyId !== 'string' ||
		typeof SecretAccessKey !== 'string' ||
		typeof Token !== 'string' ||
		typeof Expiration !== 'string'
	) {
		const code = typeof Code === 'string' ? ` (${Code})` : '';
		throw new CredentialsProviderError(`Could not load credentials from instance metadata: no usable credentials for role ${roleName}${code}.`);
	}
	return {accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: Token, expiration: new Date(Expiration)};
}

function profileArnOf(info: string): string | undefined {
	try {
		const arn = (JSON.parse(info) as {InstanceProfileArn?: unknown}).InstanceProfileArn;
		return typeof arn === 'string' ? arn : undefined;
	} catch {
		return undefined;
	}
}

function firstLine(text: string | undefined): string | undefined {
	return text?.split('\n')[0]?.trim() || undefined;
}
