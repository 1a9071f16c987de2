import {resourceNouns, type CreatedResource} from './events.js';

// What was done to a resource, in a person's words rather than its kind's id: "attached policy
// X to role Y", not "role-policy-attachment X → Y". The screens list these, and the account of
// an automatic fix joins them into a sentence (fix-account.ts).

/** What making `resource` did, as a clause ("attached policy … to role …"). */
export function madeClause({kind, name, details = {}}: CreatedResource): string {
	switch (kind) {
		case 'role-policy-attachment':
			return `attached policy ${lastPart(details['policyArn'] ?? name)} to role ${details['role'] ?? name}`;
		case 'iam-role':
			return `made the role ${name} (EC2 may wear it)`;
		case 'instance-profile':
			return `made the instance profile ${name}`;
		case 'instance-profile-role':
			return `put role ${details['role'] ?? name} in instance profile ${details['profile'] ?? name}`;
		case 'instance-profile-association':
			return details['previousProfileArn']
				? `gave instance ${details['instanceId']} the instance profile ${details['profile']} instead of ${lastPart(details['previousProfileArn'])}`
				: `associated instance profile ${details['profile']} with instance ${details['instanceId']}`;
		default:
			return `created ${resourceNouns[kind]} ${name}`;
	}
}

/** What finding `resource` already there means, as a clause ("reused role …", "policy … already attached to role …"). */
export function reusedClause({kind, name, details = {}}: CreatedResource): string {
	switch (kind) {
		case 'role-policy-attachment':
			return `policy ${lastPart(details['policyArn'] ?? name)} already attached to role ${details['role'] ?? name}`;
		case 'instance-profile-role':
			return `role ${details['role'] ?? name} already in instance profile ${details['profile'] ?? name}`;
		case 'instance-profile-association':
			return `instance profile ${details['profile'] ?? name} already on instance ${details['instanceId'] ?? name}`;
		default:
			return `reused ${resourceNouns[kind]} ${name}`;
	}
}

/** A clause as a line of its own: capitalised. */
export function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function lastPart(arn: string): string {
	return arn.slice(arn.lastIndexOf('/') + 1);
}
