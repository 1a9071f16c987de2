// How a repository reaches public packages: its upstreams, transitively, and the external
// connections they hold. Read before the wizard proposes any change, so a repository that
// already reaches Maven Central (directly or through a chain) is shown, not changed.

/** The external connection that reaches Maven Central. */
export const mavenCentralConnection = 'public:maven-central';

/** What the topology needs of a repository: the fields DescribeRepository returns. */
export interface RepositoryLinks {
	name: string;
	upstreams: readonly string[];
	externalConnections: readonly string[];
}

/** CodeArtifact allows at most 10 upstreams per repository; a domain rarely holds more than this many in one chain. */
export const maxRepositoriesRead = 50;

const maxPathSteps = 10_000;

/**
 * The repositories `start` reaches through its upstreams, each read once by `lookup` (which
 * answers undefined for one deleted since), breadth first, at most `limit` of them: the
 * graph the chains are found in. A cycle is read once.
 */
export async function readUpstreams<R extends RepositoryLinks>(
	start: string,
	lookup: (name: string) => Promise<R | undefined>,
	limit = maxRepositoriesRead,
): Promise<Map<string, R>> {
	const graph = new Map<string, R>();
	const queue = [start];
	const seen = new Set(queue);
	for (let name = queue.shift(); name !== undefined && graph.size < limit; name = queue.shift()) {
		const links = await lookup(name);
		if (!links) continue;
		graph.set(name, links);
		for (const upstream of links.upstreams) {
			if (seen.has(upstream)) continue;
			seen.add(upstream);
			queue.push(upstream);
		}
	}
	return graph;
}

/**
 * Every path from `start` through upstreams to a repository holding `connection`, ending with
 * the connection itself (e.g. [libs, central-proxy, public:maven-central]); shortest first. A
 * repository appears at most once in a path, so cycles end; none when it cannot reach it.
 */
export function chainsTo(start: string, connection: string, graph: ReadonlyMap<string, RepositoryLinks>): string[][] {
	const chains: string[][] = [];
	// Paths through a dense graph multiply: a budget of steps keeps the walk bounded.
	let budget = maxPathSteps;
	const walk = (name: string, path: readonly string[]): void => {
		const links = graph.get(name);
		if (!links || path.includes(name) || budget-- <= 0) return;
		const here = [...path, name];
		if (links.externalConnections.includes(connection)) chains.push([...here, connection]);
		for (const upstream of links.upstreams) walk(upstream, here);
	};
	walk(start, []);
	return chains.sort((a, b) => a.length - b.length);
}

/** The repositories that list `name` as a direct upstream: whom a change to `name` also affects. */
export function listedAsUpstreamBy(name: string, repositories: readonly RepositoryLinks[]): string[] {
	return repositories.filter(repository => repository.name !== name && repository.upstreams.includes(name)).map(repository => repository.name);
}

/** A chain as people read it: `libs → central-proxy → public:maven-central`. */
export function chainText(chain: readonly string[]): string {
	return chain.join(' → ');
}
