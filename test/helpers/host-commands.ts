import {execFile, type ExecFileOptions} from 'node:child_process';
import {chmodSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import type {RunningSandbox} from '../../source/sandbox/index.js';
import {cliPath} from './cli-process.js';
import {temporaryDirectory} from './sandbox.js';

// The day-two commands (token, exec, doctor) as a person types them on a configured host: the
// built CLI in a work folder, the sandbox's export lines in the environment, `ca-wizard` on the
// PATH as once installed, and no token in the environment unless a test puts one there.

export type Outcome = {code: number; stdout: string; stderr: string};

const execFileAsync = promisify(execFile);

export function hostCommands(sandbox: {readonly current: RunningSandbox}, workDir: string) {
	const bin = temporaryDirectory('ca-wizard-bin-');
	writeFileSync(join(bin, 'ca-wizard'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
	chmodSync(join(bin, 'ca-wizard'), 0o755);

	const environment = (): NodeJS.ProcessEnv => {
		const env: NodeJS.ProcessEnv = {...process.env, ...sandbox.current.env, CI: 'true', PATH: `${bin}:${process.env['PATH']}`};
		delete env['CODEARTIFACT_AUTH_TOKEN'];
		return env;
	};

	const run = async (file: string, args: string[], options: Omit<ExecFileOptions, 'encoding'> = {}): Promise<Outcome> => {
		try {
			const {stdout, stderr} = await execFileAsync(file, args, {cwd: workDir, env: environment(), ...options, encoding: 'utf8'});
			return {code: 0, stdout, stderr};
		} catch (error) {
			const failure = error as {code: number; stdout: string; stderr: string};
			return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr};
		}
	};

	return {
		environment,
		run,
		/** The built CLI with these arguments; `env` is added to the host's environment. */
		cli: (args: string[], env: NodeJS.ProcessEnv = {}) => run(process.execPath, [cliPath, ...args], {env: {...environment(), ...env}}),
	};
}

/** Every file under `folder`, for the canaries: no token is ever written. */
export function filesUnder(folder: string): string[] {
	return readdirSync(folder, {recursive: true, encoding: 'utf8'})
		.map(name => join(folder, name))
		.filter(path => statSync(path).isFile());
}
