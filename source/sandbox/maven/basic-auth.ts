/**
 * Who is calling a repository endpoint: HTTP Basic with user `aws` and a CodeArtifact
 * authorization token as the password (what Maven sends), or the token as a Bearer
 * credential (what npm and pip send). Tokens are never logged or echoed back.
 */
import {adminPrincipal, otherAccountPrincipal, roleSessionPrincipal, type Principal} from '../auth/principal.js';
import {readAuthorizationToken} from '../codeartifact/auth-token.js';
import type {SandboxState} from '../state.js';
import {MavenHttpError} from './responses.js';

export function presentedToken(authorization: string | undefined): string | undefined {
	if (!authorization) return undefined;
	const match = /^(basic|bearer)\s+(\S+)\s*$/i.exec(authorization);
	if (!match) return undefined;
	const scheme = match[1]!.toLowerCase();
	const credentials = match[2]!;
	if (scheme === 'bearer') return credentials;
	const decoded = Buffer.from(credentials, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1 || decoded.slice(0, colon) !== 'aws') return undefined;
	const password = decoded.slice(colon + 1);
	return password === '' ? undefined : password;
}

const assumedRole = /^arn:aws:sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/([\w+=,.@-]+)$/;

/**
 * The principal a valid token for this domain speaks for; otherwise a 401 with a Basic
 * challenge, so that Maven (which only sends credentials when challenged) retries with them.
 */
export function authenticate(state: SandboxState, authorization: string | undefined, domain: string, owner: string, now: Date): Principal {
	const challenge = {'www-authenticate': `Basic realm="${domain}-${owner}.d.codeartifact.${state.region}.amazonaws.com"`};
	const token = presentedToken(authorization);
	if (token === undefined)
		throw new MavenHttpError(401, 'Unauthorized: send the user "aws" and a CodeArtifact authorization token as password (HTTP Basic).', challenge);
	const claims = readAuthorizationToken(state, token, now);
	if (!claims) throw new MavenHttpError(401, 'Unauthorized: the authorization token is invalid or has expired.', challenge);
	if (claims.domain !== domain || claims.domainOwner !== owner) {
		throw new MavenHttpError(401, `Unauthorized: the authorization token is not valid for the domain ${domain} owned by ${owner}.`, challenge);
	}
	const principal = tokenPrincipal(state, claims.principalArn);
	if (!principal) throw new MavenHttpError(401, 'Unauthorized: the authorization token names an unknown principal.', challenge);
	// The principal's unique id must still be the one the token was issued to (AWS ties tokens to
	// it): a role deleted, or deleted and created again under its name, has no valid tokens left.
	if (principal.userId !== claims.principalId) {
		throw new MavenHttpError(
			401,
			'Unauthorized: the authorization token belongs to a role that no longer exists (a role created again under the same name is a new role). Get a new token.',
			challenge,
		);
	}
	return principal;
}

function tokenPrincipal(state: SandboxState, principalArn: string): Principal | undefined {
	const admin = adminPrincipal(state);
	if (principalArn === admin.arn) return admin;
	const other = otherAccountPrincipal(state, (_user, arn) => arn === principalArn);
	if (other) return other.principal;
	const role = assumedRole.exec(principalArn);
	return role && role[1] === state.accountId ? roleSessionPrincipal(state, role[2]!, role[3]!) : undefined;
}
