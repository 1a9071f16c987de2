import {readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {jsonErrorAt, lineAndColumn} from '../../source/commands/json-error-offset.js';
import {parseInvocation} from '../../source/commands/parse-invocation.js';
import {commands, defaultCommand} from '../../source/commands/registry.js';
import type {UsageError} from '../../source/errors.js';
import {usageErrorOf} from '../helpers/usage-error.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

// --config FILE: the wizard's options from a JSON answers file, checked exactly as the command
// line is (before anything runs), with the command line winning.

const parse = (...argv: string[]) => parseInvocation(argv, commands, defaultCommand);

function answersFile(text: string): string {
	const path = join(temporaryDirectory('ca-wizard-config-'), 'answers.json');
	writeFileSync(path, text);
	return path;
}

const refused = (...argv: string[]): UsageError => usageErrorOf(() => parse(...argv), argv.join(' '));

describe('--config FILE', () => {
	it('gives the options it holds, as if they had been typed', () => {
		const path = answersFile('{"domain": "acme", "repository": "libs", "yes": true, "domain-owner": "123456789012"}');
		expect(parse('--config', path)).toMatchObject({
			kind: 'run',
			command: defaultCommand,
			values: {domain: 'acme', repository: 'libs', yes: true, 'domain-owner': '123456789012'},
		});
	});

	it('loses to the command line', () => {
		const path = answersFile('{"domain": "acme", "repository": "libs", "yes": false}');
		expect(parse('--config', path, '--domain', 'other', '--yes')).toMatchObject({values: {domain: 'other', repository: 'libs', yes: true}});
	});

	it('refuses an unknown key with the closest spelling', () => {
		const error = refused('--config', answersFile('{"domian": "acme"}'));
		expect(error.message).toMatch(/answers\.json: unknown option "domian"; did you mean "domain"\?$/);
		expect(error.fix).toContain('ca-wizard --help');
		expect(refused('--config', answersFile('{"port": "1"}')).message).toMatch(/unknown option "port"\.$/);
		// The file cannot name itself, nor the global switches.
		expect(refused('--config', answersFile('{"config": "other.json"}')).message).toContain('unknown option "config"');
		expect(refused('--config', answersFile('{"help": true}')).message).toContain('unknown option "help"');
	});

	it("checks each value with its option's own check, and its type", () => {
		expect(refused('--config', answersFile('{"domain": "Bad_Name"}')).message).toMatch(
			/^--domain "Bad_Name" is not accepted: Domain name may not contain uppercase/,
		);
		expect(refused('--config', answersFile('{"domain-owner": "12345"}')).message).toMatch(/^--domain-owner "12345" is not accepted: takes the 12-digit id/);
		expect(refused('--config', answersFile('{"yes": "yes"}')).message).toMatch(/"yes" takes true or false, not "yes"\.$/);
		expect(refused('--config', answersFile('{"domain": 3}')).message).toMatch(/"domain" takes a string in double quotes, not 3\.$/);
		// Options that exclude each other do so across the file and the command line.
		expect(refused('--config', answersFile('{"sandbox": true}'), '--profile', 'dev').message).toMatch(/^--profile and --region are for real AWS/);
	});

	it('a file that is not JSON: its line and column and the fix, and the file is left as it was', () => {
		const text = '{\n  "domain": "acme",\n  "yes": true\n  "repository": "libs"\n}\n';
		const path = answersFile(text);
		const before = statSync(path).mtimeMs;
		const error = refused('--config', path);
		expect(error.message).toBe(`${path}:4:3: not valid JSON: expected "," or "}", found "\\"".`);
		expect(error.fix).toMatch(/^Fix the file at line 4, column 3: it holds one JSON object of option names and values/);
		expect(readFileSync(path, 'utf8')).toBe(text);
		expect(statSync(path).mtimeMs).toBe(before);
	});

	it('a file that is JSON but not an object, or not there', () => {
		expect(refused('--config', answersFile('["--yes"]')).message).toMatch(/does not hold a JSON object\.$/);
		expect(refused('--config', join(temporaryDirectory(), 'missing.json')).message).toMatch(/missing\.json: cannot read it \(no such file\)\.$/);
	});
});

describe('where a JSON text first goes wrong', () => {
	const at = (text: string) => {
		const mistake = jsonErrorAt(text);
		return mistake && {...lineAndColumn(text, mistake.offset), expected: mistake.expected};
	};

	it('accepts what JSON.parse accepts', () => {
		for (const text of ['{}', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}} ', '"s"', '[]']) {
			expect(at(text), text).toBeUndefined();
			expect(() => JSON.parse(text)).not.toThrow();
		}
	});

	it('names the line and column of the first mistake, as an editor counts them', () => {
		expect(at('{"a": 1,}')).toEqual({line: 1, column: 9, expected: 'a string in double quotes'});
		expect(at('{"a": tru}')).toMatchObject({line: 1, column: 7});
		expect(at('{\r\n"a" 1}')).toEqual({line: 2, column: 5, expected: '":" after the name'});
		expect(at('{"a": 1')).toEqual({line: 1, column: 8, expected: '"," or "}"'});
		expect(at("{'a': 1}")).toMatchObject({line: 1, column: 2});
		expect(at('{"a": 1} x')).toEqual({line: 1, column: 10, expected: 'the end of the file'});
		expect(at('{"a": "line\nbreak"}')).toMatchObject({line: 1, column: 12});
		expect(at('')).toMatchObject({line: 1, column: 1});
	});
});
