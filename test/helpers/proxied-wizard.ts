import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import type {RunningSandbox} from '../../source/sandbox/index.js';
import {cliPath} from './cli-process.js';
import {temporaryDirectory} from './sandbox.js';

const run = promisify(execFile);

export type ProxiedOutcome = {code: number; stdout: string; stderr: string; requests: string[]};

/**
 * The built wizard against `sandbox` through a counting proxy (useCountingProxy), in a work
 * folder of its own (a later --workdir in `args` wins): its outcome and what reached the sandbox.
 */
export function proxiedWizard(sandbox: {readonly current: RunningSandbox}, proxy: {readonly url: string; requests: string[]}) {
	return async function wizard(args: string[]): Promise<ProxiedOutcome> {
		proxy.requests.length = 0;
		const env: NodeJS.ProcessEnv = {
			...process.env,
			...sandbox.current.env,
			AWS_ENDPOINT_URL: proxy.url,
			AWS_EC2_METADATA_SERVICE_ENDPOINT: `${proxy.url}/`,
			CI: 'true',
		};
		const outcome = await run(process.execPath, [cliPath, '--sandbox-url', proxy.url, '--workdir', temporaryDirectory(), ...args], {env}).then(
			({stdout, stderr}) => ({code: 0, stdout, stderr}),
			(error: Omit<ProxiedOutcome, 'requests'>) => error,
		);
		return {...outcome, requests: [...proxy.requests]};
	};
}
