import type {CreatedResource} from '../events.js';
import type {StepContext, StepOutcome} from './context.js';
import {undoCommands} from './undo-commands.js';

const identity = (resource: CreatedResource) => `${resource.kind}\u0000${resource.name}`;

export async function summaryStep(context: StepContext): Promise<StepOutcome> {
	const {facts, options, aws, ledger} = context;
	const flags = options.target === 'sandbox' ? ` --endpoint-url ${sandboxEndpointHint}` : ` --region ${aws.region}`;
	// What ca-wizard created, this run or an earlier one that stopped: the ledger knows, and undo needs all of it.
	const createdNow = new Set(facts.touched.filter(t => !t.reused).map(t => identity(t.resource)));
	const created = ledger.resources;
	const ours = new Set(created.map(identity));
	const reused = unique(facts.touched.filter(t => t.reused && !ours.has(identity(t.resource))).map(t => t.resource));
	const lines: string[] = [];
	if (facts.build) {
		lines.push(`Build: ${facts.build.success ? 'BUILD SUCCESS' : 'BUILD FAILURE'} — ${facts.build.packages} packages in ${facts.repository}, fetched through ${facts.upstream} from Maven Central.`);
	}
	lines.push('Created by ca-wizard:');
	for (const resource of created) lines.push(`  + ${resource.name}${resource.arn ? `  ${resource.arn}` : ''}${createdNow.has(identity(resource)) ? '' : '  (an earlier run)'}`);
	if (created.length === 0) lines.push('  (nothing: everything already existed)');
	if (reused.length > 0) {
		lines.push('Already there, reused:');
		for (const resource of reused) lines.push(`  = ${resource.name}${resource.arn ? `  ${resource.arn}` : ''}`);
	}
	if (facts.settingsWritten) {
		lines.push('Files:');
		lines.push(`  ${facts.settingsWritten.path}${facts.settingsWritten.backupPath ? ` (backup: ${facts.settingsWritten.backupPath})` : ''}`);
	}
	if (options.sandboxRestart) {
		lines.push('The sandbox stopped with the wizard; its state is kept. To use it again, in another shell:');
		lines.push(`  ${options.sandboxRestart}`);
		lines.push('  then, in your shell, the export lines it prints (eval "$(… | grep ^export)").');
	}
	lines.push('A token in a new shell (valid 12 h):');
	lines.push(
		`  export CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact get-authorization-token --domain ${facts.domain} --domain-owner ${facts.domainOwner} --query authorizationToken --output text${flags})`,
	);
	lines.push(`  mvn -s ${facts.settingsWritten?.path ?? '~/.m2/settings.xml'} compile`);
	const undo = undoCommands([...created], flags);
	if (undo.length > 0) {
		lines.push('To undo, newest first:');
		for (const command of undo) lines.push(`  ${command}`);
	}
	facts.summary = lines;
	context.host.notify({type: 'summary', lines});
	return 'next';
}

function unique(resources: CreatedResource[]): CreatedResource[] {
	const seen = new Set<string>();
	return resources.filter(resource => !seen.has(identity(resource)) && seen.add(identity(resource)));
}

// In sandbox mode the endpoint is printed by `ca-wizard sandbox`; name it rather than a port that changes.
const sandboxEndpointHint = '$AWS_ENDPOINT_URL';
