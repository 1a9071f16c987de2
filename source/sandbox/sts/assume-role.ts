import {evaluateTrust} from '../../iam-policy/trust.js';
import type {Principal} from '../auth/principal.js';
import {CommonError, ServiceError} from '../errors.js';
import {checkDocument} from '../iam/documents.js';
import {Input} from '../iam/input.js';
import {lookupPolicy} from '../iam/policy-arns.js';
import {roleArn} from '../iam/shapes.js';
import {queryStructList, type QueryHandler} from '../protocols/aws-query.js';
import type {RoleRecord, SandboxState} from '../state.js';
import {credentialsXml, issueSession} from './session-credentials.js';
import {stsRules} from './rules.js';

// sts:AssumeRole: a principal of the account becomes a role for a while, if the role's trust
// policy lets it (and, unless the trust names it by its own ARN, its own policies allow the action).

/** AWS's quota on session policies: their plain text, inline and managed together. */
const sessionPolicyChars = 2048;
const maxPolicyArns = 100;

/** Every name a trust policy may give the caller: its account, the account's root, its own ARN(s). */
function callerNames(principal: Principal): {own: string[]; all: string[]} {
	const own = principal.kind === 'role-session' ? [principal.arn, principal.roleArn] : [principal.arn];
	return {own, all: [...own, principal.accountId, `arn:aws:iam::${principal.accountId}:root`]};
}

function notAuthorized(principal: Principal, arn: string): CommonError {
	return new CommonError('AccessDenied', `User: ${principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${arn}`);
}

/**
 * The role, once its trust policy lets the caller assume it. A role that does not exist is
 * refused in the same words as one that does not trust the caller: nobody learns which it is.
 */
function trustingRole(state: SandboxState, principal: Principal, arn: string, externalId: string | undefined, authorize: () => void): RoleRecord {
	const role = Object.values(state.iam.roles).find(candidate => roleArn(state, candidate) === arn);
	if (!role) throw notAuthorized(principal, arn);
	const names = callerNames(principal);
	// A trust policy's condition may ask for the external id the caller gives.
	const context: Record<string, string> = externalId === undefined ? {} : {'sts:ExternalId': externalId};
	if (evaluateTrust(role.assumeRolePolicyDocument, {aws: names.all, context}) !== 'Allow') throw notAuthorized(principal, arn);
	// Trusted only as one of the account's principals: the caller's own policies must allow it too.
	if (evaluateTrust(role.assumeRolePolicyDocument, {aws: names.own, context}) !== 'Allow') authorize();
	return role;
}

/** Policy and PolicyArns, as documents; a policy ARN that names no policy limits the session to nothing. */
function sessionPolicies(state: SandboxState, policy: string | undefined, arns: string[]): {documents: string[]; size: number} | undefined {
	if (policy === undefined && arns.length === 0) return undefined;
	if (policy !== undefined) checkDocument(policy, 'identity');
	const managed = arns.map(arn => lookupPolicy(state, arn)?.document ?? JSON.stringify({Version: '2012-10-17', Statement: []}));
	const chars = (policy?.length ?? 0) + arns.reduce((sum, arn) => sum + arn.length, 0);
	const size = Math.ceil((chars * 100) / sessionPolicyChars);
	if (size > 100) throw new ServiceError('PackedPolicyTooLarge', 400, `Packed policy consumes ${size}% of allotted space, please use smaller policy.`);
	return {documents: [...(policy === undefined ? [] : [policy]), ...managed], size};
}

export const AssumeRole: QueryHandler = (params, call, {store, now, effective}) => {
	const input = new Input(params);
	const arn = input.required('RoleArn', stsRules.arn);
	const sessionName = input.required('RoleSessionName', stsRules.roleSessionName);
	const duration = input.integer('DurationSeconds', {min: 900, max: 43200});
	const policy = input.optional('Policy', stsRules.sessionPolicy);
	// The model bounds the list by nothing; the packed size (below) bounds it well before this.
	const policyArns = queryStructList(params, 'PolicyArns.member', maxPolicyArns).map(item => item['arn'] ?? '');
	policyArns.forEach((_arn, index) => input.required(`PolicyArns.member.${index + 1}.arn`, stsRules.arn));
	input.tags();
	input.tagKeys('TransitiveTagKeys');
	const externalId = input.optional('ExternalId', stsRules.externalId);
	input.optional('SerialNumber', stsRules.serialNumber);
	input.optional('TokenCode', stsRules.tokenCode);
	const sourceIdentity = input.optional('SourceIdentity', stsRules.sourceIdentity);
	input.done();
	const {principal} = call;
	const role = trustingRole(effective(), principal, arn, externalId, () => call.authorize('sts:AssumeRole', arn));
	const seconds = duration ?? 3600;
	// Credentials of a role assuming another role: AWS caps such a chain at one hour.
	if (principal.kind === 'role-session' && seconds > 3600) {
		throw new ServiceError('ValidationError', 400, 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
	}
	if (seconds > role.maxSessionDuration)
		throw new ServiceError('ValidationError', 400, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
	const limits = sessionPolicies(store.state, policy, policyArns);
	const session = issueSession(
		store.state,
		{kind: 'assumed-role', roleName: role.name, roleId: role.id, sessionName, ...(limits ? {sessionPolicies: limits.documents} : {})},
		now(),
		seconds,
	);
	store.commit({packagesUnchanged: true});
	return {
		Credentials: credentialsXml(session),
		AssumedRoleUser: {AssumedRoleId: `${role.id}:${sessionName}`, Arn: `arn:aws:sts::${principal.accountId}:assumed-role/${role.name}/${sessionName}`},
		PackedPolicySize: limits?.size,
		SourceIdentity: sourceIdentity,
	};
};
