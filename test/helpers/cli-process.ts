import {spawn, type ChildProcess} from 'node:child_process';
import {once} from 'node:events';
import {join} from 'node:path';

export const cliPath = join(import.meta.dirname, '..', '..', 'dist', 'cli.cjs');

type Wrap = (command: string, args: string[]) => [string, string[]];

/** Starts `ca-wizard sandbox …` as a child process and waits for its `endpoint:` line; `wrap` may prefix the command (a resource limit). */
export async function startSandboxProcess(
	args: string[],
	env: NodeJS.ProcessEnv = process.env,
	wrap: Wrap = (command, rest) => [command, rest],
): Promise<{child: ChildProcess; endpoint: string; stdout: () => string; stderr: () => string}> {
	const child = spawn(...wrap(process.execPath, [cliPath, 'sandbox', ...args]), {env, stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', chunk => (stdout += String(chunk)));
	child.stderr!.on('data', chunk => (stderr += String(chunk)));
	const endpoint = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${stderr}`)), 20_000);
		child.stdout!.on('data', () => {
			const match = /^endpoint: (\S+)$/m.exec(stdout);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]!);
			}
		});
		child.once('exit', code => {
			clearTimeout(timer);
			reject(new Error(`sandbox exited with ${code}: ${stderr}`));
		});
	});
	return {child, endpoint, stdout: () => stdout, stderr: () => stderr};
}

export async function exitOf(child: ChildProcess): Promise<{code: number | null; signal: NodeJS.Signals | null}> {
	if (child.exitCode !== null || child.signalCode !== null) return {code: child.exitCode, signal: child.signalCode};
	const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
	return {code, signal};
}
