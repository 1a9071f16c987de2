// The names of what ca-wizard makes. In a workshop every participant's names carry their
// prefix (`--participant p7` → p7-ca-wizard-demo, p7-ca-wizard-build-host…), so thirty people
// in one account never share a domain, a role or an instance profile.

import {defaults} from './name-rules.js';

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
