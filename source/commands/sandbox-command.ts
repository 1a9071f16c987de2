import {homedir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import type {SandboxCommandOptions} from '../command-line.js';
import {startSandbox} from '../sandbox/index.js';
import type {Scenario} from '../sandbox/state.js';

export const defaultSandboxData = join(homedir(), '.ca-wizard', 'sandbox');

/** `ca-wizard sandbox`: runs in the foreground until Ctrl-C (or SIGTERM), then stops cleanly. */
export async function runSandboxCommand(options: SandboxCommandOptions): Promise<number> {
	const log = (message: string) => process.stderr.write(`${message}\n`);
	const sandbox = await startSandbox({
		port: options.port,
		host: options.host,
		dataDir: options.dataDir ?? defaultSandboxData,
		mavenCentral: options.mavenCentral,
		scenario: options.scenario as Scenario | undefined,
		region: options.region,
		faults: options.faults,
		log,
	});
	process.stdout.write(`endpoint: ${sandbox.endpoint}\n`);
	if (options.printEnv) {
		for (const [name, value] of Object.entries(sandbox.env)) process.stdout.write(`export ${name}=${shellQuote(value)}\n`);
	} else {
		log(`data: ${sandbox.dataDir} (admin credentials in sandbox.json; --print-env prints them as export lines)`);
	}
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

function shellQuote(value: string): string {
	return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
