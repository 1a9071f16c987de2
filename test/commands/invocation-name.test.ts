import {chmodSync, mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {invocationName} from '../../source/commands/invocation-name.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

/** A folder holding an executable `ca-wizard` (or a plain file, when `executable` is false). */
function folderWithCaWizard(under: string, executable = true): string {
	mkdirSync(under, {recursive: true});
	writeFileSync(join(under, 'ca-wizard'), '#!/bin/sh\n');
	chmodSync(join(under, 'ca-wizard'), executable ? 0o755 : 0o644);
	return under;
}

/** A built CLI script at `dist/cli.cjs` under `root`, as a clone or an install holds it. */
function scriptUnder(root: string): string {
	mkdirSync(join(root, 'dist'), {recursive: true});
	writeFileSync(join(root, 'dist', 'cli.cjs'), '');
	return join(root, 'dist', 'cli.cjs');
}

it('prints `ca-wizard` when a shell would find it on the PATH (installed, globally or by a package manager)', () => {
	const global = folderWithCaWizard(join(temporaryDirectory(), 'usr', 'local', 'bin'));
	const clone = scriptUnder(join(temporaryDirectory(), 'clone'));
	expect(invocationName({PATH: ['/nowhere', global].join(':')}, clone)).toBe('ca-wizard');
});

it('prints `npx ca-wizard` when run through npx: the script in npx cache, whose .bin folder does not count', () => {
	const root = temporaryDirectory();
	const npxPackage = join(root, '.npm', '_npx', '2f5b1e', 'node_modules');
	const npxBin = folderWithCaWizard(join(npxPackage, '.bin'));
	const script = scriptUnder(join(npxPackage, 'ca-wizard'));
	expect(invocationName({PATH: [npxBin, '/usr/bin'].join(':'), npm_command: 'exec'}, script)).toBe('npx ca-wizard');
	expect(invocationName({PATH: '/usr/bin'}, script)).toBe('npx ca-wizard');
	// npm's exec with no script to name: npx is the way it came.
	expect(invocationName({PATH: '/usr/bin', npm_command: 'exec'}, '')).toBe('npx ca-wizard');
});

it('prints `node /abs/dist/cli.cjs` for a clone (npm start, node dist/cli.cjs): npx there would fetch from the registry', () => {
	const clone = join(temporaryDirectory(), 'my clone');
	const script = scriptUnder(clone);
	// npm start puts the clone's node_modules/.bin on the PATH; it does not count.
	const cloneBin = folderWithCaWizard(join(clone, 'node_modules', '.bin'));
	expect(invocationName({PATH: [cloneBin, '/usr/bin'].join(':'), npm_command: 'start'}, script)).toBe(`node '${script}'`);
	expect(invocationName({}, script)).toBe(`node '${script}'`);
});

it('prints the path of a local install run by path or through its .bin link, resolved to the script itself', () => {
	const project = temporaryDirectory();
	const script = scriptUnder(join(project, 'node_modules', 'ca-wizard'));
	const bin = join(project, 'node_modules', '.bin');
	mkdirSync(bin, {recursive: true});
	const link = join(bin, 'ca-wizard');
	symlinkSync(script, link);
	expect(invocationName({PATH: '/usr/bin', npm_command: 'exec'}, link)).toBe(`node ${script}`);
});

it('does not count a ca-wizard on the PATH that is not executable', () => {
	const notExecutable = folderWithCaWizard(join(temporaryDirectory(), 'bin'), false);
	const script = scriptUnder(join(temporaryDirectory(), 'clone'));
	expect(invocationName({PATH: notExecutable}, script)).toBe(`node ${script}`);
	expect(invocationName({PATH: '::'}, script)).toBe(`node ${script}`);
});
