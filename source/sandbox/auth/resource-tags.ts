import {parseArn, taggableRecord} from '../codeartifact/arns.js';
import {entry, type SandboxState, type Tag} from '../state.js';

// aws:ResourceTag/… comes from the tags stored on the resource an action names. The sandbox
// stores tags for roles, managed policies, instance profiles, domains, repositories and package groups.

const iamArn = /^arn:aws:iam::(\d{12}):(role|policy|instance-profile)(\/(?:[^/]*\/)*)([^/]*)$/;

/**
 * The tags of the resource `arn` names: none for `*`, for a resource that does not exist (yet)
 * and for a CodeArtifact package (packages take no tags); undefined where the sandbox does not
 * model the kind's tags (an EC2 instance, say), so that a condition on them fails closed.
 */
export function resourceTags(state: SandboxState, arn: string): Tag[] | undefined {
	if (arn === '*') return [];
	const iam = iamArn.exec(arn);
	if (iam) {
		const [, account, kind, path, name = ''] = iam;
		const records = kind === 'role' ? state.iam.roles : kind === 'policy' ? state.iam.policies : state.iam.instanceProfiles;
		const record = account === state.accountId ? entry<{path: string; tags: Tag[]}>(records, name) : undefined;
		return record !== undefined && record.path === path ? record.tags : [];
	}
	const codeArtifact = parseArn(arn);
	if (codeArtifact && ['domain', 'repository', 'package', 'package-group'].includes(codeArtifact.kind)) return taggableRecord(state, codeArtifact)?.tags ?? [];
	return undefined;
}
