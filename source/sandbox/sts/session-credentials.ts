import {randomBytes} from 'node:crypto';
import {awsId, isoNow, secretKey} from '../ids.js';
import type {SandboxState, StsSessionRecord} from '../state.js';
import {emptyRecord} from '../state.js';
import type {XmlNode} from '../protocols/xml.js';

// Temporary credentials STS issues on request, kept (as instance sessions are) until they expire.

export type SessionGrant = Omit<StsSessionRecord, 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'issued' | 'expiration'>;

/** Issues and records a fresh set that expires `seconds` after `now`; expired sets are forgotten. The caller commits. */
export function issueSession(state: SandboxState, grant: SessionGrant, now: Date, seconds: number): StsSessionRecord {
	const sessions = (state.stsSessions ??= emptyRecord());
	for (const [key, old] of Object.entries(sessions)) if (Date.parse(old.expiration) <= now.getTime()) delete sessions[key];
	const session: StsSessionRecord = {
		...grant,
		accessKeyId: awsId('ASIA'),
		secretAccessKey: secretKey(),
		// Real session tokens are long base64 blobs with this very prefix.
		sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(480).toString('base64')}`,
		issued: isoNow(now),
		expiration: isoNow(new Date(now.getTime() + seconds * 1000)),
	};
	sessions[session.accessKeyId] = session;
	return session;
}

/** The Credentials member of AssumeRole's and GetSessionToken's results. */
export function credentialsXml(session: StsSessionRecord): XmlNode {
	return {
		AccessKeyId: session.accessKeyId,
		SecretAccessKey: session.secretAccessKey,
		SessionToken: session.sessionToken,
		Expiration: session.expiration,
	};
}
