import {execFile, type ExecFileOptions} from 'node:child_process';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {drawingFiles, fileOfEntry, readBundle} from '../helpers/bundle-chunks.js';
import {cliPath} from '../helpers/cli-process.js';
import {recordingLoads} from '../helpers/loaded-files.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {temporaryDirectory} from '../helpers/sandbox.js';
import {Terminal} from '../helpers/terminal.js';

// Nothing drawn, nothing loaded: real runs of the built CLI, with every module they load noted.
// Without a terminal, or with --json, no file of dist/ that holds Ink or React is ever loaded.

const execFileAsync = promisify(execFile);
const bundle = readBundle();
const drawing = drawingFiles(bundle);
const file = (source: string) => fileOfEntry(bundle, source);

/** Runs the built CLI without a terminal; returns its exit code and the files of dist/ it loaded. */
async function runRecorded(args: string[], options: ExecFileOptions = {}): Promise<{code: number; loaded: string[]}> {
	const recording = recordingLoads({...process.env, CI: 'true'});
	const code = await execFileAsync(process.execPath, [...recording.nodeArgs, cliPath, ...args], {
		cwd: temporaryDirectory(),
		env: recording.env,
		maxBuffer: 64 * 1024 * 1024,
		...options,
	}).then(
		() => 0,
		(error: {code: number}) => error.code,
	);
	return {code, loaded: recording.files()};
}

describe('the built CLI loads no Ink or React where it draws nothing', () => {
	it('--version loads dist/cli.cjs alone; --help and a refused option load no command', async () => {
		const version = await runRecorded(['--version']);
		expect(version.code).toBe(0);
		expect(version.loaded).toEqual(['dist/cli.cjs']);
		for (const args of [['--help'], ['sandbox', '--help'], ['--bogus']]) {
			const run = await runRecorded(args);
			expect(run.loaded).toContain(file('source/run-cli.ts'));
			expect(run.loaded.filter(loaded => drawing.has(loaded))).toEqual([]);
		}
	});

	it('a wizard run without a terminal opens its session and starts the journey without them', async () => {
		// No --yes: it stops at the first question it cannot ask (exit 2), after the journey began.
		const run = await runRecorded(['--sandbox', '--workdir', temporaryDirectory()]);
		expect(run.code).toBe(2);
		expect(run.loaded).toEqual(expect.arrayContaining([file('source/commands/line-session.ts'), file('source/wizard/journey/run-journey.ts')]));
		expect(run.loaded.filter(loaded => drawing.has(loaded))).toEqual([]);
	});

	it.skipIf(mavenUnavailable() !== undefined && process.env['CI'] !== 'true')(
		'--sandbox --yes --json walks the whole journey without them',
		{timeout: 180_000},
		async () => {
			const run = await runRecorded(['--sandbox', '--yes', '--json', '--workdir', temporaryDirectory()]);
			expect(run.code).toBe(0);
			expect(run.loaded).toEqual(expect.arrayContaining([file('source/sandbox/index.ts'), file('source/aws/sdk/codeartifact.ts')]));
			expect(run.loaded.filter(loaded => drawing.has(loaded))).toEqual([]);
		},
	);

	it('at a terminal the screens load them, and the recording sees it', async () => {
		const workDir = temporaryDirectory();
		const recording = recordingLoads({...process.env, TERM: 'xterm-256color'});
		delete recording.env['CI'];
		const terminal = new Terminal(process.execPath, [...recording.nodeArgs, cliPath, '--sandbox', '--workdir', workDir], {cwd: workDir, env: recording.env});
		try {
			expect(await terminal.printed(text => text.includes('ca-wizard · step'))).toBe(true);
			expect(recording.files()).toContain(file('source/commands/ink-session.ts'));
		} finally {
			terminal.kill();
		}
	});
});
