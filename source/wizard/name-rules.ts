// Name rules checked as the user types, before any API call. Each problem names what is wrong
// and then the whole rule, so the learner can fix the name without a round trip to AWS.
// The rules are AWS's own (botocore models): CodeArtifact domain and repository names.

export const defaults = {
	domain: 'ca-wizard-demo',
	repository: 'maven-repo',
	upstream: 'maven-central-store',
	externalConnection: 'public:maven-central',
	role: 'ca-wizard-build-host',
	policy: 'ca-wizard-codeartifact-read',
	instanceProfile: 'ca-wizard-build-host',
} as const;

export const domainNameRule = '2–50 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen';
export const repositoryNameRule = '2–100 characters: letters, digits, dots, underscores and hyphens, starting with a letter or a digit';

const DOMAIN_CHAR = /^[a-z0-9-]$/;
const REPOSITORY_CHAR = /^[A-Za-z0-9._-]$/;
const LETTER_OR_DIGIT = /^[A-Za-z0-9]$/;

export function domainNameProblem(name: string): string | undefined {
	return problem('Domain name', domainNameRule, [
		lengthCheck(name, 2, 50),
		badCharacter(name, DOMAIN_CHAR),
		/^[a-z]/.test(name) ? undefined : 'must start with a lowercase letter',
		name.endsWith('-') ? 'must not end with a hyphen' : undefined,
	]);
}

export function repositoryNameProblem(name: string): string | undefined {
	return problem('Repository name', repositoryNameRule, [
		lengthCheck(name, 2, 100),
		badCharacter(name, REPOSITORY_CHAR),
		LETTER_OR_DIGIT.test(name.charAt(0)) ? undefined : 'must start with a letter or a digit',
	]);
}

/** A repository the journey may use as the build's repository: any valid name but the upstream it manages itself. */
export function repositoryChoiceProblem(name: string): string | undefined {
	return (
		repositoryNameProblem(name) ?? (name === defaults.upstream ? `${defaults.upstream} is the upstream the wizard manages; choose another name.` : undefined)
	);
}

// CodeArtifact's model: a repository description matches \P{C}* and has at most 1000 characters.
export const descriptionRule = 'at most 1000 characters, none of them control or format characters';

export function descriptionProblem(description: string): string | undefined {
	const length = [...description].length;
	const control = /\p{C}/u.exec(description)?.[0];
	const first = length > 1000 ? `is too long (${length} characters)` : control !== undefined ? `may not contain ${describeCharacter(control)}` : undefined;
	return first === undefined ? undefined : `The description ${first}. A description has ${descriptionRule}.`;
}

function problem(subject: string, rule: string, checks: Array<string | undefined>): string | undefined {
	const first = checks.find(check => check !== undefined);
	return first === undefined ? undefined : `${subject} ${first}. ${capitalize(subject)}s have ${rule}.`;
}

function lengthCheck(name: string, min: number, max: number): string | undefined {
	// Count code points, as a person would: an emoji is one character, not two.
	const length = [...name].length;
	if (length === 0) return 'is empty';
	if (length < min) return `is too short (${length} character${length === 1 ? '' : 's'})`;
	if (length > max) return `is too long (${length} characters)`;
	return undefined;
}

function badCharacter(name: string, allowed: RegExp): string | undefined {
	const bad = [...name].find(character => !allowed.test(character));
	return bad === undefined ? undefined : `may not contain ${describeCharacter(bad)}`;
}

function describeCharacter(character: string): string {
	if (character === ' ') return 'spaces';
	if (/^[A-Z]$/.test(character)) return `uppercase letters ("${character}")`;
	if (/^\s$/.test(character) || /^\p{C}$/u.test(character)) return `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
	return `"${character}"`;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}
