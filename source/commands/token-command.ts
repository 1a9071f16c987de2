import process from 'node:process';
import {shellQuote} from '../text/shell-quote.js';
import {utcMinute} from '../text/utc-minute.js';
import {fetchHostToken, type HostTokenOptions} from './host-token.js';
import type {TokenFormat} from './token.js';

/** The one place the token is printed: to stdout, because the user asked; what it is for goes to stderr. */
export async function runTokenCommand(options: HostTokenOptions & {format: TokenFormat}): Promise<number> {
	const {token, domain} = await fetchHostToken(options);
	const value = token.token;
	const text =
		options.format === 'json'
			? JSON.stringify({token: value, expiration: token.expiration.toISOString(), domain: domain.domain, domainOwner: domain.domainOwner})
			: options.format === 'env'
				? `CODEARTIFACT_AUTH_TOKEN=${value}`
				: `export CODEARTIFACT_AUTH_TOKEN=${shellQuote(value)}`;
	process.stdout.write(`${text}\n`);
	process.stderr.write(`${expiryLine(token.expiration, domain.domain)}\n`);
	return 0;
}

export function expiryLine(expiration: Date, domain: string, now = new Date()): string {
	const minutes = Math.round((expiration.getTime() - now.getTime()) / 60_000);
	const left = minutes < 60 ? `${minutes} min` : `${Math.round(minutes / 6) / 10} h`;
	return `CodeArtifact token for ${domain}, valid until ${utcMinute(expiration)} (${left}).`;
}
