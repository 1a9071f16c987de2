// Check 5's second half, the token already in the environment, and check 7, the tools.

import {utcMinute} from '../../text/utc-minute.js';
import {check, type CheckResult} from './checks.js';
import type {ProbeVerdict} from './repository-request.js';
import {roughSpan, tokenExpiry} from './token-expiry.js';

/**
 * CODEARTIFACT_AUTH_TOKEN, as Maven would send it: expired by its own date (named), else what
 * the repository says of it. `probe` is undefined when there is no repository to ask.
 */
export async function checkEnvToken(
	token: string,
	now: Date,
	newToken: string,
	probe: (token: string) => Promise<ProbeVerdict | undefined>,
): Promise<CheckResult> {
	const expiry = tokenExpiry(token);
	if (expiry && expiry.getTime() <= now.getTime())
		return check(
			'env-token',
			'fail',
			`the token in this shell expired at ${utcMinute(expiry)} (${roughSpan(now.getTime() - expiry.getTime())} ago).`,
			newToken,
		);
	const until = expiry ? `valid until ${utcMinute(expiry)} (${roughSpan(expiry.getTime() - now.getTime())} left)` : 'of unknown expiry';
	const verdict = await probe(token);
	if (!verdict) return check('env-token', 'warn', `set, ${until}; not tried, as settings.xml names no repository.`);
	return verdict.ok ? check('env-token', 'ok', `${until}; ${verdict.message}`) : check('env-token', 'fail', `${until}; ${verdict.message}`, verdict.fix);
}

const install =
	'Install them (Debian/Ubuntu: sudo apt-get install maven openjdk-17-jdk-headless; Amazon Linux: sudo dnf install maven java-17-amazon-corretto-devel), or put them on the PATH.';

/** Check 7: Java and Maven on the PATH, with the versions they report. */
export async function checkToolVersions(tools: {detectJava(): Promise<string | undefined>; detectMaven(): Promise<string | undefined>}): Promise<CheckResult> {
	const [java, maven] = await Promise.all([tools.detectJava(), tools.detectMaven()]);
	const found = `${java ?? 'no java'}; ${maven ?? 'no mvn'}`;
	return java && maven ? check('tools', 'ok', found) : check('tools', 'fail', `${found} on the PATH.`, install);
}
