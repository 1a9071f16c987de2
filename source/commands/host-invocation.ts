import {resolve} from 'node:path';
import {shellQuote} from '../text/shell-quote.js';
import type {Target} from './connect-target.js';
import {defaultWorkDirName} from './defaults.js';

/**
 * The flags that make `ca-wizard token` and `ca-wizard exec` find what a wizard run set up: its
 * work folder (when not the default) and its target. An embedded sandbox is gone once the wizard
 * ends: they reach it again, restarted, through the endpoint its export lines set.
 */
export function hostCommandFlags(target: Target, workDir: string, cwd: string): string {
	const words: string[] = [];
	if (resolve(workDir) !== resolve(cwd, defaultWorkDirName)) words.push(`--workdir ${shellQuote(workDir)}`);
	if (target.kind === 'sandbox') words.push('--sandbox-url "$AWS_ENDPOINT_URL"');
	else if (target.kind === 'sandbox-url') words.push(`--sandbox-url ${shellQuote(target.url)}`);
	else {
		if (target.profile) words.push(`--profile ${shellQuote(target.profile)}`);
		if (target.region) words.push(`--region ${shellQuote(target.region)}`);
	}
	return words.map(word => ` ${word}`).join('');
}
