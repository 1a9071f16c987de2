// Small pure pieces of the write-up: times, durations, the masked account, the policy with a
// line per statement, and settings.xml lines with any written-in password masked.

/** 123456789012 → 1234••••9012: enough to tell accounts apart, not enough to name one. */
export function maskAccount(account: string): string {
	return account.length === 12 ? `${account.slice(0, 4)}••••${account.slice(-4)}` : account;
}

/** Milliseconds as a person says them: 850 ms, 4.2 s, 3 min 7 s, 1 h 2 min. */
export function duration(ms: number): string {
	if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
	const seconds = ms / 1000;
	if (seconds < 60) return `${seconds.toFixed(1)} s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
	return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** An ISO-8601 time as a UTC minute, as the wizard shows times: 2026-12-02 16:40 UTC. */
export function utcTime(iso: string): string {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The policy document as the screens show it: its outer keys on lines of their own and each
 * statement on one line. A document that does not parse is shown as it was.
 */
export function policyLines(document: string): string[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(document);
	} catch {
		return document.split('\n');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return document.split('\n');
	const entries = Object.entries(parsed as Record<string, unknown>);
	const lines = ['{'];
	entries.forEach(([key, value], index) => {
		const comma = index < entries.length - 1 ? ',' : '';
		if (key === 'Statement' && Array.isArray(value)) {
			lines.push(`  ${JSON.stringify(key)}: [`);
			value.forEach((statement, at) => lines.push(`    ${JSON.stringify(statement)}${at < value.length - 1 ? ',' : ''}`));
			lines.push(`  ]${comma}`);
		} else lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
	});
	lines.push('}');
	return lines;
}

/**
 * A settings.xml line with any password written into it masked: only the environment reference
 * `${env.NAME}` stays readable. The diffs in the log are masked already; this holds for any line.
 */
export function maskedSettingsLine(line: string): string {
	return line.replaceAll(/<(password|passphrase)(\s[^>]*)?>([\s\S]*?)<\/\1>/g, (whole, tag: string, attributes: string | undefined, value: string) =>
		/^\s*\$\{env\.[A-Za-z_][A-Za-z0-9_]*\}\s*$/.test(value) || /^\*+$/.test(value.trim()) ? whole : `<${tag}${attributes ?? ''}>********</${tag}>`,
	);
}
