import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {withSubcommands} from '../../source/commands/command.js';
import {commandHelp, invocation, mainHelp, optionSyntax} from '../../source/commands/help.js';
import {tableMarkers, withOptionTables} from '../../source/commands/option-table.js';
import {commands, defaultCommand} from '../../source/commands/registry.js';

const run = promisify(execFile);
const cliPath = new URL('../../dist/cli.cjs', import.meta.url).pathname;
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string; description: string};

describe('help, made from the registry', () => {
	it('lists every command, and every option of the default command', () => {
		const help = mainHelp(commands, defaultCommand, packageJson.description);
		for (const command of commands) expect(help).toContain(command.summary);
		for (const [name, option] of Object.entries(defaultCommand.options)) expect(help).toContain(optionSyntax(name, option));
		expect(help).toMatch(/Exit codes: 0 done, 1 failed, 2 wrong usage, 130 cancelled/);
	});

	it("a command's help lists its options, examples and sub-commands", () => {
		for (const command of withSubcommands(commands)) {
			const help = commandHelp(command);
			for (const [name, option] of Object.entries(command.options)) expect(help).toContain(optionSyntax(name, option));
			for (const example of command.examples) expect(help).toContain(example.command);
			for (const sub of command.subcommands ?? []) expect(help).toMatch(new RegExp(`^  ${invocation(sub).replace(/[[\]]/g, '\\$&')} +${sub.summary}$`, 'm'));
		}
		expect(mainHelp(commands, defaultCommand, packageJson.description)).toMatch(
			/^ {2}ca-wizard sandbox env \[options\] +print a running sandbox's export lines/m,
		);
	});

	it("the README holds exactly the registry's option tables (npm run readme writes them)", () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		for (const command of withSubcommands(commands)) expect(readme).toContain(tableMarkers(command).start);
		expect(withOptionTables(readme, commands)).toBe(readme);
	});

	it('the built CLI prints its version, and the same help', async () => {
		expect((await run(process.execPath, [cliPath, '--version'])).stdout).toBe(`${packageJson.version}\n`);
		expect((await run(process.execPath, [cliPath, '--help'])).stdout).toBe(mainHelp(commands, defaultCommand, packageJson.description));
		const sandbox = commands.find(command => command.name === 'sandbox')!;
		expect((await run(process.execPath, [cliPath, 'sandbox', '--help'])).stdout).toBe(commandHelp(sandbox));
	});
});
