import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseInvocation} from '../../source/commands/parse-invocation.js';
import {commands, defaultCommand} from '../../source/commands/registry.js';
import {connectTarget, type Target} from '../../source/commands/connect-target.js';
import {invocationName} from '../../source/commands/invocation-name.js';
import {temporaryDirectory} from '../helpers/sandbox.js';
import {summaryFor} from '../helpers/summary-for.js';

// Every command the summary prints must work when pasted: each ca-wizard line parses with our
// own parser and keeps the run's target (profile and region, or the sandbox); every other line
// is a valid shell line that keeps them too. Words are split by a real shell, as a paste would be.

const endpoint = 'http://127.0.0.1:7717';

/** The words a shell makes of `line`, with the sandbox's export lines in its environment (nothing is run). */
function shellWords(line: string): string[] {
	const out = execFileSync('bash', ['--norc', '--noprofile', '-c', `set -- ${line}; printf '%s\\0' "$@"`], {
		env: {AWS_ENDPOINT_URL: endpoint},
		encoding: 'utf8',
	});
	return out.split('\0').slice(0, -1);
}

function validShell(line: string): boolean {
	try {
		execFileSync('bash', ['--norc', '--noprofile', '-n', '-c', line], {stdio: 'ignore', env: {}});
		return true;
	} catch {
		return false;
	}
}

/** The words of a ca-wizard line as pasted: inside `eval "$(…)"`, before a redirection or a pipe. */
function pastedWords(line: string): string[] {
	return shellWords(line.replace(/^eval "\$\((.*)\)"$/, '$1').replace(/ [>|].*$/, ''));
}

/** A printed ca-wizard line as our parser reads it (after `cliName`): its command's name and option values. */
function parsed(line: string, cliName = 'ca-wizard') {
	const words = pastedWords(line);
	const prefix = words[0] === 'npx' && cliName === 'ca-wizard' ? ['npx', 'ca-wizard'] : cliName.split(' ');
	expect(words.slice(0, prefix.length), line).toEqual(prefix);
	const invocation = parseInvocation(words.slice(prefix.length), commands, defaultCommand);
	if (invocation.kind !== 'run') throw new Error(`${line} is not a run`);
	return {name: invocation.command.name, values: invocation.values, positionals: invocation.positionals};
}

describe.each([
	{target: {kind: 'aws', profile: 'dev'} as Target, keeps: {profile: 'dev', region: 'eu-west-1'}, aws: ['--profile', 'dev', '--region', 'eu-west-1']},
	{target: {kind: 'aws'} as Target, keeps: {region: 'eu-west-1'}, aws: ['--region', 'eu-west-1']},
	{target: {kind: 'sandbox'} as Target, keeps: {}, aws: ['--endpoint-url', endpoint]},
	{target: {kind: 'sandbox-url', url: endpoint} as Target, keeps: {'sandbox-url': endpoint}, aws: ['--endpoint-url', endpoint]},
])('the summary of a run on $target.kind $target.profile', ({target, keeps, aws}) => {
	it.each(['ca-wizard', 'npx ca-wizard'])('as "%s": every ca-wizard line parses and keeps the target; every other line is valid shell', async cliName => {
		const summary = await summaryFor(target, cliName);
		const build = summary.next.find(next => next.purpose === 'build')?.command ?? '';
		const exec = parsed(build, cliName);
		expect(exec.name).toBe('exec');
		expect(exec.values).toMatchObject(target.kind === 'sandbox' ? {'sandbox-url': endpoint} : keeps);
		expect(exec.values['workdir']).toMatch(/my work$/);
		// Maven is pointed at the project and the settings, so it builds from any folder.
		const [mvn, ...mvnArgs] = exec.positionals;
		expect(mvn).toBe('mvn');
		expect(mvnArgs).toEqual([
			'-s',
			expect.stringMatching(/my work\/settings\.xml$/),
			'-f',
			expect.stringMatching(/my work\/demo-project\/pom\.xml$/),
			'compile',
		]);

		const token = parsed(summary.next.find(next => next.purpose === 'export-token')?.command ?? '', cliName);
		expect(token.name).toBe('token');
		expect(token.values).toMatchObject(target.kind === 'sandbox' ? {'sandbox-url': endpoint} : keeps);
		expect(token.values['workdir']).toMatch(/^\/.*my work$/);

		// Beside exec and token, destroy reaches the target as they do: a restarted sandbox holds its data folder.
		const destroy = parsed(summary.destroy, cliName);
		expect(destroy.name).toBe('destroy');
		expect(destroy.values).toMatchObject(target.kind === 'sandbox' ? {'sandbox-url': endpoint} : keeps);
		expect(destroy.values['workdir']).toBe(exec.values['workdir']);

		expect(summary.undo.length).toBe(4);
		for (const line of summary.undo) {
			expect(validShell(line), line).toBe(true);
			const words = shellWords(line);
			if (words[0] === 'aws') expect(words.slice(-aws.length), line).toEqual(aws);
		}
	});
});

it("the README's ca-wizard commands parse with our own parser", () => {
	const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
	// A sh block is all commands; in a console block, the lines after a prompt.
	const lines = [...readme.matchAll(/```(sh|console)\n([\s\S]*?)```/g)]
		.flatMap(([, kind, block = '']) => block.split('\n').flatMap(line => (kind === 'sh' ? [line] : line.startsWith('$ ') ? [line.slice(2)] : [])))
		.map(line => line.replace(/\s+#.*$/, ''));
	const ours = lines.filter(line => /^(eval "\$\()?(npx )?ca-wizard\b/.test(line));
	expect(ours.length).toBeGreaterThan(5);
	// The lines that write a file a command reads (an answers file) run first, in a folder of their own.
	const folder = temporaryDirectory();
	for (const line of readme.split('\n').filter(line => /^echo .* > [\w.-]+$/.test(line)))
		execFileSync('bash', ['--norc', '--noprofile', '-c', line], {cwd: folder});
	const cwd = process.cwd();
	process.chdir(folder);
	try {
		for (const line of ours) expect(() => parsed(line), line).not.toThrow();
	} finally {
		process.chdir(cwd);
	}
});

it("every command's help examples parse with our own parser", () => {
	// A command's examples may show its sub-commands too (sandbox's show `sandbox env`).
	for (const command of commands)
		for (const example of command.examples) expect(parsed(example.command).name.split(' ')[0], example.command).toBe(command.name);
});

it('the commands that bring the embedded sandbox back parse, and name its data folder and port', async () => {
	const workDir = join(temporaryDirectory(), 'my work');
	const connection = await connectTarget({target: {kind: 'sandbox'}}, workDir, {PATH: ''});
	try {
		const [start = '', env = ''] = connection.restartCommands ?? [];
		const cli = invocationName({PATH: ''}); // nothing named ca-wizard on that PATH: the script this process runs
		expect(start.startsWith(`${cli} sandbox `)).toBe(true);
		expect(parsed(start, cli)).toMatchObject({
			name: 'sandbox',
			values: {data: join(workDir, 'sandbox-data'), port: new URL(connection.sandboxEndpoint ?? '').port},
		});
		const inner = /^eval "\$\((.*)\)"$/.exec(env)?.[1] ?? '';
		expect(inner.startsWith(`${cli} sandbox env `)).toBe(true);
		expect(parsed(inner, cli)).toMatchObject({name: 'sandbox env', values: {data: join(workDir, 'sandbox-data')}});
	} finally {
		await connection.close();
	}
});
