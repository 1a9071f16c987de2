import {execFile} from 'node:child_process';
import {join} from 'node:path';
import {promisify} from 'node:util';
import type {RunningSandbox} from '../../source/sandbox/index.js';
import {requireE2eProject} from './e2e-only.js';

const run = promisify(execFile);

/**
 * Runs the aws CLI v1 against the sandbox with `variables` and nothing of whoever runs the
 * tests (no AWS_* variable, profile or config file); the parsed JSON output, or undefined for none.
 */
export async function awsCli(sandbox: RunningSandbox, variables: Record<string, string>, ...args: string[]): Promise<unknown> {
	requireE2eProject('the aws CLI');
	const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => !entry[0].startsWith('AWS_') && entry[1] !== undefined);
	const missing = join(sandbox.dataDir, 'no-aws-config');
	const env = {...Object.fromEntries(inherited), AWS_CONFIG_FILE: missing, AWS_SHARED_CREDENTIALS_FILE: missing, ...variables};
	const {stdout} = await run('aws', ['--endpoint-url', sandbox.endpoint, '--region', sandbox.region, '--output', 'json', ...args], {env});
	return stdout.trim() === '' ? undefined : JSON.parse(stdout);
}

/** `aws …` as the sandbox's admin, whose keys the sandbox's env holds. */
export function adminAwsCli(sandbox: {readonly current: RunningSandbox}): (...args: string[]) => Promise<unknown> {
	return (...args) => awsCli(sandbox.current, sandbox.current.env, ...args);
}
