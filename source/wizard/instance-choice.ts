// Off EC2, the wizard can fix the access of the account's EC2 instances instead of its own
// host's: which ones is a multi-select question, answered on the command line as
// `--instances i-0123…,i-0456…` (or `none`, the default).

import type {MultiSelectQuestion} from './questions.js';

const instanceId = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** Why `value` is not a list of instance ids (or `none`); undefined when it is. */
export function instanceListProblem(value: string): string | undefined {
	if (value === 'none') return undefined;
	const wrong = value.split(',').filter(id => !instanceId.test(id.trim()));
	if (wrong.length === 0) return undefined;
	return `${wrong.map(id => `"${id}"`).join(', ')} ${wrong.length === 1 ? 'is' : 'are'} not an instance id; list ids like i-0123456789abcdef0, comma-separated, or none`;
}

/** An instance and what the token check, evaluated over its role's policies, says of it. */
export interface InstanceAccess {
	instanceId: string;
	name?: string;
	state: string;
	instanceProfileArn?: string;
	/** The role its profile holds; absent when it has no profile, or the profile no role. */
	roleName?: string;
	/** What its role's policies do not allow (empty: it may get a token and read the repository). */
	missing: string[];
}

export function mayRead(access: InstanceAccess): boolean {
	return access.roleName !== undefined && access.missing.length === 0;
}

/** How an instance is named on screen: its Name tag and id. */
export function instanceTitle(access: Pick<InstanceAccess, 'instanceId' | 'name'>): string {
	return access.name ? `${access.name} (${access.instanceId})` : access.instanceId;
}

/** A short name for a row of facts: the Name tag (cut to fit beside the verdict), else the id. */
export function instanceShortName(access: Pick<InstanceAccess, 'instanceId' | 'name'>): string {
	const name = access.name ?? access.instanceId;
	return name.length > 24 ? `${name.slice(0, 23)}…` : name;
}

/** ✔ or ✖ and why, in a line. */
export function accessVerdict(access: InstanceAccess): string {
	if (!access.instanceProfileArn) return '✖ no instance profile, so no credentials';
	if (!access.roleName) return `✖ its profile ${access.instanceProfileArn.slice(access.instanceProfileArn.lastIndexOf('/') + 1)} holds no role`;
	if (mayRead(access)) return `✔ may get a token (role ${access.roleName})`;
	// The action alone: the resource (the domain, the repository) is the same for every instance.
	const action = access.missing[0]?.split(' ')[0] ?? '';
	return `✖ role ${access.roleName} may not ${action}${access.missing.length > 1 ? ` (+${access.missing.length - 1} more)` : ''}`;
}

/** What choosing the instance would do to it. */
export function fixPreview(access: InstanceAccess, wizardProfile: string): string {
	if (mayRead(access)) return 'Nothing to change: its role already allows the token and the reads.';
	if (access.roleName) return `Attaches the CodeArtifact read policy to its role ${access.roleName}; everything else the role may do stays.`;
	if (!access.instanceProfileArn) return `Associates the instance profile ${wizardProfile} (role with the read policy); nothing is replaced.`;
	return 'Cannot be fixed from here: its profile holds no role. Add one to the profile, or run ca-wizard on the instance.';
}

/** The question: which instances to fix, each with its verdict, and what choosing it would do as its hint. Default: none. */
export function instancesQuestion(accesses: InstanceAccess[], wizardProfile: string): MultiSelectQuestion<'instances'> {
	return {
		kind: 'multiselect',
		id: 'instances',
		message: 'Which EC2 build hosts should get access to the repository?',
		detail: 'This machine is not an EC2 instance. Pick the build hosts to fix (Space), then Enter; none leaves them as they are.',
		choices: accesses.map(access => ({
			value: access.instanceId,
			label: `${instanceTitle(access)}: ${accessVerdict(access)}`,
			hint: fixPreview(access, wizardProfile),
		})),
		default: '',
		validate: instanceListProblem,
	};
}
