import {ServiceError} from '../errors.js';
import {parsePolicyDocument, type PolicyKind} from '../../iam-policy/evaluate.js';

/** Refuses a document IAM would refuse, with IAM's MalformedPolicyDocument message. */
export function checkDocument(text: string, kind: PolicyKind): void {
	const result = parsePolicyDocument(text, {kind});
	if (!result.ok) throw new ServiceError('MalformedPolicyDocument', 400, result.message);
}

/** IAM counts policy size without whitespace outside strings; call only on a checked document. */
export function policySize(text: string): number {
	try {
		return JSON.stringify(JSON.parse(text)).length;
	} catch {
		return text.length;
	}
}

export function limitExceeded(message: string): ServiceError {
	return new ServiceError('LimitExceeded', 409, message);
}

export function deleteConflict(message: string): ServiceError {
	return new ServiceError('DeleteConflict', 409, message);
}

export function alreadyExists(message: string): ServiceError {
	return new ServiceError('EntityAlreadyExists', 409, message);
}

// IAM's default quotas.
export const quotas = {
	managedPolicySize: 6144,
	trustPolicySize: 2048,
	inlinePoliciesPerRole: 10240,
	policyVersions: 5,
	managedPoliciesPerRole: 10,
	rolesPerInstanceProfile: 1,
	tagsPerResource: 50,
} as const;
