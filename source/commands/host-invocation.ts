import {resolve} from 'node:path';
import {shellQuote} from '../text/shell-quote.js';
import type {Target} from './connect-target.js';

/**
 * The flags that name a wizard run's target again in a printed command. `embedded` stands for a
 * sandbox the wizard started itself: destroy starts it again (--sandbox); token and exec reach it,
 * restarted, through the endpoint its export lines set.
 */
export function targetWords(target: Target, embedded: string): string[] {
	if (target.kind === 'sandbox') return [embedded];
	if (target.kind === 'sandbox-url') return [`--sandbox-url ${shellQuote(target.url)}`];
	return [...(target.profile ? [`--profile ${shellQuote(target.profile)}`] : []), ...(target.region ? [`--region ${shellQuote(target.region)}`] : [])];
}

/** The flags that point a printed aws CLI command where this run's calls went: its profile and region, or the sandbox's endpoint. */
export function awsCliFlags(target: Target, region: string): string {
	if (target.kind === 'sandbox') return ' --endpoint-url "$AWS_ENDPOINT_URL"'; // set by the export lines `ca-wizard sandbox` prints
	if (target.kind === 'sandbox-url') return ` --endpoint-url ${shellQuote(target.url)}`;
	return `${target.profile ? ` --profile ${shellQuote(target.profile)}` : ''} --region ${shellQuote(region)}`;
}

/** How an embedded sandbox, restarted as the summary says, is reached by a printed command: through its export lines. */
export const restartedSandbox = '--sandbox-url "$AWS_ENDPOINT_URL"';

/** The flags that make `ca-wizard token` and `ca-wizard exec` find what a wizard run set up: its work folder (always: they work pasted anywhere) and its target. */
export function hostCommandFlags(target: Target, workDir: string): string {
	const words = [`--workdir ${shellQuote(resolve(workDir))}`];
	words.push(...targetWords(target, restartedSandbox));
	return words.map(word => ` ${word}`).join('');
}
