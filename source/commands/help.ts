import wrapAnsi from 'wrap-ansi';
import {exitCodes} from '../errors.js';
import {withSubcommands, type Command, type OptionDefinition} from './command.js';
import {globalOptions} from './parse-invocation.js';

// `ca-wizard --help` and `ca-wizard COMMAND --help`, made from the registry: what a command
// declares is what help shows, so the two cannot drift.

// Help is read in a terminal: keep it within the usual 100 columns.
const width = 100;

export function invocation(command: Command): string {
	return ['ca-wizard', command.name, command.usage].filter(Boolean).join(' ');
}

export function mainHelp(commands: readonly Command[], defaultCommand: Command, about: string): string {
	return (
		[
			wrapAnsi(`ca-wizard — ${about}`, width),
			'',
			'Usage:',
			...usageLines(withSubcommands(commands)),
			'',
			...optionSections(defaultCommand),
			...examples(defaultCommand),
			`Each command's options: ca-wizard COMMAND --help.`,
			exitCodeLine,
		].join('\n') + '\n'
	);
}

export function commandHelp(command: Command): string {
	return (
		[
			`Usage: ${invocation(command)}`,
			'',
			command.summary,
			'',
			...subcommandSection(command),
			...optionSections(command),
			...examples(command),
			exitCodeLine,
		].join('\n') + '\n'
	);
}

/** One line a command: its invocation, then its summary in one column. */
function usageLines(commands: readonly Command[]): string[] {
	const column = Math.max(...commands.map(command => invocation(command).length)) + 3;
	return commands.map(command => `  ${invocation(command).padEnd(column)}${command.summary}`);
}

function subcommandSection(command: Command): string[] {
	const subcommands = withSubcommands(command.subcommands ?? []);
	return subcommands.length === 0 ? [] : ['Sub-commands:', ...usageLines(subcommands), ''];
}

function examples(command: Command): string[] {
	if (command.examples.length === 0) return [];
	return ['Examples:', ...command.examples.flatMap(example => [`  ${example.command}`, `      ${example.about}`]), ''];
}

export const exitCodeLine = `Exit codes: ${exitCodes.done} done, ${exitCodes.failed} failed, ${exitCodes.usage} wrong usage, ${exitCodes.cancelled} cancelled (Ctrl-C).`;

/** The option's left column, e.g. `-y, --yes` or `--port N`. */
export function optionSyntax(name: string, option: Pick<OptionDefinition, 'short' | 'value'>): string {
	return `${option.short ? `-${option.short}, ` : ''}--${name}${option.value ? ` ${option.value}` : ''}`;
}

/** The command's options under their headings, in declaration order. */
export function optionGroups(command: Command): Array<{heading: string; options: Array<[string, OptionDefinition]>}> {
	const groups = new Map<string, Array<[string, OptionDefinition]>>();
	for (const entry of Object.entries(command.options)) {
		const heading = entry[1].group ?? 'Options';
		groups.set(heading, [...(groups.get(heading) ?? []), entry]);
	}
	return [...groups].map(([heading, options]) => ({heading, options}));
}

type Listed = ReadonlyArray<readonly [string, Pick<OptionDefinition, 'short' | 'value' | 'help'>]>;

/** The command's groups, then the global options; help starts in one column unless a group's syntax is longer. */
function optionSections(command: Command): string[] {
	const global = Object.entries(globalOptions).filter(([name]) => !(name in command.options)); // the command's own takes the name
	const groups: Array<{heading: string; options: Listed}> = [...optionGroups(command), {heading: 'Global options', options: global}];
	return groups.flatMap(({heading, options}) => {
		const column = Math.max(26, ...options.map(([name, option]) => optionSyntax(name, option).length + 3));
		return [`${heading}:`, ...optionLines(options, column), ''];
	});
}

function optionLines(options: Listed, column: number): string[] {
	return options.flatMap(([name, option]) => {
		const [first = '', ...more] = wrapAnsi(option.help, width - 2 - column, {hard: true}).split('\n');
		return [`  ${optionSyntax(name, option).padEnd(column)}${first}`, ...more.map(line => `  ${' '.repeat(column)}${line}`)];
	});
}
