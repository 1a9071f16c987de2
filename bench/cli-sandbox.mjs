// The built CLI's sandbox, started as a presenter would (`ca-wizard sandbox --port 0 …
// --print-env`), for the benches that run wizards against one sandbox.
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {join} from 'node:path';
import {root} from './build-sandbox-bundle.mjs';

export const cli = join(root, 'dist', 'cli.cjs');

/**
 * Starts it with `args` (after `sandbox --port 0 --print-env`); resolves to the process, its
 * admin environment (the export lines), its endpoint, its build hosts and a stop().
 */
export async function startCliSandbox(args) {
	const child = spawn(process.execPath, [cli, 'sandbox', '--port', '0', '--print-env', ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', chunk => (stdout += chunk));
	child.stderr.on('data', chunk => (stderr += chunk));
	await new Promise((resolve, reject) => {
		child.stderr.on('data', () => stderr.includes('Press Ctrl-C to stop.') && resolve());
		child.once('exit', code => reject(new Error(`the sandbox exited with ${code}:\n${stderr}`)));
	});
	const env = Object.fromEntries([...stdout.matchAll(/^export (\w+)=(.*)$/gm)].map(([, name, value]) => [name, value.replace(/^'(.*)'$/, '$1')]));
	const hosts = [...stderr.matchAll(/^(build-host-\d+)\s+(i-\S+)\s+(\S+)$/gm)].map(([, name, id, metadataEndpoint]) => ({name, id, metadataEndpoint}));
	return {
		child,
		env,
		endpoint: env.AWS_ENDPOINT_URL,
		hosts,
		async stop() {
			child.kill('SIGTERM');
			if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
		},
	};
}
