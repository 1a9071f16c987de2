import {randomBytes} from 'node:crypto';
import {rmSync} from 'node:fs';
import {afterAll} from 'vitest';
import {awsId, isoNow, secretKey} from '../../../source/sandbox/ids.js';
import {SandboxStore} from '../../../source/sandbox/store/sandbox-store.js';
import {adminConfig, temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';
import {roleRecord} from '../../helpers/role-record.js';

export interface SeededSession {
	roleName: string;
	credentials: {accessKeyId: string; secretAccessKey: string; sessionToken: string};
	expiration: Date;
}

/**
 * Writes a data folder in which instance-role sessions already exist, as instance metadata
 * would have issued them, so that the policy checks can be exercised before the IAM and
 * metadata emulators are complete. Each role gets the given inline policy.
 */
export function seedRoleSessions(dataDir: string, roles: Record<string, object>, lifetimeSeconds = 6 * 3600): SeededSession[] {
	const store = new SandboxStore(dataDir, {region: 'us-east-1', scenario: 'access-denied'});
	const {state} = store;
	const associationId = Object.keys(state.associations)[0];
	if (!associationId) throw new Error('the access-denied scenario should start with an instance profile association');
	const now = new Date();
	const expiration = new Date(Math.floor(now.getTime() / 1000 + lifetimeSeconds) * 1000);
	const sessions: SeededSession[] = [];
	for (const [roleName, policy] of Object.entries(roles)) {
		state.iam.roles[roleName] ??= roleRecord(roleName, {id: awsId('AROA'), description: 'test role', createDate: isoNow(now)});
		state.iam.roles[roleName].inlinePolicies['test-policy'] = JSON.stringify(policy);
		const credentials = {accessKeyId: awsId('ASIA'), secretAccessKey: secretKey(), sessionToken: randomBytes(48).toString('base64')};
		state.sessions[credentials.accessKeyId] = {
			...credentials,
			roleName,
			roleId: state.iam.roles[roleName].id,
			associationId,
			issued: isoNow(now),
			expiration: isoNow(expiration),
		};
		sessions.push({roleName, credentials, expiration});
	}
	store.commit();
	return sessions;
}

/**
 * Starts a sandbox for the file's tests in which each of `roles` (name → inline policy) has a
 * session; `configFor(role)` is the SDK client configuration that signs as that session.
 */
export function useSandboxWithRoles<R extends string>(roles: Record<R, object>) {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	const sessions = new Map(seedRoleSessions(dataDir, roles).map(session => [session.roleName, session]));
	afterAll(() => rmSync(dataDir, {recursive: true, force: true}));
	const sandbox = useSandbox({dataDir});
	const configFor = (role: R) => {
		const session = sessions.get(role);
		if (!session) throw new Error(`no session for ${role}`);
		return {...adminConfig(sandbox.current), credentials: session.credentials};
	};
	return {sandbox, configFor};
}
