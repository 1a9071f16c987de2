import {homedir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {startSandbox} from '../sandbox/index.js';
import type {Scenario} from '../sandbox/state.js';
import {shellQuote} from '../text/shell-quote.js';
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
	printEnv: boolean;
}

export const defaultSandboxData = join(homedir(), '.ca-wizard', 'sandbox');

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
		log,
	});
	process.stdout.write(`endpoint: ${sandbox.endpoint}\n`);
	if (options.printEnv) {
		for (const [name, value] of Object.entries(sandbox.env)) process.stdout.write(`export ${name}=${shellQuote(value)}\n`);
		// A session token left in the shell from real AWS would travel with the sandbox's long-term
		// keys and be refused, as AWS refuses it; an empty one is no token to the aws CLI and the SDKs.
		process.stdout.write('export AWS_SESSION_TOKEN=\n');
	} else {
		log(`data: ${sandbox.dataDir} (admin credentials in sandbox.json; --print-env prints them as export lines)`);
	}
	for (const line of instanceTable(sandbox.instances)) log(line);
	log('Press Ctrl-C to stop.');
	await new Promise<void>(resolve => {
		const stop = () => resolve();
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
	await sandbox.stop();
	log('sandbox stopped');
	return 0;
}
