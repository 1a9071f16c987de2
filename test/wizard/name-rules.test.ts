import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	defaults,
	descriptionProblem,
	domainNameProblem,
	domainNameRule,
	iamNameProblem,
	iamNameRule,
	repositoryChoiceProblem,
	repositoryNameProblem,
	repositoryNameRule,
	suggestDomainName,
	type IamNameKind,
} from '../../source/wizard/name-rules.js';

// AWS's own patterns (botocore models), anchored: the oracle the rules must agree with.
const DOMAIN = /^[a-z][a-z0-9-]{0,48}[a-z0-9]$/;
const REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/;
const IAM = /^[\w+=,.@-]+$/;
const IAM_MAX: Record<IamNameKind, number> = {role: 64, policy: 128, 'instance-profile': 128};

// Characters that matter to the rules, plus a few that never belong (space, slash, unicode).
const alphabet = [...'abcz09AZ-._+=,@ /:#é\n', '😀'];
const nameOf = (maxLength: number) => fc.array(fc.constantFrom(...alphabet), {maxLength}).map(chars => chars.join(''));
// Mostly-valid names, so the accept side gets exercised too.
const nearlyValid = (chars: string, maxLength: number) =>
	fc.tuple(fc.constantFrom(...chars), fc.array(fc.constantFrom(...chars), {maxLength})).map(([first, rest]) => first + rest.join(''));

describe('domainNameProblem', () => {
	it('accepts the defaults and typical names', () => {
		for (const name of [defaults.domain, 'ab', 'a1', 'my-domain', 'a'.repeat(50)]) expect(domainNameProblem(name)).toBeUndefined();
	});

	it.each([
		['', 'is empty'],
		['a', 'is too short (1 character)'],
		['a'.repeat(51), 'is too long (51 characters)'],
		['1abc', 'must start with a lowercase letter'],
		['-abc', 'must start with a lowercase letter'],
		['abc-', 'must not end with a hyphen'],
		['My-domain', 'may not contain uppercase letters ("M")'],
		['my domain', 'may not contain spaces'],
		['my_domain', 'may not contain "_"'],
		['my\tdomain', 'may not contain U+0009'],
	])('rejects %j: %s', (name, reason) => {
		expect(domainNameProblem(name)).toBe(`Domain name ${reason}. Domain names have ${domainNameRule}.`);
	});

	it('agrees with the CodeArtifact pattern on every string', () => {
		fc.assert(fc.property(fc.oneof(nameOf(55), nearlyValid('az09-', 52)), name => {
			expect(domainNameProblem(name) === undefined).toBe(DOMAIN.test(name));
		}), {numRuns: 3000});
	});
});

describe('repositoryNameProblem', () => {
	it('accepts the defaults and typical names', () => {
		for (const name of [defaults.repository, defaults.upstream, '1x', 'My_Repo.v2', 'A'.repeat(100)]) {
			expect(repositoryNameProblem(name)).toBeUndefined();
		}
	});

	it.each([
		['r', 'is too short (1 character)'],
		['r'.repeat(101), 'is too long (101 characters)'],
		['-repo', 'must start with a letter or a digit'],
		['.repo', 'must start with a letter or a digit'],
		['repo/x', 'may not contain "/"'],
	])('rejects %j: %s', (name, reason) => {
		expect(repositoryNameProblem(name)).toBe(`Repository name ${reason}. Repository names have ${repositoryNameRule}.`);
	});

	it('agrees with the CodeArtifact pattern on every string', () => {
		fc.assert(fc.property(fc.oneof(nameOf(105), nearlyValid('aZ09-._', 102)), name => {
			expect(repositoryNameProblem(name) === undefined).toBe(REPOSITORY.test(name));
		}), {numRuns: 3000});
	});
});

describe('repositoryChoiceProblem', () => {
	it('is the repository rule, and keeps the upstream the wizard manages for itself', () => {
		expect(repositoryChoiceProblem('maven-repo')).toBeUndefined();
		expect(repositoryChoiceProblem('-bad')).toBe(repositoryNameProblem('-bad'));
		expect(repositoryChoiceProblem(defaults.upstream)).toMatch(/is the upstream the wizard manages/);
	});
});

