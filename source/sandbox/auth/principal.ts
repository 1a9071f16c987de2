import {entry, firstInstance, type RoleRecord, type SandboxState} from '../state.js';
import {CommonError} from '../errors.js';
import {otherAccount, otherAccountUserArn, type OtherAccountUser} from './other-account.js';

export type Principal =
	| {kind: 'admin'; arn: string; userId: string; accountId: string}
	| {kind: 'role-session'; arn: string; userId: string; accountId: string; roleName: string; roleArn: string; sessionName: string}
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

export function adminPrincipal(state: SandboxState): Principal {
	return {kind: 'admin', arn: `arn:aws:iam::${state.accountId}:user/${state.admin.userName}`, userId: state.admin.userId, accountId: state.accountId};
}

export function roleSessionPrincipal(state: SandboxState, roleName: string, sessionName: string): Principal {
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
