import {asksVersionFirst} from './commands/version-first.js';

// The entry point (dist/cli.cjs), kept to what `--version` needs: its rule and the version, which
// the bundler writes in. It is CommonJS, one file: Node starts an ES module's loader for an ES
// module entry and reads each file it imports, which made `--version` a fifth slower than bare
// Node (bench/startup.mjs). Everything else is the ES modules of dist/, from main.js on.
if (asksVersionFirst(process.argv.slice(2))) process.stdout.write(`${CA_WIZARD_VERSION}\n`);
else void import('./main.js');
