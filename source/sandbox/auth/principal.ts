import {entry, firstInstance, type RoleRecord, type SandboxState, type StsSessionRecord} from '../state.js';
import {CommonError} from '../errors.js';
import {otherAccount, otherAccountUserArn, type OtherAccountUser} from './other-account.js';

export type Principal =
	/** `temporary`: the admin's session credentials from GetSessionToken, not its long-term keys. */
	| {kind: 'admin'; arn: string; userId: string; accountId: string; temporary?: boolean}
	/** `sessionPolicies`: what AssumeRole's Policy and PolicyArns limited the session to. */
	| {kind: 'role-session'; arn: string; userId: string; accountId: string; roleName: string; roleArn: string; sessionName: string; sessionPolicies?: string[]}
	/** A user of the sandbox's second account (other-account.ts), with its identity policy. */
	| {kind: 'other-account-user'; arn: string; userId: string; accountId: string; userName: string; policy: string};

/**
 * Finds who owns an access key, and the secret to check their signature with. Every refusal of
 * the credentials themselves is AWS's InvalidClientTokenId (each protocol names it in its own
 * words: UnrecognizedClientException, AuthFailure): "The security token included in the
 * request is invalid.", which is also what AWS answers for deleted credentials.
 */
export function resolveAccessKey(
	state: SandboxState,
	accessKeyId: string,
	sessionToken: string | undefined,
	now = new Date(),
): {principal: Principal; secretAccessKey: string} {
	if (accessKeyId === state.admin.accessKeyId) {
		// Long-term keys have no session: a session token sent with them is one nobody issued.
		if (sessionToken !== undefined) throw invalidToken();
		return {principal: adminPrincipal(state), secretAccessKey: state.admin.secretAccessKey};
	}
	const other = otherAccountPrincipal(state, user => user.accessKeyId === accessKeyId);
	if (other) {
		if (sessionToken !== undefined) throw invalidToken();
		return other;
	}
	const issued = entry(state.stsSessions ?? {}, accessKeyId);
	if (issued) return {principal: stsSessionPrincipal(state, issued, sessionToken, now), secretAccessKey: issued.secretAccessKey};
	const session = entry(state.sessions, accessKeyId);
	if (!session || session.sessionToken !== sessionToken) throw invalidToken();
	if (Date.parse(session.expiration) <= now.getTime()) throw new CommonError('ExpiredToken', 'The security token included in the request is expired');
	// A session belongs to the role's unique id (AROA…), not to its name: once that role is
	// deleted, a role created again under the same name is another role, and the old session
	// gets none of its permissions. A session recorded before ids were (no roleId) cannot be
	// tied to a role, so it is refused too; instance metadata then issues a fresh one.
	const role = entry(state.iam.roles, session.roleName);
	if (!role || session.roleId === undefined || role.id !== session.roleId) throw invalidToken();
	// As with any STS credentials, a session stays valid until it expires, even once the
	// association that issued it is replaced or removed (that only stops new ones being issued).
	// What it may do is decided at each request by its role's policies as they are then.
	return {
		principal: roleSessionPrincipal(state, session.roleName, session.instanceId ?? firstInstance(state).instanceId),
		secretAccessKey: session.secretAccessKey,
	};
}

/** Who credentials from AssumeRole or GetSessionToken act as: checked as instance sessions are. */
function stsSessionPrincipal(state: SandboxState, session: StsSessionRecord, sessionToken: string | undefined, now: Date): Principal {
	if (session.sessionToken !== sessionToken) throw invalidToken();
	if (Date.parse(session.expiration) <= now.getTime()) throw new CommonError('ExpiredToken', 'The security token included in the request is expired');
	if (session.kind === 'session-token') return {...adminPrincipal(state), temporary: true};
	const role = session.roleName === undefined ? undefined : entry(state.iam.roles, session.roleName);
	if (!role || role.id !== session.roleId || session.sessionName === undefined) throw invalidToken();
	const principal = roleSessionPrincipal(state, role.name, session.sessionName);
	return session.sessionPolicies === undefined ? principal : {...principal, sessionPolicies: session.sessionPolicies};
}

function invalidToken(): CommonError {
	return new CommonError('UnknownAccessKey', 'The security token included in the request is invalid.');
}

/**
 * The live role a session acts as: by name, but only while it is still the role the session was
 * issued for (its unique id leads the session's userId). Between the key check and a later
 * look-up the role may have been deleted and created again; the newcomer lends nothing.
 */
export function principalRole(state: SandboxState, principal: Principal): RoleRecord | undefined {
	if (principal.kind !== 'role-session') return undefined;
	const role = entry(state.iam.roles, principal.roleName);
	return role && principal.userId.startsWith(`${role.id}:`) ? role : undefined;
}

export function adminPrincipal(state: SandboxState): Extract<Principal, {kind: 'admin'}> {
	return {kind: 'admin', arn: `arn:aws:iam::${state.accountId}:user/${state.admin.userName}`, userId: state.admin.userId, accountId: state.accountId};
}

export function roleSessionPrincipal(state: SandboxState, roleName: string, sessionName: string): Extract<Principal, {kind: 'role-session'}> {
	const role = entry(state.iam.roles, roleName);
	return {
		kind: 'role-session',
		arn: `arn:aws:sts::${state.accountId}:assumed-role/${roleName}/${sessionName}`,
		userId: `${role?.id ?? 'AROAUNKNOWN'}:${sessionName}`,
		accountId: state.accountId,
		roleName,
		roleArn: `arn:aws:iam::${state.accountId}:role${role?.path ?? '/'}${roleName}`,
		sessionName,
	};
}

/** The second account's user `matches` picks, as a principal with its signing secret. */
export function otherAccountPrincipal(
	state: SandboxState,
	matches: (user: OtherAccountUser, arn: string) => boolean,
): {principal: Principal; secretAccessKey: string} | undefined {
	const account = otherAccount(state);
	const user = account.users.find(each => matches(each, otherAccountUserArn(account, each)));
	if (!user) return undefined;
	const {userName, userId, policy, secretAccessKey} = user;
	return {
		principal: {kind: 'other-account-user', arn: otherAccountUserArn(account, user), userId, accountId: account.accountId, userName, policy},
		secretAccessKey,
	};
}
