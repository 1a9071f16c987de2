/**
 * The "external connection" behind the sandbox's public:maven-central: either a
 * remote Maven repository (URL) or a local Maven repository directory such as
 * ~/.m2/repository, which lets the sandbox work fully offline.
 */
import {createHash} from 'node:crypto';
import {readFileSync, realpathSync, statSync} from 'node:fs';
import {readdir, realpath} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join, resolve, sep} from 'node:path';
import {parseMavenPath} from './maven-path.js';
import {SandboxError} from '../errors.js';
import {parseUpstreamSpec} from './upstream-spec.js';

export interface UpstreamFile {
	body: Buffer;
	contentType: string;
}

export interface MavenUpstream {
	readonly description: string;
	/** Resolves to undefined when the file does not exist upstream (a 404). */
	fetch(relativePath: string, signal?: AbortSignal): Promise<UpstreamFile | undefined>;
}

export interface MavenUpstreamOptions {
	onNotice?: (message: string) => void;
	probeTimeoutMs?: number;
	/** Injectable for tests; defaults to Maven Central. */
	defaultUrl?: string;
	/** Injectable for tests; defaults to ~/.m2/repository. */
	localRepository?: string;
}

export const mavenCentralUrl = 'https://repo.maven.apache.org/maven2/';

function contentTypeFor(fileName: string): string {
	if (/\.(sha1|md5|sha256|sha512|asc)$/.test(fileName)) return 'text/plain';
	if (/\.(pom|xml)$/.test(fileName)) return 'application/xml';
	if (/\.(jar|war|ear|aar)$/.test(fileName)) return 'application/java-archive';
	return 'application/octet-stream';
}

function createUrlUpstream(baseUrl: string): MavenUpstream {
	const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
	return {
		description: base,
		async fetch(relativePath, signal) {
			// Validate even though the remote would: a traversal never leaves this process.
			if (parseMavenPath(relativePath).kind === 'invalid') return undefined;
			// String concatenation, not new URL(path, base): the path is already encoded.
			const url = `${base}${relativePath}`;
			const response = await fetch(url, {signal, redirect: 'follow'});
			if (response.status === 404) {
				await response.body?.cancel();
				return undefined;
			}
			if (!response.ok) {
				await response.body?.cancel();
				throw new Error(`GET ${url} failed: HTTP ${response.status} ${response.statusText}`.trimEnd());
			}
			const body = Buffer.from(await response.arrayBuffer());
			return {body, contentType: response.headers.get('content-type') ?? contentTypeFor(relativePath)};
		},
	};
}

