import {randomBytes} from 'node:crypto';
import {awsId, isoNow, secretKey} from '../ids.js';
import type {AssociationRecord, InstanceSessionRecord, RoleRecord, SandboxState} from '../state.js';

// Role credentials for the instance, as EC2 hands them out: one set per (association, role),
// valid for six hours, replaced by a fresh set once less than five minutes remain. The role is
// its unique id, not its name: a role deleted and created again under its name gets new ones.

export const sessionLifetimeMs = 6 * 60 * 60 * 1000;
export const refreshMarginMs = 5 * 60 * 1000;

/** The session to hand out now, and whether it was just issued (then the caller commits). */
export function instanceSession(
	state: SandboxState,
	association: AssociationRecord,
	role: Pick<RoleRecord, 'name' | 'id'>,
	now: Date,
): {session: InstanceSessionRecord; issued: boolean} {
	const reusable = Object.values(state.sessions)
		.filter(s => s.associationId === association.associationId && s.roleName === role.name && s.roleId === role.id)
		.filter(s => Date.parse(s.expiration) - now.getTime() > refreshMarginMs)
		.sort((a, b) => Date.parse(b.expiration) - Date.parse(a.expiration))[0];
	if (reusable) return {session: reusable, issued: false};
	for (const [key, old] of Object.entries(state.sessions)) if (Date.parse(old.expiration) <= now.getTime()) delete state.sessions[key];
	const session: InstanceSessionRecord = {
		accessKeyId: awsId('ASIA'),
		secretAccessKey: secretKey(),
		// Real session tokens are long base64 blobs with this very prefix.
		sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(480).toString('base64')}`,
		roleName: role.name,
		roleId: role.id,
		associationId: association.associationId,
		instanceId: association.instanceId,
		issued: isoNow(now),
		expiration: isoNow(new Date(now.getTime() + sessionLifetimeMs)),
	};
	state.sessions[session.accessKeyId] = session;
	return {session, issued: true};
}
