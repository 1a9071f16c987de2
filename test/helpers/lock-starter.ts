// A process that tries to lock a sandbox data folder on "go" (a line on stdin), says whether
// it won, and holds what it won until stdin closes. Bundled by folder-lock.test.ts.
import {acquireDataLock} from '../../source/sandbox/store/data-lock.js';

const folder = process.argv[2]!;
process.stdin.once('data', () => {
	try {
		acquireDataLock(folder);
		process.stdout.write('won\n');
	} catch (error) {
		process.stdout.write(`lost: ${(error as Error).message}\n`);
	}
	process.stdin.once('end', () => process.exit(0));
	process.stdin.resume();
});
process.stdout.write('ready\n');
