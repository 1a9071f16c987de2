import type {CreatedResource, Summary} from '../events.js';
import type {StepContext, StepOutcome} from './context.js';
import {consoleLinks} from '../console-links.js';
import {needs} from './step-helpers.js';
import {destroyCommand, undoCommands} from './undo-commands.js';
import {join} from 'node:path';
import {shellQuote} from '../../text/shell-quote.js';

const identity = (resource: CreatedResource) => `${resource.kind}\u0000${resource.name}`;

export async function summaryStep(context: StepContext): Promise<StepOutcome> {
	const {options, aws, ledger} = context;
	if (options.dryRun) {
		context.host.notify({type: 'plan', plan: options.dryRun.plan});
		return 'next';
	}
	const facts = needs(context, 'domain', 'domainOwner', 'repository', 'settingsWritten', 'build', 'projectDir');
	const hostFlags = options.hostCommandFlags ?? '';
	const cli = options.cliName ?? 'ca-wizard';
	const flags = options.awsCliFlags ?? '';
	// What ca-wizard created, this run or an earlier one that stopped: the ledger knows, and undo needs all of it.
	const createdNow = new Set(facts.touched.filter(t => !t.reused).map(t => identity(t.resource)));
	const created = ledger.resources;
	const ours = new Set(created.map(identity));
	const role = buildHostRole(context);
	const summary: Summary = {
		build: {
			...facts.build,
			repository: facts.repository,
			...(facts.upstream ? {upstream: facts.upstream} : {}),
			...standIn(options.mavenCentralSource?.()),
		},
		...(facts.published ? {published: facts.published} : {}),
		created: created.map(resource => ({resource, earlierRun: !createdNow.has(identity(resource))})),
		reused: unique(facts.touched.filter(t => t.reused && !ours.has(identity(t.resource))).map(t => t.resource)),
		...(facts.fixAccounts?.length ? {happened: facts.fixAccounts} : {}),
		files: [{...facts.settingsWritten}],
		next: [
			...(options.sandboxRestart ?? []).map(command => ({purpose: 'restart-sandbox' as const, command})),
			// A token lasts 12 hours at most: exec asks for a fresh one for every build, so none ever expires mid-week.
			{
				purpose: 'build',
				command: `${cli} exec${hostFlags} -- mvn -s ${shellQuote(facts.settingsWritten.path)} -f ${shellQuote(join(facts.projectDir, 'pom.xml'))} compile`,
			},
			{purpose: 'export-token', command: `eval "$(${cli} token${hostFlags})"`},
		],
		undo: undoCommands([...created], flags),
		destroy: options.summaryDestroyCommand ?? destroyCommand(options),
		...(options.target === 'aws'
			? {
					console: consoleLinks({
						region: aws.region,
						account: facts.domainOwner,
						domain: facts.domain,
						repository: facts.repository,
						...(role ? {role} : {}),
					}),
				}
			: {}),
	};
	facts.summary = summary;
	context.host.notify({type: 'summary', summary});
	return 'next';
}

/** The role the build host asks for its token with: the wizard's own, else the instance's. */
function buildHostRole({facts}: StepContext): string | undefined {
	return facts.roleName ?? facts.hostMetadata?.roleName;
}

function unique(resources: CreatedResource[]): CreatedResource[] {
	const seen = new Set<string>();
	return resources.filter(resource => !seen.has(identity(resource)) && seen.add(identity(resource)));
}

/** What serves public:maven-central, named only when it is not Maven Central itself (a sandbox's offline folder, a mirror). */
function standIn(source: string | undefined): {mavenCentralSource?: string} {
	return source && !/^https:\/\/repo(1)?\.maven\.(apache\.)?org\/maven2\/?$/.test(source) ? {mavenCentralSource: source} : {};
}
