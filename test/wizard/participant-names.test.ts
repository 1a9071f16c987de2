import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {destroyInvocation} from '../../source/commands/destroy.js';
import {workDirNameFor} from '../../source/commands/defaults.js';
import {policyNameFor} from '../../source/wizard/journey/access-step.js';
import {domainNameProblem, repositoryNameProblem} from '../../source/wizard/name-rules.js';
import {participantMaxLength, participantProblem, resourceNames} from '../../source/wizard/resource-names.js';

// IAM's own limits (role and instance profile 64, managed policy 128) and name pattern.
const IAM_NAME = /^[\w+=,.@-]+$/;

describe('participantProblem', () => {
	it.each(['p1', 'p30', 'alice', 'team-a-7', 'a', 'z'.repeat(participantMaxLength)])('accepts %s', name => {
		expect(participantProblem(name)).toBeUndefined();
	});

	it.each([
		['', 'is empty', '(e.g. p7, alice)'],
		['P7', 'may not contain uppercase letters', 'try p7'],
		['7p', 'must start with a lowercase letter', 'try p'],
		['p 7', 'may not contain " "', 'try p-7'],
		['p7-', 'may neither end with a hyphen nor hold two in a row', 'try p7'],
		['p--7', 'may neither end with a hyphen nor hold two in a row', 'try p-7'],
		['p_7', 'may not contain "_"', 'try p-7'],
		['x'.repeat(participantMaxLength + 1), `is too long (${participantMaxLength + 1} characters)`, `try ${'x'.repeat(participantMaxLength)}`],
	])('refuses %j: names what is wrong, the whole rule, and a fix', (name, wrong, fix) => {
		const problem = participantProblem(name);
		expect(problem).toContain(`a participant name ${wrong}; it takes 1–${participantMaxLength} characters: lowercase letters, digits and single hyphens`);
		expect(problem).toContain(fix);
	});

	it('every accepted name keeps every name ca-wizard makes valid for CodeArtifact and IAM', () => {
		const character = fc.constantFrom(...'abz09-');
		const candidate = fc.array(character, {minLength: 1, maxLength: participantMaxLength + 2}).map(chars => chars.join(''));
		fc.assert(
			fc.property(candidate, name => {
				if (participantProblem(name) !== undefined) return;
				const names = resourceNames(name);
				expect(domainNameProblem(names.domain)).toBeUndefined();
				expect(repositoryNameProblem(names.repository)).toBeUndefined();
				expect(repositoryNameProblem(names.upstream)).toBeUndefined();
				for (const iamName of [names.role, names.instanceProfile]) expect(iamName.length <= 64 && IAM_NAME.test(iamName)).toBe(true);
				const policy = policyNameFor(names, names.domain);
				expect(policy.length <= 128 && IAM_NAME.test(policy)).toBe(true);
			}),
		);
	});

	it('every suggestion it makes is itself accepted', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 30}), name => {
				const suggestion = /try (\S+)$/.exec(participantProblem(name) ?? '')?.[1];
				if (suggestion !== undefined) expect(participantProblem(suggestion)).toBeUndefined();
			}),
		);
	});
});

describe('a participant on the command line', () => {
	it('works in a folder of its own by default, so participants on one machine stay apart', () => {
		expect(workDirNameFor(undefined)).toBe('ca-wizard-work');
		expect(workDirNameFor('p7')).toBe('ca-wizard-work-p7');
	});

	it('the destroy command a run names carries --participant and its work folder', () => {
		const target = {kind: 'sandbox-url', url: 'http://10.0.0.5:7717'} as const;
		expect(destroyInvocation(target, '/home/me/ca-wizard-work-p7', 'p7')).toBe(
			'ca-wizard destroy --participant p7 --workdir /home/me/ca-wizard-work-p7 --sandbox-url http://10.0.0.5:7717',
		);
		expect(destroyInvocation(target, '/home/me/ca-wizard-work')).toBe('ca-wizard destroy --workdir /home/me/ca-wizard-work --sandbox-url http://10.0.0.5:7717');
	});
});
