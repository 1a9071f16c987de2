// What `ca-wizard doctor` reports: one result per check, each with what it found and, when
// something is wrong, the fix. Plain lines (✔ ✖ ! –) or JSON lines; no colour either way, so
// the output reads the same in a terminal, a CI log and a file.

export const checkIds = ['settings', 'repository', 'identity', 'permissions', 'token', 'env-token', 'request', 'tools'] as const;
export type CheckId = (typeof checkIds)[number];

/** skip: not tried, because a check it depends on failed (the message says which). */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
	id: CheckId;
	status: CheckStatus;
	message: string;
	fix?: string;
}

const titles: Record<CheckId, string> = {
	settings: 'settings.xml',
	repository: 'Repository',
	identity: 'Identity',
	permissions: 'Permissions',
	token: 'Token',
	'env-token': 'CODEARTIFACT_AUTH_TOKEN',
	request: 'Repository request',
	tools: 'Java and Maven',
};

const marks: Record<CheckStatus, string> = {ok: '✔', warn: '!', fail: '✖', skip: '–'};

export function check(id: CheckId, status: CheckStatus, message: string, fix?: string): CheckResult {
	return {id, status, message, ...(fix === undefined ? {} : {fix})};
}

export function skipped(id: CheckId, because: string): CheckResult {
	return check(id, 'skip', `not checked: ${because}.`);
}

/** Non-zero when any check failed; warnings and skips alone leave it 0. */
export function doctorExitCode(results: readonly CheckResult[]): 0 | 1 {
	return results.some(result => result.status === 'fail') ? 1 : 0;
}

/** A line per check, its fix indented under it, and a last line that counts. */
export function doctorLines(results: readonly CheckResult[]): string[] {
	const lines = results.flatMap(result => [`${marks[result.status]} ${titles[result.id]}: ${result.message}`, ...(result.fix ? [`  fix: ${result.fix}`] : [])]);
	const count = (status: CheckStatus) => results.filter(result => result.status === status).length;
	const failed = count('fail');
	const warned = count('warn');
	const warnings = warned === 0 ? '' : ` (${warned} warning${warned === 1 ? '' : 's'})`;
	lines.push(
		failed === 0
			? `This host is ready to build through CodeArtifact${warnings}.`
			: `${failed} check${failed === 1 ? '' : 's'} failed${warnings}: see the fixes above.`,
	);
	return lines;
}

/** `--json`: one object per check, in the order they ran. */
export function doctorJsonLines(results: readonly CheckResult[]): string[] {
	return results.map(result => JSON.stringify(result));
}
