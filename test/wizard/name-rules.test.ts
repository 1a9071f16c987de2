import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	defaults,
	descriptionProblem,
	domainNameProblem,
	domainNameRule,
	repositoryChoiceProblem,
	repositoryNameProblem,
	repositoryNameRule,
} from '../../source/wizard/name-rules.js';

// AWS's own patterns (botocore models), anchored: the oracle the rules must agree with.
const DOMAIN = /^[a-z][a-z0-9-]{0,48}[a-z0-9]$/;
const REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/;

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
		fc.assert(
			fc.property(fc.oneof(nameOf(55), nearlyValid('az09-', 52)), name => {
				expect(domainNameProblem(name) === undefined).toBe(DOMAIN.test(name));
			}),
			{numRuns: 3000},
		);
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
		fc.assert(
			fc.property(fc.oneof(nameOf(105), nearlyValid('aZ09-._', 102)), name => {
				expect(repositoryNameProblem(name) === undefined).toBe(REPOSITORY.test(name));
			}),
			{numRuns: 3000},
		);
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
		const text = fc
			.oneof(fc.array(characters, {maxLength: 30}), fc.array(fc.constantFrom('a', '😀', '\u001b'), {minLength: 995, maxLength: 1005}))
			.map(chars => chars.join(''));
		fc.assert(fc.property(text, description => (descriptionProblem(description) === undefined) === DESCRIPTION.test(description)));
	});

	it('names the rule and the first character that breaks it', () => {
		expect(descriptionProblem('')).toBeUndefined();
		expect(descriptionProblem('😀'.repeat(1000))).toBeUndefined();
		expect(descriptionProblem('a'.repeat(1001))).toBe(
			'The description is too long (1001 characters). A description has at most 1000 characters, none of them control or format characters.',
		);
		expect(descriptionProblem('red \u001b[31m')).toBe(
			'The description may not contain U+001B. A description has at most 1000 characters, none of them control or format characters.',
		);
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
