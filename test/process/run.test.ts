import {existsSync, readFileSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {commandVersion, ProcessError, runProcess, type OutputStream} from '../../source/process/run.js';

const node = process.execPath;
let folder: string;

beforeEach(async () => {
	folder = await mkdtemp(join(tmpdir(), 'ca-wizard-run-'));
});
afterEach(async () => {
	await rm(folder, {recursive: true, force: true});
});

/** Alive and not a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch {
		return false;
	}
	try {
		return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

describe('runProcess', () => {
	test('streams lines as they come, from both streams', async () => {
		// The child waits for a file that the test creates only when it has seen the first line.
		const gate = join(folder, 'gate');
		const script = `
			console.log('ready'); console.error('to stderr');
			const fs = require('node:fs');
			const timer = setInterval(() => { if (fs.existsSync(${JSON.stringify(gate)})) { clearInterval(timer); process.stdout.write('done\\r\\nno newline'); } }, 10);`;
		const seen: Array<[string, OutputStream]> = [];
		const result = await runProcess(node, ['-e', script], {
			onLine: (line, stream) => {
				seen.push([line, stream]);
				if (line === 'ready') void writeFile(gate, '');
			},
		});
		expect(result).toEqual({exitCode: 0, stdout: 'ready\ndone\nno newline', stderr: 'to stderr'});
		expect(seen.filter(([, stream]) => stream === 'stdout').map(([line]) => line)).toEqual(['ready', 'done', 'no newline']);
		expect(seen).toContainEqual(['to stderr', 'stderr']);
	});

	test('an error thrown by onLine does not stop the process, and is raised at the end', async () => {
		const seen: string[] = [];
		const run = runProcess(node, ['-e', 'console.log("a"); console.log("b")'], {
			onLine: line => {
				seen.push(line);
				throw new Error(`bug on ${line}`);
			},
		});
		await expect(run).rejects.toThrow('bug on a');
		expect(seen).toEqual(['a', 'b']);
	});

	test('a non-zero exit is a result, not an error', async () => {
		const result = await runProcess(node, ['-e', 'console.error("bad"); process.exit(3)']);
		expect(result).toEqual({exitCode: 3, stdout: '', stderr: 'bad'});
	});

	test('a process killed by a signal it was not sent by us reports 128 + the signal', async () => {
		const result = await runProcess(node, ['-e', 'process.kill(process.pid, "SIGKILL")']);
		expect(result.exitCode).toBe(137);
	});

	test('adds to the environment, or replaces it', async () => {
		const script = 'console.log(JSON.stringify({extra: process.env.CA_EXTRA ?? null, path: Boolean(process.env.PATH)}))';
		const added = await runProcess(node, ['-e', script], {env: {CA_EXTRA: 'x'}, cwd: folder});
		expect(JSON.parse(added.stdout)).toEqual({extra: 'x', path: true});
		const replaced = await runProcess(node, ['-e', script], {env: {CA_EXTRA: 'y'}, replaceEnv: true});
		expect(JSON.parse(replaced.stdout)).toEqual({extra: 'y', path: false});
	});

	test('keeps only the last ~200 KB of output', async () => {
		const result = await runProcess(node, ['-e', 'for (let i = 0; i < 40000; i++) console.log(`line ${i} `.padEnd(20, ".")); console.log("last")']);
		expect(result.stdout.length).toBeLessThanOrEqual(200 * 1024);
		expect(result.stdout.length).toBeGreaterThan(190 * 1024);
		expect(result.stdout.endsWith('\nlast')).toBe(true);
	});

	/**
	 * A child that starts a long-lived grandchild sharing its output; the grandchild notes a
	 * SIGTERM in `received` (then does what `onTerm` says) and prints its pid once ready.
	 */
	const family = (received: string, onTerm: string): string[] => {
		const grandchild = `process.on('SIGTERM', () => { require('node:fs').writeFileSync(${JSON.stringify(received)}, 'SIGTERM'); ${onTerm} }); console.log('grandchild ' + process.pid); setInterval(() => {}, 1000)`;
		return [
			'-e',
			`require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], {stdio: ['ignore', 'inherit', 'inherit']}); setInterval(() => {}, 1000);`,
		];
	};

	/** Aborts the run once the grandchild is up: the run, the grandchild's pid and the file where it notes a SIGTERM. */
	async function abortWhenGrandchildIsReady(onTerm: string): Promise<{run: Promise<unknown>; pid: number; received: string}> {
		const received = join(folder, 'received');
		const controller = new AbortController();
		let ready: (pid: number) => void = () => {};
		const up = new Promise<number>(resolve => (ready = resolve));
		const run = runProcess(node, family(received, onTerm), {
			signal: controller.signal,
			onLine: line => {
				const pid = Number(/^grandchild (\d+)$/.exec(line)?.[1] ?? 0);
				if (pid && isRunning(pid)) {
					controller.abort();
					ready(pid);
				}
			},
		});
		run.catch(() => {}); // awaited by the test, once it has looked at the grandchild
		return {run, pid: await up, received};
	}

	test('abort stops the child and its grandchild with SIGTERM, and rejects with Aborted', async () => {
		const {run, pid, received} = await abortWhenGrandchildIsReady('process.exit(0);');
		await expect(run).rejects.toMatchObject({name: 'ProcessError', code: 'Aborted'});
		await expect.poll(() => isRunning(pid), {timeout: 10_000}).toBe(false);
		expect(readFileSync(received, 'utf8')).toBe('SIGTERM'); // not killed outright
	});

	test('a grandchild that ignores SIGTERM is killed after the grace period', async () => {
		const {run, pid, received} = await abortWhenGrandchildIsReady('/* ignored */');
		await expect.poll(() => existsSync(received), {timeout: 10_000}).toBe(true);
		// It outlived the SIGTERM: the SIGKILL waits for the grace period (3 s), then comes.
		expect(isRunning(pid)).toBe(true);
		await expect(run).rejects.toMatchObject({name: 'ProcessError', code: 'Aborted'});
		await expect.poll(() => isRunning(pid), {timeout: 10_000}).toBe(false);
	});

	test('in our process group when asked (ownGroup: false), and an abort still stops it with SIGTERM', async () => {
		const groupOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
		const ours = groupOf(readFileSync('/proc/self/stat', 'utf8'));
		const received = join(folder, 'received');
		const script = `process.on('SIGTERM', () => { require('node:fs').writeFileSync(${JSON.stringify(received)}, 'SIGTERM'); process.exit(0); }); console.log('group ' + require('node:fs').readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[2]); setInterval(() => {}, 1000);`;
		const controller = new AbortController();
		let group = 0;
		const run = runProcess(node, ['-e', script], {
			ownGroup: false,
			signal: controller.signal,
			onLine(line) {
				group = Number(/^group (\d+)$/.exec(line)?.[1] ?? 0);
				if (group) controller.abort();
			},
		});
		await expect(run).rejects.toMatchObject({name: 'ProcessError', code: 'Aborted'});
		expect(group).toBe(ours);
		expect(readFileSync(received, 'utf8')).toBe('SIGTERM');
		// By default, a group of its own.
		const own = await runProcess(node, ['-e', "console.log(require('node:fs').readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[2])"]);
		expect(Number(own.stdout.trim())).not.toBe(ours);
	});

	test('a timeout stops the process and rejects with TimedOut', async () => {
		await expect(runProcess(node, ['-e', 'setInterval(() => {}, 1000)'], {timeoutMs: 200})).rejects.toMatchObject({
			code: 'TimedOut',
			message: `${node} did not finish within 200 ms and was stopped.`,
		});
	});

	test('an already aborted signal starts nothing', async () => {
		const marker = join(folder, 'started');
		await expect(
			runProcess(node, ['-e', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, '')`], {signal: AbortSignal.abort()}),
		).rejects.toMatchObject({
			code: 'Aborted',
		});
		expect(existsSync(marker)).toBe(false);
	});

	test('a missing command is a ProcessError that names it and the fix', async () => {
		const error: unknown = await runProcess('ca-wizard-no-such-command', ['-v'], {missingCommandFix: 'Install the thing.'}).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(ProcessError);
		expect(error).toMatchObject({code: 'CommandNotFound', command: 'ca-wizard-no-such-command', fix: 'Install the thing.'});
		expect((error as Error).message).toBe('The command "ca-wizard-no-such-command" was not found.');
	});

	test('a missing working folder is not reported as a missing command', async () => {
		await expect(runProcess(node, ['-v'], {cwd: join(folder, 'nope')})).rejects.toMatchObject({code: 'SpawnFailed'});
	});
});

describe('commandVersion', () => {
	test('the first line of stdout, or of stderr as java -version writes it', async () => {
		expect(await commandVersion(node, ['--version'])).toBe(process.version);
		expect(
			await commandVersion(node, [
				'-e',
				'console.error("Picked up JAVA_TOOL_OPTIONS: -Xmx1g"); console.error("\\u001B[1mfake version \\"1.2\\"\\u001B[m"); console.error("more")',
			]),
		).toBe('fake version "1.2"');
	});

	test('undefined for a missing command or a failing one', async () => {
		expect(await commandVersion('ca-wizard-no-such-command', ['-v'])).toBeUndefined();
		expect(await commandVersion(node, ['-e', 'console.log("x"); process.exit(1)'])).toBeUndefined();
	});
});
