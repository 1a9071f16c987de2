// What a command declares, once: its name, summary, options, examples and how it runs. The
// parser, `--help`, `COMMAND --help` and the README's option tables are all made from this.

export interface OptionDefinition {
	type: 'string' | 'boolean';
	short?: string;
	/** The value's placeholder in help, e.g. NAME, URL|DIR, yes|no. */
	value?: string;
	help: string;
	/** The heading it is listed under in help; options without one come first. */
	group?: string;
	/** Refuses a bad value before anything runs, with the rule it breaks (undefined: fine). */
	check?: (value: string) => string | undefined;
	/** The value names an answers file holding more of the command's options (options-file.ts); the command line wins over it. */
	optionsFile?: true;
}

export type OptionDefinitions = Record<string, OptionDefinition>;

/** The parsed values, typed from the declaration: strings or booleans, undefined when not given. */
export type OptionValues<O extends OptionDefinitions> = {
	[K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K]['type'] extends 'string' ? string : string | boolean;
};

export interface Example {
	command: string;
	about: string;
}

export interface Command<O extends OptionDefinitions = OptionDefinitions> {
	/** What follows `ca-wizard`, e.g. `sandbox`, or `sandbox env` for a sub-command; the default command (the wizard) runs when none is named. */
	name: string;
	summary: string;
	/** The rest of the usage line after `ca-wizard NAME`, e.g. `[options]`. */
	usage: string;
	options: O;
	examples: Example[];
	/** Named right after this one (`ca-wizard sandbox env`); each one's name starts with this one's. */
	subcommands?: readonly Command[];
	/** Takes a command of its own after `--` (exec): everything after it is passed on, unread. */
	passThrough?: true;
	/** Options that go together or exclude each other: the problem, in a sentence; checked before run. */
	validate?(values: OptionValues<O>): string | undefined;
	/** Runs with values that passed every option's check; returns the exit code. Loads what it needs lazily. */
	run(values: OptionValues<O>, positionals: string[]): Promise<number>;
}

/** Keeps the option types attached to `run` while the registry holds commands of every shape. */
export function defineCommand<const O extends OptionDefinitions>(command: Command<O>): Command {
	return command as unknown as Command;
}

/** Every command and, after each, its sub-commands (in declaration order): for help and the README's tables. */
export function withSubcommands(commands: readonly Command[]): Command[] {
	return commands.flatMap(command => [command, ...withSubcommands(command.subcommands ?? [])]);
}

/** The word that names a sub-command after its parent's name, e.g. `env` for `sandbox env`. */
export function lastWord(command: Command): string {
	return command.name.slice(command.name.lastIndexOf(' ') + 1);
}
