// When a CodeArtifact token runs out, read from the token itself: AWS's tokens are JWE whose
// first segment (base64url JSON, not encrypted) carries `exp` in epoch seconds, beside `isu`;
// the sandbox's carry it in the same place. Nothing else of the token is read or kept.

export function tokenExpiry(token: string): Date | undefined {
	const [first] = token.split('.');
	if (!first) return undefined;
	try {
		const header = JSON.parse(Buffer.from(first, 'base64url').toString('utf8')) as unknown;
		const exp = typeof header === 'object' && header !== null ? (header as {exp?: unknown}).exp : undefined;
		return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000) : undefined;
	} catch {
		return undefined;
	}
}

/** "3 min", "2 h", "1 d": how long between two moments, roughly. */
export function roughSpan(ms: number): string {
	const minutes = Math.max(0, Math.round(ms / 60_000));
	if (minutes < 120) return `${minutes} min`;
	const hours = Math.round(minutes / 60);
	return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}
