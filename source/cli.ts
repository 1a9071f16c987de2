import process from 'node:process';
import packageJson from '../package.json' with {type: 'json'};
import {openScreensFirst} from './commands/session.js';
import {asksVersionFirst} from './commands/version-first.js';

// The entry point, kept to what `--version` needs: the commands, their options and everything a run
// loads come with run-cli.js, imported only when something is to run (bench/startup.mjs times this).

// The SDK's notice about future Node versions would tear the wizard's frame; the engines
// field already states what we support.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
// NO_COLOR (no-color.org) turns the screens' colours off; chalk, which Ink colours with, reads
// only FORCE_COLOR, and an explicit FORCE_COLOR stays the user's choice. Set before the screens load.
if (process.env['NO_COLOR'] && process.env['FORCE_COLOR'] === undefined) process.env['FORCE_COLOR'] = '0';

const argv = process.argv.slice(2);
if (asksVersionFirst(argv)) process.stdout.write(`${packageJson.version}\n`);
else {
	// At a terminal the wizard's first frame is drawn before the command line's own code loads.
	await openScreensFirst(argv);
	await (await import('./run-cli.js')).runCli(argv);
}
