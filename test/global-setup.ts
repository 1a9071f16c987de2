import {execFileSync} from 'node:child_process';

// Black-box tests run the built CLI: build it once per test run (esbuild takes about a second).
// Vitest calls this for the root config and again for each project (each with a fresh copy of
// this module): the main process's environment remembers that the build is done.
export default function setup(): void {
	if (process.env['CA_WIZARD_SKIP_BUILD'] === '1') return;
	execFileSync(process.execPath, ['scripts/build.mjs'], {stdio: 'inherit'});
	process.env['CA_WIZARD_SKIP_BUILD'] = '1';
}
