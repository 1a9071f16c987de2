import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
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

it('prints `ca-wizard` when a shell would find it on the PATH (installed, globally or by a package manager)', () => {
	const global = folderWithCaWizard(join(temporaryDirectory(), 'usr', 'local', 'bin'));
	expect(invocationName({PATH: ['/nowhere', global].join(':')})).toBe('ca-wizard');
});

it('prints `npx ca-wizard` when the name is only where npm puts it while it runs a package: npx cache or node_modules/.bin', () => {
	const root = temporaryDirectory();
	const npxCache = folderWithCaWizard(join(root, '.npm', '_npx', '2f5b1e', 'node_modules', '.bin'));
	const project = folderWithCaWizard(join(root, 'project', 'node_modules', '.bin'));
	expect(invocationName({PATH: [npxCache, project, '/usr/bin'].join(':'), npm_command: 'exec'})).toBe('npx ca-wizard');
});

it('prints `npx ca-wizard` when no executable ca-wizard is on the PATH, or there is no PATH', () => {
	const notExecutable = folderWithCaWizard(join(temporaryDirectory(), 'bin'), false);
	expect(invocationName({PATH: notExecutable})).toBe('npx ca-wizard');
	expect(invocationName({})).toBe('npx ca-wizard');
	expect(invocationName({PATH: '::'})).toBe('npx ca-wizard');
});
