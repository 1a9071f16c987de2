import {parseArgs, type ParseArgsConfig} from 'node:util';
import {UsageError} from '../errors.js';
import {refusedValue} from '../text/refused-value.js';
import {closestSpelling} from './closest-spelling.js';
import {lastWord, withSubcommands, type Command} from './command.js';
import {withOptionsFile} from './options-file.js';
import {asksVersionFirst} from './version-first.js';

// Turns argv into the command to run and its checked values, from the registry alone. A
// mistake is one line that names it, the closest valid spelling and where help is; exit 2.

export type Invocation =
	| {kind: 'version'}
	| {kind: 'help'; command?: Command}
	| {kind: 'run'; command: Command; values: Record<string, string | boolean | undefined>; positionals: string[]; debug: boolean};

/** Accepted by every command, besides its own options. */
export const globalOptions = {
	help: {type: 'boolean', short: 'h', help: 'show help (ca-wizard COMMAND --help for one command)'},
	version: {type: 'boolean', short: 'v', help: 'print the version'},
	debug: {type: 'boolean', help: 'show the stack of an unexpected error (or CA_WIZARD_DEBUG=1)'},
} as const;

export function parseInvocation(argv: readonly string[], commands: readonly Command[], defaultCommand: Command): Invocation {
	const [first, ...rest] = argv;
	if (asksVersionFirst(argv)) return {kind: 'version'};
	if (first === 'help') return {kind: 'help', ...(rest[0] === undefined ? {} : {command: namedCommand(rest, commands).command})};
	const named = first !== undefined && !first.startsWith('-');
	const {command, rest: all} = named ? namedCommand(argv, commands) : {command: defaultCommand, rest: argv};
	// A pass-through command's own command line starts after the first `--`, untouched.
	const end = command.passThrough ? all.indexOf('--') : -1;
	const args = end === -1 ? all : all.slice(0, end);
	const parsed = parseOptions(command, args, commands);
	const positionals = end === -1 ? parsed.positionals : all.slice(end + 1);
	if (parsed.values['help'] === true) return {kind: 'help', ...(named || command !== defaultCommand ? {command} : {})};
	if (parsed.values['version'] === true) return {kind: 'version'};
	const values = withOptionsFile(command, parsed.values);
	for (const [name, option] of Object.entries(command.options)) {
		const value = values[name];
		const problem = typeof value === 'string' ? option.check?.(value) : undefined;
		if (problem) throw usage('BadOptionValue', refusedValue(name, value as string, problem), command);
	}
	const conflict = command.validate?.(values);
	if (conflict) throw usage('ConflictingOptions', conflict, command);
	return {kind: 'run', command, values, positionals, debug: values['debug'] === true};
}

/** The command the leading words name (a command, then a sub-command of it…), and the arguments after them. */
function namedCommand(words: readonly string[], commands: readonly Command[]): {command: Command; rest: string[]} {
	const [first = '', ...rest] = words;
	let command = commandNamed(first, commands);
	// A command with sub-commands takes no words of its own: the next one names a sub-command.
	for (let word = rest[0]; command.subcommands && word !== undefined && !word.startsWith('-'); word = rest[0]) {
		command = commandNamed(word, command.subcommands, command);
		rest.shift();
	}
	return {command, rest};
}

function commandNamed(name: string, candidates: readonly Command[], parent?: Command): Command {
	const found = candidates.find(command => lastWord(command) === name);
	if (found) return found;
	const guess = closestSpelling(name, candidates.map(lastWord));
	const hint = guess ? `; did you mean "${guess}"?` : '.';
	if (parent) throw new UsageError('UnknownCommand', `unknown sub-command "${name}" of ca-wizard ${parent.name}${hint} See ca-wizard ${parent.name} --help.`);
	throw new UsageError('UnknownCommand', `unknown command "${name}"${hint} See ca-wizard --help.`);
}

function parseOptions(
	command: Command,
	args: readonly string[],
	commands: readonly Command[],
): {values: Record<string, string | boolean | undefined>; positionals: string[]} {
	const options: ParseArgsConfig['options'] = {};
	// A command's own option wins over a global one of the same name: `publish --version V` names the package's version.
	for (const [name, option] of Object.entries({...globalOptions, ...command.options})) {
		options[name] = {type: option.type, ...('short' in option && option.short ? {short: option.short} : {})};
	}
	try {
		const {values, positionals} = parseArgs({args: [...args], options, strict: true, allowPositionals: false});
		return {values: values as Record<string, string | boolean | undefined>, positionals};
	} catch (error) {
		throw translate(error as NodeJS.ErrnoException, command, commands);
	}
}

/** parseArgs' own messages, made short and helpful. */
function translate(error: NodeJS.ErrnoException, command: Command, commands: readonly Command[]): UsageError {
	const quoted = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
	switch (error.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
			const names = Object.keys({...globalOptions, ...command.options});
			const typed = quoted.replace(/^-+/, '').replace(/=.*$/, '');
			// An option of another command, exactly: say which one takes it, rather than guess a spelling.
			const elsewhere = withSubcommands(commands)
				.filter(other => other !== command && Object.hasOwn(other.options, typed))
				.map(other => `ca-wizard${other.name ? ` ${other.name}` : ''}`);
			const guess = elsewhere.length > 0 ? undefined : closestSpelling(typed, names);
			const hint =
				elsewhere.length > 0 ? `; it is an option of ${listed(elsewhere.slice(0, 3), elsewhere.length)}.` : guess ? `; did you mean --${guess}?` : '.';
			return usage('UnknownOption', `unknown option ${quoted}${hint}`, command);
		}
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
			const name = /'(?:-\w, )?(--?[\w-]+)/.exec(error.message)?.[1] ?? quoted;
			const takes = /does not take an argument/.test(error.message) ? 'takes no value' : 'needs a value';
			return usage('BadOptionValue', `${name} ${takes}.`, command);
		}
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
			const word = /'([^']*)'/.exec(error.message)?.[1] ?? '';
			const sub = command.subcommands?.find(each => lastWord(each) === word);
			if (sub) return usage('UnexpectedArgument', `"${word}" is a sub-command: name it first, as in ca-wizard ${sub.name} ${sub.usage}.`, command);
			return usage('UnexpectedArgument', `unexpected argument "${word}" (options start with --).`, command);
		}
		default:
			return usage('BadArguments', error.message, command);
	}
}

function usage(code: string, message: string, command: Command): UsageError {
	const help = command.name === '' ? 'ca-wizard --help' : `ca-wizard ${command.name} --help`;
	return new UsageError(code, `${message.replace(/\.$/, '')}. See ${help}.`.replace(/\?\. See/, '? See'));
}

/** "a", "a or b", "a, b or c"; "a, b, c, …" when there are more than shown. */
function listed(names: readonly string[], total: number): string {
	if (total > names.length) return `${names.join(', ')}, …`;
	return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
