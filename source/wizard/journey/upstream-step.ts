import type {RepositoryInfo} from '../../aws/apis.js';
import {goBack} from '../questions.js';
import type {Problem} from '../events.js';
import {chainsTo, chainText, listedAsUpstreamBy, readUpstreams, mavenCentralConnection} from '../topology.js';
import type {StepContext, StepOutcome} from './context.js';
import {madeByCaWizard} from '../ownership-tags.js';
import {createOrAdopt, ourTags} from './create-or-adopt.js';
import {ask, create, needs, note, progress, reused, stop, stopOnAws} from './step-helpers.js';

export {mavenCentralConnection};

/**
 * Makes sure the repository reaches Maven Central. The topology is read first: a repository
 * that already reaches it, through any chain, is shown and left as it is. Otherwise
 * maven-central-store is added as its upstream: asked as before for a repository ca-wizard
 * made; for anyone else's, only after a yes (default no) to a question naming who else it affects.
 */
export async function upstreamStep(context: StepContext): Promise<StepOutcome> {
	const {aws} = context;
	const facts = needs(context, 'domain', 'repository');
	const {domain, repository} = facts;
	const store = context.options.names.upstream;
	const fail = (doing: string) => (error: unknown) => stopOnAws(error, 'UpstreamFailed', doing);

	progress(context, `Reading how ${repository} reaches public packages…`);
	const graph = await readUpstreams(repository, name => aws.codeartifact.describeRepository(domain, name).catch(fail(`Looking up ${name}`)));
	const [chain] = chainsTo(repository, mavenCentralConnection, graph);
	if (chain) return alreadyReaches(context, chain, graph);
	const target = graph.get(repository);
	if (!target)
		stop({code: 'UpstreamFailed', message: `The repository ${repository} is gone from ${domain}.`, fix: 'Run ca-wizard again to choose or create one.'});
	progress(context, `${repository} does not reach ${mavenCentralConnection} yet`, true, 'info');

	const ours =
		createdThisRun(context, repository) || madeByCaWizard(await aws.codeartifact.listTags(target.arn).catch(fail(`Reading the tags of ${repository}`)));
	// Whom a change to someone else's repository affects: only then is every repository of the domain read.
	const listers = async () =>
		listedAsUpstreamBy(repository, await aws.codeartifact.listRepositories(domain).catch(fail(`Listing the repositories of ${domain}`)));
	const confirmed = ours ? await askAsBefore(context, store) : await askForShared(context, store, await listers());
	if (confirmed === goBack) return 'back';
	if (!confirmed) {
		if (ours) {
			stop({
				code: 'UpstreamDeclined',
				message: `Without an upstream, ${repository} cannot fetch public packages and the build would fail.`,
				fix: 'Run ca-wizard again and accept the upstream, or add one yourself.',
				declined: true,
			});
		}
		note(
			context,
			`${repository} was left as it is. It does not reach ${mavenCentralConnection}, so the build may fail to fetch public packages; add an upstream that holds ${mavenCentralConnection} yourself, or run again with --shared-upstream yes.`,
			'warning',
		);
		return 'next';
	}
	const clash = (connections: string[]): Problem => ({
		code: 'UpstreamClash',
		message: `${store} already has the external connection ${connections.join(', ')}; a repository can hold only one.`,
		fix: `Remove that connection from ${store}, or make ${repository} use another upstream by hand.`,
	});

	let storeRepository = await aws.codeartifact.describeRepository(domain, store).catch(fail(`Looking up ${store}`));
	if (storeRepository) {
		await reused(context, {kind: 'repository', name: store, arn: storeRepository.arn, details: {domain, repository: store}});
	} else {
		progress(context, `Creating ${store}…`);
		storeRepository = await createOrAdopt(
			context,
			{kind: 'repository', name: store, details: {domain, repository: store}},
			{
				create: () =>
					aws.codeartifact.createRepository(domain, store, {
						description: `Cache of Maven Central (${mavenCentralConnection}), created by ca-wizard`,
						tags: ourTags(context),
					}),
				made: made => ({arn: made.arn}),
				find: () => aws.codeartifact.describeRepository(domain, store),
				tags: found => aws.codeartifact.listTags(found.arn),
				code: 'UpstreamFailed',
				doing: `Creating ${store}`,
			},
		);
	}
	const connections = storeRepository.externalConnections;
	if (!connections.includes(mavenCentralConnection)) {
		if (connections.length > 0) stop(clash(connections));
		progress(context, `Connecting ${store} to ${mavenCentralConnection}…`);
		// Another run may connect it at the same moment: then the connection is there, and used.
		await createOrAdopt(
			context,
			{kind: 'external-connection', name: `${store} → ${mavenCentralConnection}`, details: {domain, repository: store, connection: mavenCentralConnection}},
			{
				create: () => aws.codeartifact.associateExternalConnection(domain, store, mavenCentralConnection),
				made: () => ({}),
				find: () => aws.codeartifact.describeRepository(domain, store),
				clash: found => (found.externalConnections.includes(mavenCentralConnection) ? undefined : clash(found.externalConnections)),
				code: 'UpstreamFailed',
				doing: 'Adding the external connection',
			},
		);
	}
	const current = (await aws.codeartifact.describeRepository(domain, repository).catch(fail(`Looking up ${repository}`)))?.upstreams ?? [];
	if (current.includes(store)) {
		await reused(context, {kind: 'upstream-link', name: `${repository} → ${store}`, details: {domain, repository, upstream: store}});
	} else {
		progress(context, `Adding ${store} as an upstream of ${repository}…`);
		await create(
			context,
			{kind: 'upstream-link', name: `${repository} → ${store}`, details: {domain, repository, upstream: store, previous: current.join(',')}},
			() => aws.codeartifact.updateUpstreams(domain, repository, [...current, store]).catch(fail('Updating the upstreams')),
		);
	}
	facts.upstream = store;
	facts.upstreamChain = [repository, store];
	progress(context, 'Upstream ready', true);
	note(context, chainText([repository, store, mavenCentralConnection]), 'success');
	return 'next';
}

