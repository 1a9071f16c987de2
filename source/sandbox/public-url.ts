// The address a sandbox tells its clients to use: in the export lines it prints, in the
// repository endpoints GetRepositoryEndpoint returns (which end up in settings.xml) and in the
// instance metadata endpoints. Bound to every address (--host 0.0.0.0, a workshop), it must
// advertise one the participants' machines reach, never 127.0.0.1: --public-url, or else this
// machine's first network address.

import {networkInterfaces, type NetworkInterfaceInfo} from 'node:os';

export const publicUrlRule = 'http(s)://HOST or http(s)://HOST:PORT, with nothing after it, and not a loopback address';

const unreachable = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|0\.0\.0\.0|\[::\])$/i;

/** Why RAW cannot be the address participants use; undefined when it can. */
export function publicUrlProblem(raw: string): string | undefined {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return `takes ${publicUrlRule}, e.g. http://10.0.0.5:7717`;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return `takes ${publicUrlRule}: ${url.protocol} is neither http nor https`;
	if (url.username || url.password || url.search || url.hash || url.pathname !== '/')
		return `takes ${publicUrlRule}: no path, query or user name (the sandbox serves from its root)`;
	if (unreachable.test(url.hostname))
		return `takes the address participants reach; ${url.hostname} is no address of this machine to the others. Leave --public-url out to advertise this machine's network address`;
	return undefined;
}

export interface Advertised {
	/** The sandbox's endpoint, as clients are to reach it (no trailing slash). */
	endpoint: string;
	/** Another port of this sandbox (an instance's metadata endpoint) on the same advertised host. */
	at(port: number): string;
	/** Said once at start: nothing better than loopback could be found. */
	warning?: string;
}

/**
 * What a sandbox listening on BOUND:PORT advertises. --public-url (checked with
 * publicUrlProblem) wins; without its own port it takes the sandbox's. Bound to every address,
 * the first non-internal IPv4 address of this machine; bound to one, that one.
 */
export function advertise(bound: string, port: number, publicUrl?: string, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): Advertised {
	if (publicUrl !== undefined) {
		const url = new URL(publicUrl);
		// `new URL` forgets a port that is the scheme's default: read whether one was written at all.
		const written = /^[a-z]+:\/\/(\[[^\]]*\]|[^/:]*):\d+\/?$/i.test(publicUrl);
		const base = `${url.protocol}//${url.hostname}`;
		return {endpoint: written ? url.origin : `${base}:${port}`, at: other => `${base}:${other}`};
	}
	const everywhere = bound === '0.0.0.0' || bound === '::';
	const network = everywhere ? firstNetworkAddress(interfaces) : undefined;
	const host = everywhere ? (network ?? '127.0.0.1') : bound.includes(':') ? `[${bound}]` : bound;
	return {
		endpoint: `http://${host}:${port}`,
		at: other => `http://${host}:${other}`,
		...(everywhere && network === undefined
			? {warning: 'warning: this machine has no network address besides loopback; advertising 127.0.0.1. Pass --public-url URL with the address others reach.'}
			: {}),
	};
}

function firstNetworkAddress(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string | undefined {
	for (const addresses of Object.values(interfaces)) {
		const found = addresses?.find(address => address.family === 'IPv4' && !address.internal);
		if (found) return found.address;
	}
	return undefined;
}
