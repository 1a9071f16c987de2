import {readCredentialScope} from '../auth/sigv4.js';
import type {ApiCall} from '../context.js';
import type {RestHandler, RestInput} from '../protocols/rest-json.js';
import {entry, type SandboxState} from '../state.js';
import {domainArn} from './arns.js';
import {issueAuthorizationToken} from './auth-token.js';
import {requireDomain} from './resources.js';
import {invalid, readInputs} from './validation.js';

export const defaultTokenSeconds = 12 * 60 * 60;
const minimumTokenSeconds = 15 * 60;

/**
 * Needs codeartifact:GetAuthorizationToken on the domain AND sts:GetServiceBearerToken (with
 * sts:AWSServiceName = codeartifact.amazonaws.com), as on AWS. A duration of 0 ties the token
 * to the caller's session: an instance role session's expiry, or the 12-hour default for the
 * admin's long-term keys.
 */
export const getAuthorizationToken: RestHandler = (input, call, context) => {
	const {domain, domainOwner, durationSeconds} = readInputs(input, ['domain'], ['domainOwner', 'durationSeconds']);
	if (durationSeconds !== undefined && durationSeconds !== 0 && durationSeconds < minimumTokenSeconds) {
		throw invalid(
			`Value '${durationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must be 0, or between ${minimumTokenSeconds} and ${defaultTokenSeconds} seconds.`,
		);
	}
	const {state} = context.store;
	call.authorize('codeartifact:GetAuthorizationToken', domainArn(state, domain));
	call.authorize('sts:GetServiceBearerToken', '*', {'sts:AWSServiceName': 'codeartifact.amazonaws.com'});
	requireDomain(state, domain, domainOwner);
	const now = Math.floor(context.now().getTime() / 1000);
	const expiration =
		durationSeconds === 0 ? (sessionExpiration(state, input, call) ?? now + defaultTokenSeconds) : now + (durationSeconds ?? defaultTokenSeconds);
	const authorizationToken = issueAuthorizationToken(state, {
		principalArn: call.principal.arn,
		principalId: call.principal.userId,
		domain,
		domainOwner: state.accountId,
		expiration,
	});
	return {json: {authorizationToken, expiration}};
};

/** When the temporary credentials that signed this request expire (epoch seconds), if they are temporary. */
function sessionExpiration(state: SandboxState, input: RestInput, call: ApiCall): number | undefined {
	if (call.principal.kind !== 'role-session') return undefined;
	const accessKeyId = readCredentialScope(input.headers)?.accessKeyId;
	const session = accessKeyId === undefined ? undefined : entry(state.sessions, accessKeyId);
	const expires = session ? Date.parse(session.expiration) : Number.NaN;
	return Number.isNaN(expires) ? undefined : Math.floor(expires / 1000);
}
