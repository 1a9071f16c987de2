import {describe, expect, it} from 'vitest';
import {chainsTo, chainText, listedAsUpstreamBy, readUpstreams, type RepositoryLinks} from '../../source/wizard/topology.js';

const central = 'public:maven-central';
const repo = (name: string, upstreams: string[] = [], externalConnections: string[] = []): RepositoryLinks => ({name, upstreams, externalConnections});

/** A lookup over `repositories` that notes every name it is asked for. */
function lookupOf(repositories: RepositoryLinks[]) {
	const asked: string[] = [];
	const lookup = async (name: string) => {
		asked.push(name);
		return repositories.find(repository => repository.name === name);
	};
	return {lookup, asked};
}

async function chainsOf(start: string, repositories: RepositoryLinks[]): Promise<string[]> {
	const graph = await readUpstreams(start, lookupOf(repositories).lookup);
	return chainsTo(start, central, graph).map(chainText);
}

describe('the chains from a repository to public:maven-central', () => {
	it('through an upstream that holds the connection', async () => {
		expect(await chainsOf('libs', [repo('libs', ['central-proxy']), repo('central-proxy', [], [central])])).toEqual([
			'libs → central-proxy → public:maven-central',
		]);
	});

	it('directly, when the repository holds the connection itself', async () => {
		expect(await chainsOf('libs', [repo('libs', [], [central])])).toEqual(['libs → public:maven-central']);
	});

	it('none for a repository whose upstreams hold other connections only', async () => {
		expect(await chainsOf('libs', [repo('libs', ['npm-store']), repo('npm-store', [], ['public:npmjs'])])).toEqual([]);
	});

	it('every chain, shortest first, through upstreams listed in any order', async () => {
		const repositories = [repo('libs', ['team', 'store']), repo('team', ['store']), repo('store', [], [central])];
		expect(await chainsOf('libs', repositories)).toEqual(['libs → store → public:maven-central', 'libs → team → store → public:maven-central']);
	});

	it('ends on a cycle, reading each repository once', async () => {
		const repositories = [repo('a', ['b']), repo('b', ['c', 'a']), repo('c', ['a', 'b'])];
		const {lookup, asked} = lookupOf(repositories);
		const graph = await readUpstreams('a', lookup);
		expect(chainsTo('a', central, graph)).toEqual([]);
		expect(asked).toEqual(['a', 'b', 'c']);
	});

	it('skips an upstream that no longer exists', async () => {
		expect(await chainsOf('libs', [repo('libs', ['gone', 'store']), repo('store', [], [central])])).toEqual(['libs → store → public:maven-central']);
	});

	it('reads at most the given number of repositories', async () => {
		const line = Array.from({length: 10}, (_, index) => repo(`r${index}`, [`r${index + 1}`]));
		const {lookup, asked} = lookupOf([...line, repo('r10', [], [central])]);
		const graph = await readUpstreams('r0', lookup, 4);
		expect(asked).toEqual(['r0', 'r1', 'r2', 'r3']);
		expect(chainsTo('r0', central, graph)).toEqual([]);
	});
});

describe('who lists a repository as an upstream', () => {
	it('names the repositories whose upstreams include it, not itself', () => {
		const repositories = [repo('libs', ['libs']), repo('app', ['libs']), repo('web', ['other', 'libs']), repo('other')];
		expect(listedAsUpstreamBy('libs', repositories)).toEqual(['app', 'web']);
		expect(listedAsUpstreamBy('other', repositories)).toEqual(['web']);
		expect(listedAsUpstreamBy('app', repositories)).toEqual([]);
	});
});
