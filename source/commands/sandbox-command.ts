import {resolve} from 'node:path';
import process from 'node:process';
import {startSandbox} from '../sandbox/index.js';
import type {Consistency} from '../sandbox/consistency.js';
import type {Scenario} from '../sandbox/state.js';
import {invocationName} from './invocation-name.js';
import {ownStopSignals, stopSignals} from '../process/stop-signals.js';
import {shellQuote} from '../text/shell-quote.js';
import {defaultSandboxData} from './defaults.js';
import {exportLines} from './export-lines.js';
import {instanceTable} from './instance-table.js';

export interface SandboxCommandOptions {
	port: number;
	host: string;
	publicUrl: string | undefined;
	dataDir: string | undefined;
	mavenCentral: string | undefined;
	scenario: string | undefined;
	instances: number | undefined;
	region: string | undefined;
	faults: string | undefined;
	consistency: Consistency | undefined;
	iamDelaySeconds: number | undefined;
	listingLagSeconds: number | undefined;
	printEnv: boolean;
}

/** `ca-wizard sandbox`: runs in the foreground until Ctrl-C (or SIGTERM), then stops cleanly. */
export async function runSandboxCommand(options: SandboxCommandOptions): Promise<number> {
	const log = (message: string) => process.stderr.write(`${message}\n`);
	const sandbox = await startSandbox({
		port: options.port,
		host: options.host,
		publicUrl: options.publicUrl,
		dataDir: options.dataDir ?? defaultSandboxData,
		mavenCentral: options.mavenCentral,
		scenario: options.scenario as Scenario | undefined,
		instances: options.instances,
		region: options.region,
		faults: options.faults,
		...(options.consistency === undefined ? {} : {consistency: options.consistency}),
		...(options.iamDelaySeconds === undefined ? {} : {iamDelaySeconds: options.iamDelaySeconds}),
		...(options.listingLagSeconds === undefined ? {} : {listingLagSeconds: options.listingLagSeconds}),
		log,
	});
	process.stdout.write(`endpoint: ${sandbox.endpoint}\n`);
	if (options.printEnv) process.stdout.write(exportLines(sandbox.env));
	else log(`data: ${sandbox.dataDir}. In another shell, ${envCommand(options.dataDir)} points the aws CLI and the SDKs at this sandbox.`);
	for (const line of instanceTable(sandbox.instances)) log(line);
	log('Press Ctrl-C to stop.');
	// The data folder's lock waits for the snapshot to be written: the sandbox ends the process itself.
	const disown = ownStopSignals(stopSignals);
	await new Promise<void>(resolve => {
		const stop = () => resolve();
		for (const signal of stopSignals) process.once(signal, stop);
	});
	await sandbox.stop();
	disown();
	log('sandbox stopped');
	return 0;
}

/** What another shell runs to take this sandbox's export lines (from any folder: the data folder's full path). */
function envCommand(dataDir: string | undefined): string {
	return `eval "$(${invocationName()} sandbox env${dataDir === undefined ? '' : ` --data ${shellQuote(resolve(dataDir))}`})"`;
}
