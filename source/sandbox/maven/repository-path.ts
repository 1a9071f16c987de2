/**
 * Splits a repository endpoint path, `/d/${domain}-${owner}/${format}/${repository}/${rest}`,
 * as the sandbox serves what AWS serves at `https://${domain}-${owner}.d.codeartifact.…/${format}/${repository}/`.
 * Works on the raw request target: WHATWG URL parsing would silently resolve `..` and `%2e%2e`
 * segments, and a traversal attempt must be refused, not quietly redirected to another file.
 */

export interface RepositoryPath {
	domain: string;
	owner: string;
	format: string;
	repository: string;
	/** The rest of the path, still percent-encoded as it arrived ('' for the repository root). */
	rest: string;
}

// The domain name may hold dashes; the owner is the last 12 digits after the final one.
const domainOwner = /^([a-z][a-z0-9-]{0,48}[a-z0-9])-(\d{12})$/;
const repositoryName = /^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/;

/** The path part of a request target: `request.url` without query or fragment (or the path of an absolute-form URL). */
export function rawRequestPath(target: string): string {
	let path = target;
	if (!path.startsWith('/')) {
		// Absolute form (GET http://host/path): keep the path without letting URL normalise it.
		const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(path);
		path = match?.[1] ?? '/';
	}
	const end = path.search(/[?#]/);
	return end === -1 ? path : path.slice(0, end);
}

/** undefined when the path names no repository the sandbox could hold (answered with 404). */
export function parseRepositoryPath(rawPath: string, prefix: string): RepositoryPath | undefined {
	if (!rawPath.startsWith(prefix)) return undefined;
	const parts = rawPath.slice(prefix.length).split('/');
	if (parts.length < 3) return undefined;
	const [host, format, repository] = parts as [string, string, string];
	const matched = domainOwner.exec(host);
	if (!matched || !repositoryName.test(repository) || !/^[a-z]+$/.test(format)) return undefined;
	return {domain: matched[1]!, owner: matched[2]!, format, repository, rest: parts.slice(3).join('/')};
}
