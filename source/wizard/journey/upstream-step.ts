import {goBack} from '../questions.js';
import type {Problem} from '../events.js';
import type {StepContext, StepOutcome} from './context.js';
import {createOrAdopt, ourTags} from './create-or-adopt.js';
import {ask, create, needs, note, progress, reused, stop, stopOnAws} from './step-helpers.js';

export const mavenCentralConnection = 'public:maven-central';

export async function upstreamStep(context: StepContext): Promise<StepOutcome> {
	const {aws} = context;
	const facts = needs(context, 'domain', 'repository');
	const {domain, repository} = facts;
	const store = context.options.names.upstream;
	const confirmed = await ask(context, {
		kind: 'confirm',
		id: 'upstream',
		message: `Connect ${repository} to Maven Central through the upstream repository ${store}?`,
		detail: `${store} holds the external connection ${mavenCentralConnection}; ${repository} lists it as an upstream, after any upstreams it already has.`,
		default: true,
		canGoBack: true,
	});
	if (confirmed === goBack) return 'back';
	if (!confirmed) {
		stop({
			code: 'UpstreamDeclined',
			message: `Without an upstream, ${repository} cannot fetch public packages and the build would fail.`,
			fix: 'Run ca-wizard again and accept the upstream, or add one yourself.',
		});
	}
	const clash = (connections: string[]): Problem => ({
		code: 'UpstreamClash',
		message: `${store} already has the external connection ${connections.join(', ')}; a repository can hold only one.`,
		fix: `Remove that connection from ${store}, or make ${repository} use another upstream by hand.`,
	});
	const fail = (doing: string) => (error: unknown) => stopOnAws(error, 'UpstreamFailed', doing);

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
	progress(context, 'Upstream ready', true);
	note(context, `${repository} → ${store} → ${mavenCentralConnection}`, 'success');
	return 'next';
}
