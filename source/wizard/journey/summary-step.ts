import type {StepContext, StepOutcome} from './context.js';
import {undoCommands} from './undo-commands.js';

export async function summaryStep(context: StepContext): Promise<StepOutcome> {
	const {facts, options, aws} = context;
	const flags = options.target === 'sandbox' ? ` --endpoint-url ${sandboxEndpointHint}` : ` --region ${aws.region}`;
	const createdNow = facts.touched.filter(t => !t.reused).map(t => t.resource);
	const lines: string[] = [];
	if (facts.build) {
		lines.push(`Build: ${facts.build.success ? 'BUILD SUCCESS' : 'BUILD FAILURE'} — ${facts.build.packages} packages in ${facts.repository}, fetched through ${facts.upstream} from Maven Central.`);
	}
	lines.push('Created:');
	for (const resource of createdNow) lines.push(`  + ${resource.name}${resource.arn ? `  ${resource.arn}` : ''}`);
	if (createdNow.length === 0) lines.push('  (nothing: everything already existed)');
	const reusedNow = facts.touched.filter(t => t.reused).map(t => t.resource);
	if (reusedNow.length > 0) {
		lines.push('Reused:');
		for (const resource of reusedNow) lines.push(`  = ${resource.name}${resource.arn ? `  ${resource.arn}` : ''}`);
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
	const undo = undoCommands(createdNow, flags);
	if (undo.length > 0) {
		lines.push('To undo, newest first:');
		for (const command of undo) lines.push(`  ${command}`);
	}
	context.host.notify({type: 'summary', lines});
	return 'next';
}

// In sandbox mode the endpoint is printed by `ca-wizard sandbox`; name it rather than a port that changes.
const sandboxEndpointHint = '$AWS_ENDPOINT_URL';
