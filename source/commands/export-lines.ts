import {shellQuote} from '../text/shell-quote.js';

/** The shell's export lines for `env`, as `sandbox --print-env` and `sandbox env` print them (for eval or pasting). */
export function exportLines(env: Record<string, string>): string {
	const lines = Object.entries(env).map(([name, value]) => `export ${name}=${shellQuote(value)}\n`);
	// A session token left in the shell from real AWS would travel with the sandbox's long-term
	// keys and be refused, as AWS refuses it; an empty one is no token to the aws CLI and the SDKs.
	return `${lines.join('')}export AWS_SESSION_TOKEN=\n`;
}