function isInside(parent: string, child: string): boolean {
	return child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

/**
 * Resolves `relative` under `root`; undefined if it (or a symlink in it) escapes or is missing.
 * Synchronous, as the read after it: a local file of a build's size is read in a fraction of a
 * millisecond, and each asynchronous step was a trip through the thread pool on every file Maven asks for.
 */
function confinedRealPath(root: string, realRoot: string, relative: string): string | undefined {
	const candidate = resolve(root, relative);
	if (!isInside(root, candidate)) return undefined;
	let real: string;
	try {
		real = realpathSync.native(candidate);
	} catch {
		return undefined;
	}
	// realpath follows every symlink, so this catches links pointing outside the repository.
	return isInside(realRoot, real) ? real : undefined;
}

// Bookkeeping that Maven writes into a local repository and a remote one never has.
const bookkeeping = /(^_remote\.repositories|^resolver-status\.properties|\.lastUpdated)$/;

function createDirectoryUpstream(directory: string): MavenUpstream {
	const root = resolve(directory);
	let realRoot: Promise<string> | undefined;

	async function readConfinedFile(relative: string): Promise<Buffer | undefined> {
		realRoot ??= realpath(root).catch(() => root);
		const real = confinedRealPath(root, await realRoot, relative);
		if (!real) return undefined;
		try {
			return statSync(real).isFile() ? readFileSync(real) : undefined;
		} catch {
			return undefined; // vanished between realpath and read
		}
	}

	/** A local repository names metadata maven-metadata-<repoId>.xml; pick one to serve. */
	async function findMetadata(relativeDir: string): Promise<string | undefined> {
		realRoot ??= realpath(root).catch(() => root);
		const realDir = confinedRealPath(root, await realRoot, relativeDir);
		if (!realDir) return undefined;
		let names: string[];
		try {
			names = await readdir(realDir);
		} catch {
			return undefined;
		}
		const candidates = names.filter(name => /^maven-metadata(-[^/]+)?\.xml$/.test(name)).sort();
		const preferred = ['maven-metadata-central.xml', 'maven-metadata.xml'].find(name => candidates.includes(name));
		const chosen = preferred ?? candidates[0];
		return chosen === undefined ? undefined : `${relativeDir}/${chosen}`;
	}

	return {
		description: `local Maven repository ${root}`,
		async fetch(relativePath) {
			const parsed = parseMavenPath(relativePath);
			let fileRelative: string | undefined;
			if (parsed.kind === 'invalid') return undefined;
			if (parsed.kind === 'artifact') {
				if (bookkeeping.test(parsed.fileName)) return undefined;
				// Rebuilt from decoded coordinates, so no raw (encoded) text reaches the filesystem.
				fileRelative = join(...parsed.groupId.split('.'), parsed.artifactId, parsed.version, parsed.fileName);
			} else {
				fileRelative = await findMetadata(parsed.path.slice(0, parsed.path.lastIndexOf('/')));
			}
			if (fileRelative === undefined) return undefined;
			const body = await readConfinedFile(fileRelative);
			if (!body) return undefined;
			if (parsed.checksum) {
				// Always computed rather than read: local checksum files are often missing,
				// may carry a trailing file name, and must match exactly the bytes we serve.
				const digest = createHash(parsed.checksum).update(body).digest('hex');
				return {body: Buffer.from(digest), contentType: 'text/plain'};
			}
			const served = parsed.kind === 'artifact' ? parsed.fileName : 'maven-metadata.xml';
			return {body, contentType: contentTypeFor(served)};
		},
	};
}

function createSource(spec: string): MavenUpstream {
	const source = parseUpstreamSpec(spec);
	if ('problem' in source)
		throw new SandboxError(
			'BadMavenCentral',
			`--maven-central "${spec}": ${source.problem}.`,
			'Pass an http(s) URL of a Maven repository, or a folder laid out like one (such as ~/.m2/repository).',
		);
	return source.kind === 'url' ? createUrlUpstream(source.url) : createDirectoryUpstream(source.path);
}

/**
 * Without a spec, use Maven Central, but fall back to ~/.m2/repository when it
 * cannot be reached (offline machines). The probe happens on the first fetch,
 * not at construction, so merely starting the sandbox never touches the network.
 */
function createDefaultUpstream(options: MavenUpstreamOptions): MavenUpstream {
	const url = options.defaultUrl ?? mavenCentralUrl;
	const localRepository = options.localRepository ?? join(homedir(), '.m2', 'repository');
	const timeoutMs = options.probeTimeoutMs ?? 3000;
	let current = createUrlUpstream(url);
	let probe: Promise<void> | undefined;

	async function probeOnce(): Promise<void> {
		try {
			// Any HTTP answer (even 404) proves the host is reachable; only network errors count.
			const response = await fetch(current.description, {method: 'HEAD', signal: AbortSignal.timeout(timeoutMs)});
			await response.body?.cancel();
		} catch (error) {
			current = createDirectoryUpstream(localRepository);
			const why = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
			options.onNotice?.(`Maven Central (${url}) is unreachable (${why}); serving public:maven-central from the ${current.description} instead.`);
		}
	}

	return {
		get description() {
			return current.description;
		},
		async fetch(relativePath, signal) {
			probe ??= probeOnce();
			await probe;
			return current.fetch(relativePath, signal);
		},
	};
}

export function createMavenUpstream(spec: string | undefined, options: MavenUpstreamOptions = {}): MavenUpstream {
	return spec === undefined || spec === '' ? createDefaultUpstream(options) : createSource(spec);
}
