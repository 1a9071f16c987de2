import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import type {SandboxState} from '../state.js';

// IMDSv2 session tokens, stateless: version, expiry and a nonce, signed with a key derived
// from the sandbox's secret. Nothing is stored, and tokens survive a restart like AWS's do
// for their lifetime. The derived key keeps these tokens useless as any other kind of token,
// and at any other instance: the key is derived per instance id.

export const minTokenTtl = 1;
export const maxTokenTtl = 21600;

const version = 1;
const bodyLength = 1 + 6 + 12;
const macLength = 16;

function signingKey(state: SandboxState, instanceId: string): Buffer {
	return createHmac('sha256', state.tokenSecret).update(`ca-wizard sandbox imds-v2 token\u0000${instanceId}`).digest();
}

function mac(state: SandboxState, instanceId: string, body: Buffer): Buffer {
	return createHmac('sha256', signingKey(state, instanceId)).update(body).digest().subarray(0, macLength);
}

export function issueMetadataToken(state: SandboxState, instanceId: string, ttlSeconds: number, now: Date): string {
	const body = Buffer.alloc(bodyLength);
	body.writeUInt8(version, 0);
	body.writeUIntBE(now.getTime() + ttlSeconds * 1000, 1, 6);
	randomBytes(12).copy(body, 7);
	return Buffer.concat([body, mac(state, instanceId, body)]).toString('base64');
}

/** Seconds the token has left, or undefined when it is forged, garbled or expired. */
export function metadataTokenTtl(state: SandboxState, instanceId: string, token: string, now: Date): number | undefined {
	const raw = Buffer.from(token, 'base64');
	if (raw.length !== bodyLength + macLength || raw.toString('base64') !== token) return undefined;
	const body = raw.subarray(0, bodyLength);
	if (body.readUInt8(0) !== version || !timingSafeEqual(raw.subarray(bodyLength), mac(state, instanceId, body))) return undefined;
	const remainingMs = body.readUIntBE(1, 6) - now.getTime();
	return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : undefined;
}