describe('descriptionProblem', () => {
	// CodeArtifact's model: \P{C}*, 0–1000 characters (code points, as Smithy counts them).
	const DESCRIPTION = /^\P{C}{0,1000}$/u;

	it('agrees with the CodeArtifact pattern on every string', () => {
		const characters = fc.constantFrom(...'aZ0 .-', '\u0000', '\t', '\n', '\u001b', '\u007f', '\u0085', '\u200b', '\u{E0001}', 'é', '😀');
		const text = fc.oneof(fc.array(characters, {maxLength: 30}), fc.array(fc.constantFrom('a', '😀', '\u001b'), {minLength: 995, maxLength: 1005})).map(chars => chars.join(''));
		fc.assert(fc.property(text, description => (descriptionProblem(description) === undefined) === DESCRIPTION.test(description)));
	});

	it('names the rule and the first character that breaks it', () => {
		expect(descriptionProblem('')).toBeUndefined();
		expect(descriptionProblem('😀'.repeat(1000))).toBeUndefined();
		expect(descriptionProblem('a'.repeat(1001))).toBe('The description is too long (1001 characters). A description has at most 1000 characters, none of them control or format characters.');
		expect(descriptionProblem('red \u001b[31m')).toBe('The description may not contain U+001B. A description has at most 1000 characters, none of them control or format characters.');
	});
});

describe('iamNameProblem', () => {
	it('accepts the defaults', () => {
		expect(iamNameProblem('role', defaults.role)).toBeUndefined();
		expect(iamNameProblem('policy', defaults.policy)).toBeUndefined();
		expect(iamNameProblem('instance-profile', defaults.instanceProfile)).toBeUndefined();
	});

	it('uses IAM limits: roles 64, policies and instance profiles 128', () => {
		expect(iamNameProblem('role', 'r'.repeat(64))).toBeUndefined();
		expect(iamNameProblem('role', 'r'.repeat(65))).toBe(`Role name is too long (65 characters). Role names have ${iamNameRule('role')}.`);
		expect(iamNameProblem('policy', 'p'.repeat(128))).toBeUndefined();
		expect(iamNameProblem('policy', 'p'.repeat(129))).toMatch(/^Policy name is too long/);
		expect(iamNameProblem('instance-profile', 'i'.repeat(128))).toBeUndefined();
		expect(iamNameProblem('instance-profile', 'i'.repeat(129))).toBe(
			`Instance profile name is too long (129 characters). Instance profile names have ${iamNameRule('instance-profile')}.`,
		);
	});

	it('names the rule and the offending character', () => {
		expect(iamNameProblem('role', '')).toBe(`Role name is empty. Role names have ${iamNameRule('role')}.`);
		expect(iamNameProblem('policy', 'read/all')).toMatch(/^Policy name may not contain "\/"\. Policy names have 1–128 characters/);
	});

	it('agrees with the IAM pattern and length on every string', () => {
		const kinds = fc.constantFrom<IamNameKind>('role', 'policy', 'instance-profile');
		fc.assert(fc.property(kinds, fc.oneof(nameOf(135), nearlyValid('aZ09_+=,.@-', 134)), (kind, name) => {
			const expected = IAM.test(name) && name.length <= IAM_MAX[kind];
			expect(iamNameProblem(kind, name) === undefined).toBe(expected);
		}), {numRuns: 3000});
	});
});

describe('suggestDomainName', () => {
	it('falls back to the default without a usable alias', () => {
		expect(suggestDomainName()).toBe('ca-wizard-demo');
		expect(suggestDomainName('')).toBe('ca-wizard-demo');
		expect(suggestDomainName('___')).toBe('ca-wizard-demo');
	});

	it('makes the alias fit the domain rule', () => {
		expect(suggestDomainName('Acme_Prod')).toBe('ca-wizard-acme-prod');
		expect(suggestDomainName('123-team')).toBe('ca-wizard-123-team');
	});

	it('always suggests a valid domain name', () => {
		fc.assert(fc.property(fc.option(fc.string({maxLength: 80}), {nil: undefined}), alias => {
			expect(domainNameProblem(suggestDomainName(alias))).toBeUndefined();
		}));
	});
});

describe('defaults', () => {
	it('are the names the journey uses', () => {
		expect(defaults).toMatchObject({
			domain: 'ca-wizard-demo',
			repository: 'maven-repo',
			upstream: 'maven-central-store',
			role: 'ca-wizard-build-host',
			policy: 'ca-wizard-codeartifact-read',
			instanceProfile: 'ca-wizard-build-host',
		});
	});
});
