import {ServiceError} from '../errors.js';
import {entry, type ManagedPolicyRecord, type SandboxState} from '../state.js';
import {awsManagedPolicy} from './aws-managed-policies.js';

// Policy ARNs and the policy each names: what IAM's handlers and the sandbox's authoriser share.

export function parsePolicyArn(arn: string): {account: string; path: string; name: string} | undefined {
	const match = /^arn:aws:iam::(\d{12}|aws):policy(\/(?:[^/]+\/)*)([\w+=,.@-]+)$/.exec(arn);
	if (!match) return undefined;
	return {account: match[1]!, path: match[2]!, name: match[3]!};
}

/** Resolves a policy ARN to this account's policy or an AWS managed one; InvalidInput for text that is not an ARN. */
export function lookupPolicy(state: SandboxState, arn: string): ManagedPolicyRecord | undefined {
	if (!arn.startsWith('arn:')) throw new ServiceError('InvalidInput', 400, `ARN ${arn} is not valid.`);
	const parts = parsePolicyArn(arn);
	if (parts?.account === 'aws') return awsManagedPolicy(parts.path, parts.name);
	if (!parts || parts.account !== state.accountId) return undefined;
	const policy = entry(state.iam.policies, parts.name);
	return policy && policy.path === parts.path ? policy : undefined;
}
