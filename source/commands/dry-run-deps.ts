import type {AwsApis} from '../aws/apis.js';
import {awsRepositoryEndpoint, dryRunApis} from '../aws/dry-run/dry-run-apis.js';
import {dryRunFiles} from '../wizard/dry-run/dry-run-files.js';
import type {JourneyFiles} from '../wizard/journey/context.js';
import {resourceNouns} from '../wizard/events.js';
import type {WizardHost} from '../wizard/host.js';
import type {RunLedger} from '../wizard/ledger.js';
import {PlanRecorder} from '../wizard/plan.js';
import type {Connection} from './connect-target.js';

/** What a --dry-run journey runs with instead: AWS reads only, no file written, the ledger in memory, and the plan they fill. */
export async function dryRunDeps(
	connection: Connection,
	real: {files: JourneyFiles; ledger: RunLedger; host: WizardHost},
): Promise<{deps: {aws: AwsApis; files: JourneyFiles; ledger: RunLedger; host: WizardHost}; recorder: PlanRecorder}> {
	const recorder = new PlanRecorder();
	// A planned repository's endpoint, as the target would answer it: the sandbox serves them under its own address.
	const endpointOf = connection.sandboxEndpoint
		? (await import('../sandbox/codeartifact/repository-endpoint.js')).repositoryEndpoint.bind(undefined, connection.sandboxEndpoint)
		: awsRepositoryEndpoint(connection.aws.region);
	return {
		deps: {
			aws: dryRunApis(connection.aws, recorder, endpointOf),
			files: dryRunFiles(real.files, recorder),
			ledger: real.ledger.inMemory(),
			host: announcingDryRun(real.host),
		},
		recorder,
	};
}

/**
 * Says, as the first step starts, that nothing will be changed, so no "Creating…" below is
 * taken for real; and shows what a step would make as planned, never as created.
 */
function announcingDryRun(host: WizardHost): WizardHost {
	let announced = false;
	return {
		ask: question => host.ask(question),
		notify(event) {
			if (event.type === 'resource' && !event.reused) {
				const {kind, name} = event.resource;
				host.notify({type: 'note', step: event.step, tone: 'info', message: `Planned, not made: ${resourceNouns[kind]} ${name}.`});
				return;
			}
			host.notify(event);
			if (announced || event.type !== 'step' || event.status !== 'active') return;
			announced = true;
			host.notify({
				type: 'note',
				step: event.step,
				tone: 'info',
				message: 'Dry run: AWS is only read. What a run would create or change is planned, and listed at the end; no file is written.',
			});
		},
	};
}
