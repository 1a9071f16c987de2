// Node module hooks that note the URL of every module the process loads, a line each, in the file
// CA_WIZARD_LOADED_LOG names: which files of dist/ a run of the built CLI really loaded.
import {appendFileSync} from 'node:fs';

const log = process.env.CA_WIZARD_LOADED_LOG;

export async function load(url, context, nextLoad) {
	if (log) appendFileSync(log, `${url}\n`);
	return nextLoad(url, context);
}
