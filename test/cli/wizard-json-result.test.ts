import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cliPath, exitOf} from '../helpers/cli-process.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

// The built wizard with its output piped, as CI runs it: however the run ends, the --json stream's
// last line is one result event whose exit code is the one the process exits with, and nothing
// it prints, on either stream, carries an escape code.

interface Run {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

type Event = {type: string; [field: string]: unknown};

/** Runs the wizard from a folder of its own; `interrupt` sends `signal` (SIGINT) once stdout so far matches it. */
async function wizard(args: string[], options: {env?: NodeJS.ProcessEnv; interrupt?: RegExp; signal?: NodeJS.Signals} = {}): Promise<Run> {
	const cwd = temporaryDirectory();
	const child = spawn(process.execPath, [cliPath, '--workdir', join(cwd, 'work'), '--settings', join(cwd, 'settings.xml'), ...args], {
		cwd,
		env: {...process.env, CI: 'true', ...options.env},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	let interrupted = false;
	child.stdout.on('data', chunk => {
		stdout += String(chunk);
		if (options.interrupt && !interrupted && options.interrupt.test(stdout)) {
			interrupted = true;
			child.kill(options.signal ?? 'SIGINT');
		}
	});
	child.stderr.on('data', chunk => (stderr += String(chunk)));
	const {code, signal} = await exitOf(child);
	return {code, signal, stdout, stderr};
}

function eventsOf(run: Run): Event[] {
	return run.stdout
		.trim()
		.split('\n')
		.map(line => JSON.parse(line) as Event);
}

/** The stream ends with exactly one result event, which names the exit code the process really exited with. */
function resultOf(run: Run): Event {
	const events = eventsOf(run);
	expect(events.filter(event => event.type === 'result')).toHaveLength(1);
	const result = events.at(-1)!;
	expect(result.type).toBe('result');
	expect(result['exitCode']).toBe(run.code);
	return result;
}

function expectNoEscapes(run: Run): void {
	expect(run.stdout).not.toContain('\u001b');
	expect(run.stderr).not.toContain('\u001b');
	// Nor, with --json, written as \u001b inside a string.
	expect(run.stdout).not.toMatch(/\\u001b/i);
}

describe.skipIf(mavenUnavailable() !== undefined && process.env['CI'] !== 'true')('the built wizard, stdout piped', () => {
	it(
		'--sandbox --yes --json ends with the result: succeeded, the resources with their ARNs, the files, the packages, exit 0; the fixed refusal is a warning',
		{timeout: 180_000},
		async () => {
			const run = await wizard(['--sandbox', '--yes', '--json']);
			expectNoEscapes(run);
			expect(run.code, run.stderr).toBe(0);
			const events = eventsOf(run);
			const result = resultOf(run);
			expect(result).toMatchObject({
				status: 'succeeded',
				files: [{path: expect.stringMatching(/settings\.xml$/)}],
				warnings: [{step: 'token', code: 'denied-token', fix: expect.stringContaining('build-host-role')}],
				// --yes takes the publish step: the package, its SHA-256, and the copy fetched back matched it.
				published: {domain: 'ca-wizard-demo', namespace: 'ca-wizard', version: '1.0.0', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), verified: true},
			});
			expect(result['packages']).toBeGreaterThan(20);
			expect(result['packages']).toBe((events.find(e => e.type === 'summary')!['summary'] as {build: {packages: number}}).build.packages);
			const resources = result['resources'] as {kind: string; arn?: string; origin: string}[];
			expect(resources.find(r => r.kind === 'domain')).toMatchObject({
				origin: 'created',
				arn: expect.stringMatching(/^arn:aws:codeartifact:[^:]+:\d{12}:domain\/ca-wizard-demo$/),
			});
			expect(resources.find(r => r.kind === 'repository')).toMatchObject({arn: expect.stringMatching(/:repository\/ca-wizard-demo\//)});
			expect(resources.find(r => r.kind === 'iam-policy')).toMatchObject({arn: expect.stringMatching(/^arn:aws:iam::\d{12}:policy\//)});
			// The sandbox's build host wears a role it had before: adopted, not created.
			expect(resources.every(r => ['created', 'adopted'].includes(r.origin))).toBe(true);
			// No console links: they would point at nothing.
			expect(result).not.toHaveProperty('console');

			// The refusal was a warning, then its fix, then the token: never an error.
			expect(events.some(e => e.type === 'problem' || e.type === 'error')).toBe(false);
			const warned = events.findIndex(e => e.type === 'warning' && (e['problem'] as {code: string}).code === 'denied-token');
			const fixed = events.findIndex(e => e.type === 'fixed' && e['code'] === 'denied-token');
			expect(warned).toBeGreaterThan(0);
			expect(fixed).toBeGreaterThan(warned);
		},
	);

	it('plain lines (no --json) carry no escape codes either, and call the fixed refusal a warning', {timeout: 180_000}, async () => {
		// Maven's own colour resets are taken out, whatever the colour variables say.
		const run = await wizard(['--sandbox', '--yes'], {env: {NO_COLOR: '1'}});
		expectNoEscapes(run);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toContain('warning [denied-token]: The build host may not ask for a token');
		expect(run.stdout).toMatch(/^ {2}fixed \[denied-token\]: Attach .*build-host-role/m);
		expect(run.stdout).not.toMatch(/^error/m);
		expect(run.stdout).toContain('| [INFO] BUILD SUCCESS');
	});

	it('a settings.xml that does not parse: the run stops, and the result says so with exit 1', {timeout: 60_000}, async () => {
		const settings = join(temporaryDirectory(), 'settings.xml');
		writeFileSync(settings, '<settings>\n<mirrors>\n</settings>\n');
		const run = await wizard(['--sandbox', '--yes', '--json', '--settings', settings]);
		expectNoEscapes(run);
		expect(run.code).toBe(1);
		expect(resultOf(run)).toMatchObject({status: 'stopped', resources: [], files: [], packages: 0, problem: {code: 'SettingsUnreadable'}});
	});

	it(
		"declining the token's fix: the refusal becomes the error, and the result says declined, with what was created and exit 1",
		{timeout: 60_000},
		async () => {
			const run = await wizard(['--sandbox', '--yes', '--json', '--token-fix', 'stop']);
			expectNoEscapes(run);
			expect(run.code).toBe(1);
			const result = resultOf(run);
			expect(result).toMatchObject({status: 'declined', warnings: [{code: 'denied-token'}], problem: {step: 'token', code: 'TokenRefused'}});
			expect((result['warnings'] as object[])[0]).not.toHaveProperty('fix');
			expect(result['resources']).toContainEqual(expect.objectContaining({kind: 'domain', origin: 'created', arn: expect.stringContaining(':domain/')}));
			expect(eventsOf(run).filter(e => e.type === 'problem')).toHaveLength(1);
		},
	);

	it('Ctrl-C mid-run: the result says cancelled, with exit 130, and what was made so far', {timeout: 60_000}, async () => {
		const run = await wizard(['--sandbox', '--yes', '--json'], {interrupt: /"step":"upstream","status":"active"/});
		expectNoEscapes(run);
		expect(run.code).toBe(130);
		const result = resultOf(run);
		expect(result).toMatchObject({status: 'cancelled'});
		expect(result['resources']).toContainEqual(expect.objectContaining({kind: 'domain', origin: 'created'}));
	});

	it('SIGTERM ends the run at once, after the result: cancelled, with the 143 a shell reports for it', {timeout: 60_000}, async () => {
		const run = await wizard(['--sandbox', '--yes', '--json'], {interrupt: /"step":"upstream","status":"active"/, signal: 'SIGTERM'});
		expectNoEscapes(run);
		expect(run.signal).toBe('SIGTERM');
		const events = eventsOf(run);
		expect(events.filter(event => event.type === 'result')).toHaveLength(1);
		expect(events.at(-1)).toMatchObject({type: 'result', status: 'cancelled', exitCode: 143});
	});

	it('a failure before the journey (a question with neither flag nor --yes) still ends with the result, exit 2', {timeout: 60_000}, async () => {
		const run = await wizard(['--sandbox', '--json']);
		expectNoEscapes(run);
		expect(run.code).toBe(2);
		expect(resultOf(run)).toMatchObject({status: 'failed', problem: {code: 'NoTerminal'}});
	});

	it('a command line refused before anything starts (a bad flag value) still ends with the result, exit 2', async () => {
		const run = await wizard(['--sandbox', '--token-fix', 'bogus', '--json']);
		expectNoEscapes(run);
		expect(run.code).toBe(2);
		const lines = run.stdout.trim().split('\n');
		expect(JSON.parse(lines[0] ?? '')).toMatchObject({type: 'error', code: 'BadOptionValue'});
		expect(resultOf(run)).toEqual({
			type: 'result',
			status: 'failed',
			exitCode: 2,
			resources: [],
			files: [],
			packages: 0,
			warnings: [],
			problem: expect.objectContaining({code: 'BadOptionValue'}),
		});
	});
});
