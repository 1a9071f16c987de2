import type {CreatedResource, Summary} from '../events.js';
import type {StepContext, StepOutcome} from './context.js';
import {needs} from './step-helpers.js';
import {destroyCommand, undoCommands} from './undo-commands.js';
import {shellQuote} from '../../text/shell-quote.js';

const identity = (resource: CreatedResource) => `${resource.kind}\u0000${resource.name}`;

export async function summaryStep(context: StepContext): Promise<StepOutcome> {
	const {options, aws, ledger} = context;
	const facts = needs(context, 'domain', 'domainOwner', 'repository', 'settingsWritten', 'build');
	const flags = options.target === 'sandbox' ? ` --endpoint-url ${sandboxEndpointHint}` : ` --region ${aws.region}`;
	// What ca-wizard created, this run or an earlier one that stopped: the ledger knows, and undo needs all of it.
	const createdNow = new Set(facts.touched.filter(t => !t.reused).map(t => identity(t.resource)));
	const created = ledger.resources;
	const ours = new Set(created.map(identity));
	const summary: Summary = {
		build: {...facts.build, repository: facts.repository, ...(facts.upstream ? {upstream: facts.upstream} : {})},
		created: created.map(resource => ({resource, earlierRun: !createdNow.has(identity(resource))})),
		reused: unique(facts.touched.filter(t => t.reused && !ours.has(identity(t.resource))).map(t => t.resource)),
		files: [{...facts.settingsWritten}],
		next: [
			...(options.sandboxRestart ? [{purpose: 'restart-sandbox' as const, command: options.sandboxRestart}] : []),
			{
				purpose: 'export-token',
				command: `export CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact get-authorization-token --domain ${shellQuote(facts.domain)} --domain-owner ${shellQuote(facts.domainOwner)} --query authorizationToken --output text${flags})`,
			},
			{purpose: 'build', command: `mvn -s ${shellQuote(facts.settingsWritten.path)} compile`},
		],
		undo: undoCommands([...created], flags),
		destroy: destroyCommand(options),
	};
	facts.summary = summary;
	context.host.notify({type: 'summary', summary});
	return 'next';
}

function unique(resources: CreatedResource[]): CreatedResource[] {
	const seen = new Set<string>();
	return resources.filter(resource => !seen.has(identity(resource)) && seen.add(identity(resource)));
}

// In sandbox mode the endpoint is printed by `ca-wizard sandbox`; name it rather than a port that changes.
const sandboxEndpointHint = '$AWS_ENDPOINT_URL';
