import {spawn, type ChildProcess} from 'node:child_process';
import {once} from 'node:events';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {buildSync} from 'esbuild';
import {afterEach, describe, expect, it} from 'vitest';
import {identify} from '../../source/files/process-identity.js';
import {startSandbox, type RunningSandbox} from '../../source/sandbox/index.js';
import {offlineMavenCentral, temporaryDirectory} from '../helpers/sandbox.js';

const children: ChildProcess[] = [];
const sandboxes: RunningSandbox[] = [];
afterEach(async () => {
	for (const child of children.splice(0)) child.kill('SIGKILL');
	for (const sandbox of sandboxes.splice(0)) await sandbox.stop();
});

/** A live process that is not a sandbox. */
async function bystander(): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['-e', 'process.stdout.write("up\\n"); setInterval(() => {}, 1e9)'], {stdio: ['ignore', 'pipe', 'ignore']});
	children.push(child);
	await once(child.stdout!, 'data');
	return child;
}

async function deadPid(): Promise<number> {
	const child = spawn(process.execPath, ['-e', '']);
	await once(child, 'exit');
	return child.pid!;
}

/** A lock left behind by `pid`, as the layout before this one (a pid in sandbox.lock) and as this one. */
function plantLock(dataDir: string, owner: {pid: number; start?: string; boot?: string}): void {
	writeFileSync(join(dataDir, 'sandbox.lock'), String(owner.pid));
	mkdirSync(join(dataDir, '.ca-wizard.lock'), {recursive: true});
	writeFileSync(join(dataDir, '.ca-wizard.lock', '1'), JSON.stringify(owner));
}

async function start(dataDir: string): Promise<RunningSandbox> {
	const sandbox = await startSandbox({dataDir, mavenCentral: offlineMavenCentral});
	sandboxes.push(sandbox);
	return sandbox;
}

describe('the data folder lock', () => {
	it('takes over a lock whose pid now belongs to another process', async () => {
		const other = await bystander();
		const dataDir = temporaryDirectory();
		plantLock(dataDir, {...identify(other.pid!), start: '1'}); // the killed sandbox started long before this process
		await start(dataDir);
	});

	it('refuses a lock held by a live sandbox, naming its pid, the lock file and the fix', async () => {
		const holder = await bystander();
		const dataDir = temporaryDirectory();
		mkdirSync(join(dataDir, '.ca-wizard.lock'));
		writeFileSync(join(dataDir, '.ca-wizard.lock', '1'), JSON.stringify(identify(holder.pid!)));
		await expect(start(dataDir)).rejects.toMatchObject({
			code: 'DataFolderInUse',
			message: expect.stringMatching(
				new RegExp(
					`in use by pid ${holder.pid} \\(another sandbox; lock file ${dataDir}/\\.ca-wizard\\.lock/1\\)\\. Fix: Stop that process, or pass another folder with --data DIR\\. .*delete ${dataDir}/\\.ca-wizard\\.lock/1`,
				),
			),
		});
	});

	it('lets exactly one of several starters take over a stale lock, every time', {timeout: 120_000}, async () => {
		const bundle = join(temporaryDirectory(), 'lock-starter.mjs');
		buildSync({
			entryPoints: [join(import.meta.dirname, '..', 'helpers', 'lock-starter.ts')],
			bundle: true,
			platform: 'node',
			format: 'esm',
			outfile: bundle,
			logLevel: 'silent',
		});
		for (let round = 0; round < 12; round++) {
			const dataDir = temporaryDirectory();
			plantLock(dataDir, {pid: await deadPid()});
			const starters = Array.from({length: 6}, () => spawn(process.execPath, [bundle, dataDir], {stdio: ['pipe', 'pipe', 'inherit']}));
			children.push(...starters);
			const lines = starters.map(child => {
				let text = '';
				child.stdout!.on('data', chunk => (text += String(chunk)));
				return () => text;
			});
			await expect.poll(() => lines.every(line => line().includes('ready')), {timeout: 30_000}).toBe(true);
			for (const child of starters) child.stdin!.write('go\n'); // all at once, as near as can be
			await expect.poll(() => lines.every(line => /won|lost/.test(line())), {timeout: 30_000}).toBe(true);
			const outcomes = lines.map(line => (line().includes('won') ? 'won' : line().split('\n')[1]!));
			expect(
				outcomes.filter(outcome => outcome === 'won'),
				`round ${round}: ${outcomes.join(' | ')}`,
			).toHaveLength(1);
			for (const child of starters) child.stdin!.end();
			await Promise.all(starters.map(child => (child.exitCode === null ? once(child, 'exit') : undefined)));
		}
	});
});
