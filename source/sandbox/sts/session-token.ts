import {CommonError} from '../errors.js';
import {Input} from '../iam/input.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import {credentialsXml, issueSession} from './session-credentials.js';
import {stsRules} from './rules.js';

/**
 * sts:GetSessionToken: the admin's long-term keys lend a temporary set that acts as the admin.
 * It needs no permission (as in AWS); session credentials may not ask for more. The sandbox has
 * no MFA device, so a code is never valid, and IAM never takes the set (auth/authorize.ts).
 */
export const GetSessionToken: QueryHandler = (params, call, {store, now}) => {
	const input = new Input(params);
	const duration = input.integer('DurationSeconds', {min: 900, max: 129600});
	const serialNumber = input.optional('SerialNumber', stsRules.serialNumber);
	const tokenCode = input.optional('TokenCode', stsRules.tokenCode);
	input.done();
	const {principal} = call;
	// The second account's users would need sessions of their own; the sandbox does not model them.
	if (principal.kind === 'other-account-user') {
		throw new CommonError(
			'AccessDenied',
			`User: ${principal.arn} is not authorized to perform: sts:GetSessionToken (the sandbox lends session credentials to its own admin only)`,
		);
	}
	if (principal.kind === 'role-session' || principal.temporary === true)
		throw new CommonError('AccessDenied', 'Cannot call GetSessionToken with session credentials');
	if (serialNumber !== undefined || tokenCode !== undefined) {
		throw new CommonError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ');
	}
	const session = issueSession(store.state, {kind: 'session-token'}, now(), duration ?? 43200);
	store.commit({packagesUnchanged: true});
	return {Credentials: credentialsXml(session)};
};
