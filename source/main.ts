import process from 'node:process';
import {openScreensFirst} from './commands/session.js';

// What a run starts with, once dist/cli.cjs has found it is not `--version`: the early screens at a
// terminal, then the command line's own code (run-cli.js), imported only now.

// The SDK's notice about future Node versions would tear the wizard's frame; the engines
// field already states what we support.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
// NO_COLOR (no-color.org) turns the screens' colours off; chalk, which Ink colours with, reads
// only FORCE_COLOR, and an explicit FORCE_COLOR stays the user's choice. Set before the screens load.
if (process.env['NO_COLOR'] && process.env['FORCE_COLOR'] === undefined) process.env['FORCE_COLOR'] = '0';

const argv = process.argv.slice(2);
// At a terminal the wizard's first frame is drawn before the command line's own code loads.
await openScreensFirst(argv);
await (await import('./run-cli.js')).runCli(argv);
