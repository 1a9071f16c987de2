import type {ContextValues} from '../../iam-policy/conditions.js';
import type {ApiCall} from '../context.js';
import {CommonError, type ServiceError} from '../errors.js';
import {isAwsManaged} from './aws-managed-policies.js';
import type {InstanceProfileRecord, ManagedPolicyRecord, RoleRecord, SandboxState} from '../state.js';
import {findByName, instanceProfileArn, instanceProfileNotFound, policyNotFound, roleArn, roleNotFound} from './shapes.js';
import {lookupPolicy} from './policy-arns.js';

// Each finds a resource and checks the caller may act on it. The check comes first, on the ARN
// the resource would have, so that a caller without permission cannot learn which ones exist.

type Named = {path: string; name: string};

/** The call with `extra` condition keys for every check it makes (iam:PermissionsBoundary, aws:RequestTag/…). */
export function withContext(call: ApiCall, extra: ContextValues): ApiCall {
	return {...call, authorize: (action, resource, context) => call.authorize(action, resource, {...extra, ...context})};
}

function authorizedByName<T extends Named>(
	records: Record<string, T>,
	call: ApiCall,
	action: string,
	name: string,
	arnOf: (record: Named) => string,
	notFound: (name: string) => ServiceError,
): T {
	const record = findByName(records, name);
	call.authorize(`iam:${action}`, arnOf(record ?? {path: '/', name}));
	if (!record) throw notFound(name);
	return record;
}

export function authorizedRole(state: SandboxState, call: ApiCall, action: string, name: string): RoleRecord {
	return authorizedByName(state.iam.roles, call, action, name, role => roleArn(state, role), roleNotFound);
}

export function authorizedInstanceProfile(state: SandboxState, call: ApiCall, action: string, name: string): InstanceProfileRecord {
	return authorizedByName(state.iam.instanceProfiles, call, action, name, profile => instanceProfileArn(state, profile), instanceProfileNotFound);
}

/** What anyone may do with an AWS managed policy: read it. Everything else changes it, which only AWS may. */
const readsOfAPolicy = new Set(['GetPolicy', 'GetPolicyVersion', 'ListPolicyVersions', 'ListEntitiesForPolicy', 'ListPolicyTags']);

/**
 * A policy is named by its ARN, so the check is on the ARN as given. An AWS managed policy
 * lives in AWS's account: a change to it (a version, a tag, its deletion) is refused as any
 * change to another account's resource, whatever the caller's own policies allow.
 */
export function authorizedPolicy(state: SandboxState, call: ApiCall, action: string, arn: string): ManagedPolicyRecord {
	call.authorize(`iam:${action}`, arn);
	const policy = lookupPolicy(state, arn);
	if (!policy) throw policyNotFound(arn);
	if (isAwsManaged(policy) && !readsOfAPolicy.has(action)) {
		throw new CommonError(
			'AccessDenied',
			`User: ${call.principal.arn} is not authorized to perform: iam:${action} on resource: policy ${arn} because no resource-based policy allows the iam:${action} action`,
		);
	}
	return policy;
}
