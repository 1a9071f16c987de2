import {BoundedCache} from '../../bounded-cache.js';
import {createHmac, timingSafeEqual} from 'node:crypto';
import type {SandboxState} from '../state.js';

/**
 * CodeArtifact authorization tokens: self-contained and signed with the sandbox's secret, so
 * the Maven endpoint can check them at every request (and after a restart) without storing
 * them anywhere. Like AWS's, a token is bound to one domain and to the principal that asked,
 * by its unique id as well as its ARN: a role re-created under the same name is not it.
 * AWS's tokens are JWE whose first segment, readable by anyone, carries `exp` (the expiry in
 * epoch seconds); ours carry it in the same place, so a client may tell when one runs out.
 */
export interface TokenClaims {
	principalArn: string;
	/** aws:userid of the principal: the user's id (AIDA…), or the role's id and session name (AROA…:session). */
	principalId: string;
	domain: string;
	domainOwner: string;
	expiration: number; // epoch seconds
}

export function issueAuthorizationToken(state: SandboxState, claims: TokenClaims): string {
	const payload = Buffer.from(JSON.stringify({...claims, exp: claims.expiration})).toString('base64url');
	return `${payload}.${sign(state, payload)}`;
}

/**
 * Tokens whose signature was checked, with the secret that checked them: Maven presents one
 * token on every request of a build, and an HMAC and a JSON parse each time were most of what
 * authentication cost. Only a token signed with the current secret is reused; expiry is checked
 * every time. Bounded: a flood of distinct tokens only pushes the oldest out.
 */
const verified = new BoundedCache<string, {secret: string; claims: TokenClaims}>(64);

export function readAuthorizationToken(state: SandboxState, token: string, now = new Date()): TokenClaims | undefined {
	const known = verified.get(token);
	const claims = known?.secret === state.tokenSecret ? known.claims : verifiedClaims(state, token);
	return claims && claims.expiration * 1000 > now.getTime() ? {...claims} : undefined;
}

function verifiedClaims(state: SandboxState, token: string): TokenClaims | undefined {
	const [payload, signature, extra] = token.split('.');
	if (!payload || !signature || extra !== undefined) return undefined;
	const expected = Buffer.from(sign(state, payload));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
	let claims: TokenClaims;
	try {
		claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
	} catch {
		return undefined;
	}
	// A token issued before principalId was recorded cannot be tied to a principal: refused.
	if (typeof claims.principalId !== 'string' || typeof claims.expiration !== 'number') return undefined;
	verified.set(token, {secret: state.tokenSecret, claims});
	return claims;
}

function sign(state: SandboxState, payload: string): string {
	return createHmac('sha256', state.tokenSecret).update(payload).digest('base64url');
}
