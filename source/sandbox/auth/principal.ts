import {entry, type SandboxState} from '../state.js';
import {CommonError} from '../errors.js';

export type Principal =
	| {kind: 'admin'; arn: string; userId: string; accountId: string}
	| {kind: 'role-session'; arn: string; userId: string; accountId: string; roleName: string; roleArn: string; sessionName: string};

/** Finds who owns an access key, and the secret to check their signature with. */
export function resolveAccessKey(state: SandboxState, accessKeyId: string, sessionToken: string | undefined, now = new Date()): {principal: Principal; secretAccessKey: string} {
	if (accessKeyId === state.admin.accessKeyId) {
		return {principal: adminPrincipal(state), secretAccessKey: state.admin.secretAccessKey};
	}
	const session = entry(state.sessions, accessKeyId);
	if (!session) throw new CommonError('UnknownAccessKey', 'The security token included in the request is invalid.');
	if (session.sessionToken !== sessionToken) throw new CommonError('UnknownAccessKey', 'The security token included in the request is invalid.');
	if (Date.parse(session.expiration) <= now.getTime()) throw new CommonError('ExpiredToken', 'The security token included in the request is expired');
	// As with any STS credentials, a session stays valid until it expires, even once the
	// association that issued it is replaced or removed (that only stops new ones being issued).
	// What it may do is decided at each request by its role's policies as they are then.
	return {principal: roleSessionPrincipal(state, session.roleName, state.instance.instanceId), secretAccessKey: session.secretAccessKey};
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
