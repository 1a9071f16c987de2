import {describe, expect, it} from 'vitest';
import {parseInvocation} from '../../source/commands/parse-invocation.js';
import {commands, defaultCommand} from '../../source/commands/registry.js';
import {targetOf} from '../../source/commands/wizard.js';
import {usageErrorOf} from '../helpers/usage-error.js';

const parse = (...argv: string[]) => parseInvocation(argv, commands, defaultCommand);

/** The usage error's one line, or a failure when the arguments were accepted. */
const refusal = (...argv: string[]): string => usageErrorOf(() => parse(...argv), argv.join(' ')).message;

describe('the command line, read from the registry', () => {
	it('runs the wizard when no command is named, and a named command otherwise', () => {
		expect(parse('--sandbox', '--yes')).toMatchObject({kind: 'run', command: defaultCommand, values: {sandbox: true, yes: true}});
		expect(parse('sandbox', '--port', '0')).toMatchObject({kind: 'run', command: {name: 'sandbox'}, values: {port: '0'}});
	});

	it('--version, -v and help, for all or for one command', () => {
		expect(parse('--version')).toEqual({kind: 'version'});
		expect(parse('-v')).toEqual({kind: 'version'});
		expect(parse('--help')).toEqual({kind: 'help'});
		expect(parse('help')).toEqual({kind: 'help'});
		expect(parse('sandbox', '--help')).toMatchObject({kind: 'help', command: {name: 'sandbox'}});
		expect(parse('help', 'sandbox')).toMatchObject({kind: 'help', command: {name: 'sandbox'}});
	});

	it("a command's own option takes a global option's name: publish --version names the package's version", () => {
		expect(parse('publish', '--version', '2.0.0')).toMatchObject({kind: 'run', command: {name: 'publish'}, values: {version: '2.0.0'}});
		expect(refusal('publish', '--version')).toMatch(/--version/);
		expect(parse('--version')).toEqual({kind: 'version'});
	});

	it('a mistyped option or command: one line with the closest spelling and where help is', () => {
		expect(refusal('--prfile', 'dev')).toBe('unknown option --prfile; did you mean --profile? See ca-wizard --help.');
		expect(refusal('sandbox', '--prot', '1')).toBe('unknown option --prot; did you mean --port? See ca-wizard sandbox --help.');
		expect(refusal('sandbx')).toBe('unknown command "sandbx"; did you mean "sandbox"? See ca-wizard --help.');
		expect(refusal('--colour')).toBe('unknown option --colour. See ca-wizard --help.');
		expect(refusal('--port', '1')).toBe('unknown option --port; it is an option of ca-wizard sandbox. See ca-wizard --help.');
	});

	it('values are checked by the option that declares them, before anything runs', () => {
		expect(refusal('sandbox', '--port', '70000')).toBe('--port "70000" is not accepted: takes a whole number from 0 to 65535. See ca-wizard sandbox --help.');
		expect(refusal('sandbox', '--scenario', 'nope')).toMatch(/^--scenario "nope" is not accepted: use access-denied or no-profile\./);
		expect(refusal('sandbox', '--faults', 'throttle=2')).toMatch(/^--faults "throttle=2" is not accepted: throttle is a share/);
		expect(refusal('--upstream', 'perhaps')).toMatch(/^--upstream "perhaps" is not accepted: answer yes or no\./);
		expect(refusal('--instances', 'i-1')).toMatch(/^--instances "i-1" is not accepted: "i-1" is not an instance id/);
		expect(refusal('sandbox', '--iam-delay', 'soon')).toBe(
			'--iam-delay "soon" is not accepted: takes seconds from 0 to 3600, e.g. 5 or 0.5. See ca-wizard sandbox --help.',
		);
		expect(refusal('sandbox', '--iam-delay', '3601')).toMatch(/^--iam-delay "3601" is not accepted/);
		expect(parse('sandbox', '--iam-delay', '0.5')).toMatchObject({kind: 'run', values: {'iam-delay': '0.5'}});
		// The wizard's embedded sandbox takes it too.
		expect(targetOf({sandbox: true, 'iam-delay': '5'})).toEqual({kind: 'sandbox', iamDelaySeconds: 5});
		expect(refusal('sandbox', '--instances', '0')).toMatch(/^--instances "0" is not accepted: takes a whole number from 1 to 100\./);
		expect(refusal('--sandbox-url', 'ftp://x')).toMatch(/^--sandbox-url "ftp:\/\/x" is not accepted: takes the endpoint/);
		// A source that names nothing would surface only as Maven's "could not resolve", after every AWS step.
		expect(refusal('--sandbox', '--maven-central', '/nonexistent-ca-wizard-folder')).toMatch(
			/^--maven-central "\/nonexistent-ca-wizard-folder" is not accepted: there is no folder/,
		);
		expect(refusal('sandbox', '--maven-central', 'ftp://mirror.example')).toMatch(
			/^--maven-central "ftp:\/\/mirror.example" is not accepted: takes an http\(s\) URL/,
		);
		expect(refusal('--region')).toBe('--region needs a value. See ca-wizard --help.');
		expect(refusal('--yes=1')).toBe('--yes takes no value. See ca-wizard --help.');
		expect(refusal('extra')).toMatch(/^unknown command "extra"/);
		expect(refusal('destroy', 'extra')).toBe('unexpected argument "extra" (options start with --). See ca-wizard destroy --help.');
	});

	it('a sub-command follows its command: its own options, help and closest spelling', () => {
		expect(parse('sandbox', 'env', '--data', '/tmp/d')).toMatchObject({kind: 'run', command: {name: 'sandbox env'}, values: {data: '/tmp/d'}});
		expect(parse('sandbox', '--data', '/tmp/d')).toMatchObject({kind: 'run', command: {name: 'sandbox'}, values: {data: '/tmp/d'}});
		expect(parse('sandbox', 'env', '--help')).toMatchObject({kind: 'help', command: {name: 'sandbox env'}});
		expect(parse('help', 'sandbox', 'env')).toMatchObject({kind: 'help', command: {name: 'sandbox env'}});
		expect(refusal('sandbox', 'evn')).toBe('unknown sub-command "evn" of ca-wizard sandbox; did you mean "env"? See ca-wizard sandbox --help.');
		expect(refusal('sandbox', 'extra')).toBe('unknown sub-command "extra" of ca-wizard sandbox. See ca-wizard sandbox --help.');
		expect(refusal('sandbox', '--data', '/tmp/d', 'env')).toBe(
			'"env" is a sub-command: name it first, as in ca-wizard sandbox env [options]. See ca-wizard sandbox --help.',
		);
		// The parent's options are not the sub-command's, and the refusal says whose they are.
		expect(refusal('sandbox', 'env', '--port', '0')).toBe('unknown option --port; it is an option of ca-wizard sandbox. See ca-wizard sandbox env --help.');
		// The wizard itself is named as a person runs it, and several takers are listed.
		expect(refusal('sandbox', 'env', '--dry-run')).toBe(
			'unknown option --dry-run; it is an option of ca-wizard or ca-wizard destroy. See ca-wizard sandbox env --help.',
		);
		expect(refusal('sandbox', 'env', '--json')).toMatch(/^unknown option --json; it is an option of ca-wizard, ca-wizard \S+/);
	});

	it('options that exclude each other are refused together', () => {
		expect(refusal('--sandbox', '--sandbox-url', 'http://127.0.0.1:7717')).toMatch(/not both/);
		expect(refusal('--scenario', 'no-profile')).toMatch(/go with --sandbox/);
		const embeddedOnly = /^--scenario, --maven-central, --consistency, --iam-delay and --listing-lag go with --sandbox\./;
		expect(refusal('--sandbox-url', 'http://127.0.0.1:7717', '--iam-delay', '5')).toMatch(embeddedOnly);
		// A running sandbox's delays are its own: they are set where it is started.
		expect(refusal('--sandbox-url', 'http://127.0.0.1:7717', '--consistency', 'aws')).toMatch(embeddedOnly);
		expect(refusal('--listing-lag', '5')).toMatch(embeddedOnly);
		expect(refusal('--sandbox', '--consistency', 'eventual')).toMatch(/--consistency "eventual" is not accepted: use instant or aws/);
		expect(refusal('--sandbox', '--profile', 'dev')).toMatch(/are for real AWS/);
	});
});

it('passes everything after -- to a pass-through command untouched, and reads its own options before it', () => {
	const invocation = parseInvocation(['exec', '--domain', 'acme', '--', 'mvn', '-s', 'settings.xml', '--', 'compile'], commands, defaultCommand);
	expect(invocation).toMatchObject({kind: 'run', values: {domain: 'acme'}, positionals: ['mvn', '-s', 'settings.xml', '--', 'compile']});
	expect(() => parseInvocation(['exec', 'mvn', 'compile'], commands, defaultCommand)).toThrow('unexpected argument "mvn"');
	expect(() => parseInvocation(['--', 'mvn'], commands, defaultCommand)).toThrow('unexpected argument "mvn"');
});
