import {readFileSync} from 'node:fs';
import {UsageError} from '../errors.js';
import {closestSpelling} from './closest-spelling.js';
import type {Command, OptionDefinition} from './command.js';
import {jsonErrorAt, lineAndColumn} from './json-error-offset.js';

// An answers file (--config FILE): the command's options as one JSON object, option name →
// string or boolean. Only read, never written; every problem is a usage error naming the file.

/** --config FILE, for any command that registers it among its options. */
export const configOption = {
	type: 'string',
	value: 'FILE',
	optionsFile: true,
	help: 'take options from a JSON answers file, e.g. {"domain": "acme", "repository": "libs", "yes": true}; flags on the command line win',
} as const satisfies OptionDefinition;

type Values = Record<string, string | boolean | undefined>;

/**
 * The command line's values over those of the answers file its options-file option names (if
 * any). The file's keys must be the command's options, with values of their type; the merged
 * values then go through the same checks as the command line.
 */
export function withOptionsFile(command: Command, values: Values): Values {
	const [fileOption] = Object.entries(command.options).find(([, option]) => option.optionsFile) ?? [];
	const path = fileOption === undefined ? undefined : values[fileOption];
	if (typeof path !== 'string') return values;
	const names = Object.keys(command.options).filter(name => name !== fileOption);
	const fromFile: Values = {};
	for (const [key, value] of Object.entries(readOptionsFile(path))) {
		const option = names.includes(key) ? command.options[key] : undefined;
		if (!option) {
			const guess = closestSpelling(key, names);
			throw new UsageError(
				'UnknownOption',
				`${path}: unknown option "${key}"${guess ? `; did you mean "${guess}"?` : '.'}`,
				`Use the names of ${helpOf(command)}, without the dashes.`,
			);
		}
		if (typeof value !== option.type) {
			const takes = option.type === 'boolean' ? 'true or false' : 'a string in double quotes';
			throw new UsageError('BadOptionValue', `${path}: "${key}" takes ${takes}, not ${JSON.stringify(value)}.`, `Fix "${key}" in ${path}.`);
		}
		fromFile[key] = value as string | boolean;
	}
	const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
	return {...fromFile, ...given};
}

function helpOf(command: Command): string {
	return command.name === '' ? 'ca-wizard --help' : `ca-wizard ${command.name} --help`;
}

const shape = 'one JSON object of option names and values, e.g. {"domain": "acme", "repository": "libs", "yes": true}';

/** The file's options, as written; what they are worth is checked with the command line's own checks. */
export function readOptionsFile(path: string): Record<string, unknown> {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
		throw new UsageError('BadConfigFile', `--config ${path}: cannot read it (${reason}).`, 'Name an answers file that exists and you may read.');
	}
	const json = text.replace(/^\uFEFF/, '');
	const mistake = jsonErrorAt(json);
	if (mistake) {
		const {line, column} = lineAndColumn(json, mistake.offset);
		const found = json[mistake.offset] === undefined ? 'the end of the file' : JSON.stringify(json[mistake.offset]);
		throw new UsageError(
			'BadConfigFile',
			`${path}:${line}:${column}: not valid JSON: expected ${mistake.expected}, found ${found}.`,
			`Fix the file at line ${line}, column ${column}: it holds ${shape}.`,
		);
	}
	const parsed: unknown = JSON.parse(json);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new UsageError('BadConfigFile', `${path} does not hold a JSON object.`, `Write ${shape}.`);
	}
	return parsed as Record<string, unknown>;
}
