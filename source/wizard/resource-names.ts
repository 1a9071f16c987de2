// The names of what ca-wizard makes. In a workshop every participant's names carry their
// prefix (`--participant p7` → p7-ca-wizard-demo, p7-ca-wizard-build-host…), so thirty people
// in one account never share a domain, a role or an instance profile.

import {defaults} from './name-rules.js';

/** The longest participant name: prefixed names stay well inside AWS's limits (a domain's 50, a role's 64, a policy's 128 with any domain). */
export const participantMaxLength = 20;

export const participantRule = `1–${participantMaxLength} characters: lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen`;

/**
 * Why NAME cannot prefix the names ca-wizard makes; undefined when it can. Each rule keeps every
 * prefixed name a valid CodeArtifact domain name (lowercase letter first, no hyphen last) and IAM name.
 */
export function participantProblem(name: string): string | undefined {
	const length = [...name].length;
	const bad = /[^a-z0-9-]/u.exec(name)?.[0];
	const broken = [
		length === 0 ? 'is empty' : undefined,
		length > participantMaxLength ? `is too long (${length} characters)` : undefined,
		bad === undefined ? undefined : `may not contain ${/^[A-Z]$/.test(bad) ? 'uppercase letters' : JSON.stringify(bad)}`,
		/^[a-z]/.test(name) ? undefined : 'must start with a lowercase letter',
		/-$|--/.test(name) ? 'may neither end with a hyphen nor hold two in a row' : undefined,
	].find(problem => problem !== undefined);
	if (broken === undefined) return undefined;
	const suggestion = participantSuggestion(name);
	return `a participant name ${broken}; it takes ${participantRule}${suggestion ? `: try ${suggestion}` : ' (e.g. p7, alice)'}`;
}

/** The nearest name the rule accepts (P 7 → p-7), or undefined when nothing is left of NAME. */
function participantSuggestion(name: string): string | undefined {
	const near = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^[^a-z]+/, '')
		.slice(0, participantMaxLength)
		.replace(/-+$/, '');
	return near === '' || near === name ? undefined : near;
}

export interface ResourceNames {
	/** The workshop participant these names belong to; undefined outside a workshop. */
	participant?: string;
	/** Suggested for a new domain and repository. */
	domain: string;
	repository: string;
	/** The upstream that holds the external connection to Maven Central. */
	upstream: string;
	role: string;
	instanceProfile: string;
	/** The build-host policy's name, before its domain (policyNameFor in access-step.ts). */
	policy: string;
}

export function resourceNames(participant?: string): ResourceNames {
	const prefix = participant === undefined ? '' : `${participant}-`;
	return {
		...(participant === undefined ? {} : {participant}),
		domain: prefix + defaults.domain,
		repository: prefix + defaults.repository,
		upstream: prefix + defaults.upstream,
		role: prefix + defaults.role,
		instanceProfile: prefix + defaults.instanceProfile,
		policy: prefix + defaults.policy,
	};
}