/** The repository reaches Maven Central already: shown, nothing changed. */
async function alreadyReaches(context: StepContext, chain: string[], graph: ReadonlyMap<string, RepositoryInfo>): Promise<StepOutcome> {
	const facts = needs(context, 'domain', 'repository');
	const {domain, repository} = facts;
	const repositories = chain.slice(0, -1);
	// The repositories on the way are used as they are: shown, and never undone.
	for (const [index, name] of repositories.entries()) {
		const info = graph.get(name);
		if (index > 0 && info) await reused(context, {kind: 'repository', name, arn: info.arn, details: {domain, repository: name}});
		const next = repositories[index + 1];
		if (next) await reused(context, {kind: 'upstream-link', name: `${name} → ${next}`, details: {domain, repository: name, upstream: next}});
	}
	facts.upstream = repositories.at(-1) ?? repository;
	facts.upstreamChain = repositories;
	progress(context, `${repository} already reaches Maven Central`, true);
	// A short first sentence: it is the step's line above later screens. ca-wizard's own repository
	// (this run's or an earlier one's) is not someone else's that this host is onboarded to.
	const ours =
		createdThisRun(context, domain) ||
		createdThisRun(context, repository) ||
		context.ledger.resources.some(resource => resource.kind === 'repository' && resource.name === repository);
	note(
		context,
		ours
			? `${repository} already reaches Maven Central. Its way there: ${chainText(chain)}; nothing to change.`
			: `${domain}/${repository} already reaches Maven Central. This host is onboarded to it as it is, via ${chainText(chain)}; nothing shared is changed.`,
		'success',
	);
	return 'next';
}

function createdThisRun(context: StepContext, name: string): boolean {
	return context.facts.touched.some(
		({resource, reused}) => !reused && (resource.kind === 'repository' || resource.kind === 'domain') && resource.name === name,
	);
}

/** A repository ca-wizard made: the question it always had, default yes. */
function askAsBefore(context: StepContext, store: string) {
	const {repository} = needs(context, 'repository');
	return ask(context, {
		kind: 'confirm',
		id: 'upstream',
		message: `Connect ${repository} to Maven Central through the upstream repository ${store}?`,
		detail: `${store} holds the external connection ${mavenCentralConnection}; ${repository} lists it as an upstream, after any upstreams it already has.`,
		default: true,
		canGoBack: true,
	});
}

/** Someone else's repository: the change and who else it reaches, named; default no. */
function askForShared(context: StepContext, store: string, listers: string[]) {
	const {repository} = needs(context, 'repository');
	const others =
		listers.length === 0
			? `No other repository lists ${repository} as an upstream`
			: `${listers.length} repositor${listers.length === 1 ? 'y lists' : 'ies list'} ${repository} as an upstream (${listers.slice(0, 5).join(', ')}${listers.length > 5 ? ', …' : ''})`;
	return ask(context, {
		kind: 'confirm',
		id: 'shared-upstream',
		message: `Change ${repository}, which ca-wizard did not create, by adding ${store} as its upstream?`,
		detail: `${others}. Every build that uses ${repository}${listers.length > 0 ? ' or them' : ''} will then fetch from Maven Central through ${store}. No leaves it as it is.`,
		default: false,
		canGoBack: true,
	});
}
