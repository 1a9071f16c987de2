// One GET of a repository URL as Maven makes it: HTTP Basic, user `aws`, the token as password.
// The answer's status is all that is kept (the body is dropped unread); no answer at all is a
// network failure with its code. The token goes into the header and nowhere else.

/** What a GET came back with: an HTTP status, or no answer at all (ECONNREFUSED, ENOTFOUND, a timeout…). */
export type ProbeOutcome = {kind: 'status'; status: number} | {kind: 'network'; code: string};

const timeoutMs = 20_000;

export async function authenticatedGet(url: string, token: string): Promise<ProbeOutcome> {
	try {
		const response = await fetch(url, {
			headers: {authorization: `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`},
			redirect: 'manual', // a redirect (to a download) already says the repository answered
			signal: AbortSignal.timeout(timeoutMs),
		});
		await response.body?.cancel();
		return {kind: 'status', status: response.status};
	} catch (error) {
		return {kind: 'network', code: networkCode(error)};
	}
}

/** fetch wraps the socket's error (ECONNREFUSED, ENOTFOUND…) in its cause; a timeout is its own. */
function networkCode(error: unknown): string {
	if (error instanceof Error && error.name === 'TimeoutError') return `no answer in ${timeoutMs / 1000} s`;
	const cause = error instanceof Error ? error.cause : undefined;
	if (cause instanceof Error) {
		const {code} = cause as NodeJS.ErrnoException;
		return typeof code === 'string' ? code : cause.message;
	}
	return error instanceof Error ? error.message : String(error);
}
